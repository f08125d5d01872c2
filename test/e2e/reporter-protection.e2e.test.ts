import { beforeAll, describe, expect, it } from '@jest/globals';
import { catalogs, LANGUAGES } from '@convene/shared';
import type { Page } from 'playwright-core';
import { eventually } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { readDevice, type DeviceDump, type StorageGlobals } from '../support/device-dump.js';
import { insertReporterKey } from '../support/sealed-identity.js';
import { severeViolations } from '../support/workspace-steps.js';

/*
 * Issue 13, part 4, in real Chromium: "leave quickly" leaves no form in the history and
 * nothing of the report on the device; a report that arrived leaves only its receipt code;
 * "forget this device" leaves nothing at all, queued reports included. Axe-clean.
 */

// The organization is held in clear; the contact's name, email and phone never reach the
// device's storage in clear (sealed when sent: encrypted-identity.e2e.test.ts).
const REPORT = {
  organization: 'Réseau des femmes du Sahel',
  name: 'Aïcha Traoré-Fixture',
  email: 'aicha.fixture@example.org',
  phone: '+227 90 12 34 56',
};
const CONTACT = [REPORT.name, REPORT.email, REPORT.phone];

describe('reporter-side protections in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });
  // The contact fields show once the coalition has a key to seal them to.
  beforeAll(async () => {
    await insertReporterKey(suite.stack.db);
  });

  async function openForm(pathname = '/report?lang=en') {
    const opened = await suite.open();
    // The platform first, the form second: Back from the form would lead here.
    await opened.page.goto(`${suite.stack.url}/?lang=en`);
    await opened.page.goto(`${suite.stack.url}${pathname}`);
    await opened.page.locator('form.report-form').waitFor();
    return opened;
  }

  /** A valid report, named or not; returns the form. */
  async function fill(page: Page, barriers: string, named: boolean) {
    const form = page.locator('form.report-form');
    if (named) {
      await form.locator('#report-reporter-named').check();
      await form.locator('input[name="organization"]').fill(REPORT.organization);
      await form.locator('input[name="name"]').fill(REPORT.name);
      await form.locator('input[name="email"]').fill(REPORT.email);
      await form.locator('input[name="phone"]').fill(REPORT.phone);
    }
    await form.locator('select[name="region"]').selectOption('africa');
    await form.locator('input[role="combobox"]#report-countries').click();
    await form.locator('[role="option"][data-code="NE"]').click();
    await form.locator('input[name="themes"][value="cooperation-governance"]').check();
    await form.locator('textarea[name="barriers"]').fill(barriers);
    await form.locator('input[name="consent"][value="anonymized"]').check();
    await page.locator('.draft-saved').waitFor();
    return form;
  }

  const holds = (dump: DeviceDump, text: string) => JSON.stringify(dump).includes(text);

  it('labels "leave quickly" in every language, and turns identity autocompletion off', async () => {
    const { page, pageErrors } = await openForm();
    for (const language of LANGUAGES) {
      for (const pathname of ['/report', '/report/status']) {
        await page.goto(`${suite.stack.url}${pathname}?lang=${language}`);
        const button = page.getByRole('button', { name: catalogs[language].report.leaveQuickly, exact: true });
        await button.waitFor();
        await expect(button.count()).resolves.toBe(1);
      }
    }
    await page.goto(`${suite.stack.url}/report?lang=en`);
    await page.locator('#report-reporter-named').check();
    for (const field of ['organization', 'name', 'email', 'phone']) {
      await expect(page.locator(`input[name="${field}"]`).getAttribute('autocomplete')).resolves.toBe('off');
    }
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('"leave quickly", by keyboard, leaves no form in the history and nothing of the report on the device', async () => {
    const { page, pageErrors } = await openForm();
    // Away from the form and back to it in the page: the first form's entry must not stay behind either.
    await page.locator('.site-nav').getByRole('link', { name: catalogs.en.nav.webinars, exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.site-nav').getByRole('link', { name: catalogs.en.report.nav, exact: true }).click();
    await page.locator('form.report-form').waitFor();
    const barriers = `Leave-quickly report ${Date.now()}: detention without a hearing at the border post.`;
    await fill(page, barriers, true);
    // The draft is on the device: what the button must remove. The contact was never in it.
    const before = await readDevice(page);
    for (const text of [barriers, REPORT.organization]) expect(holds(before, text)).toBe(true);
    for (const text of CONTACT) expect({ text, held: holds(before, text) }).toEqual({ text, held: false });
    // The coalition's public key, cached for offline sealing, tells that someone chose "named".
    expect(before.indexedDb.map((entry) => entry.key)).toContain('reporter-key');
    expect(await severeViolations(page, 'report form with leave quickly')).toEqual([]);

    const historyBefore = await page.evaluate(() => (globalThis as unknown as StorageGlobals).history.length);
    await page.getByRole('button', { name: 'Leave quickly', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.webinar-list, main h1').first().waitFor();

    const after = await readDevice(page);
    for (const text of [barriers, REPORT.organization, ...CONTACT]) {
      expect({ text, held: holds(after, text) }).toEqual({ text, held: false });
    }
    expect(after.indexedDb.map((entry) => entry.key)).not.toContain('reporter-key');
    // The form's entry was replaced, not added to, and no entry Back can reach is a report page.
    expect(await page.evaluate(() => (globalThis as unknown as StorageGlobals).history.length)).toBe(historyBefore);
    const visited: string[] = [];
    for (let i = 1; i < historyBefore; i += 1) {
      await page.goBack({ waitUntil: 'load' });
      visited.push(new URL(page.url()).pathname);
    }
    // Every entry back to the tab's first (about:blank): the platform's pages, never a report page.
    expect(visited).toEqual([...Array.from({ length: historyBefore - 2 }, () => '/'), 'blank']);

    // Back on the form, nothing is restored.
    await page.goto(`${suite.stack.url}/report?lang=en`);
    await expect(page.locator('textarea[name="barriers"]').inputValue()).resolves.toBe('');
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('keeps only the receipt code once a report arrived, and "forget this device" then leaves nothing, queued reports included', async () => {
    const { context, page, pageErrors } = await openForm();
    const sentText = `Arrived report ${Date.now()}: no interpreter at the asylum interview.`;
    const form = await fill(page, sentText, true);
    expect(holds(await readDevice(page), sentText)).toBe(true);
    await form.locator('button[type="submit"]').click();
    const code = page.locator('[data-state="sent"] .receipt-code');
    await code.waitFor();
    const receipt = (await code.textContent()) ?? '';
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Draft and queued copy gone; the receipt code stays for the reporter.
    const arrived = await eventually(async () => {
      const dump = await readDevice(page);
      return holds(dump, sentText) || holds(dump, REPORT.organization) ? null : dump;
    });
    expect(holds(arrived, receipt)).toBe(true);
    expect(holds(arrived, REPORT.organization)).toBe(false);
    for (const text of CONTACT) expect({ text, held: holds(arrived, text) }).toEqual({ text, held: false });

    // A second report, sent with no network: it waits in the device's queue, text and all.
    await page.getByRole('button', { name: 'Send another report' }).click();
    const queuedText = `Queued report ${Date.now()}: pushbacks at sea reported by fishermen.`;
    const second = await fill(page, queuedText, false);
    await context.setOffline(true);
    await second.locator('button[type="submit"]').click();
    await page.locator('[data-state="queued"]').waitFor();
    expect(holds(await readDevice(page), queuedText)).toBe(true);

    await page.getByRole('button', { name: 'Forget this device', exact: true }).click();
    await page.getByText(catalogs.en.report.forgetDevice.confirm).waitFor();
    expect(await severeViolations(page, 'forget this device, confirming')).toEqual([]);
    await page.getByRole('button', { name: 'Yes, remove everything' }).click();
    await page.getByText(catalogs.en.report.forgetDevice.done).waitFor();

    const after = await eventually(async () => {
      const dump = await readDevice(page);
      return dump.indexedDb.length === 0 ? dump : null;
    });
    expect(after.indexedDb).toEqual([]);
    expect(Object.keys(after.localStorage).filter((key) => key.startsWith('convene.device.'))).toEqual([]);
    expect(after.cached.filter((url) => url.includes('/api/reports'))).toEqual([]);
    for (const text of [sentText, queuedText, receipt, REPORT.organization, ...CONTACT]) {
      expect({ text, held: holds(after, text) }).toEqual({ text, held: false });
    }
    await expect(page.locator('[data-state="sent"], [data-state="queued"]').count()).resolves.toBe(0);
    await expect(page.locator('textarea[name="barriers"]').inputValue()).resolves.toBe('');
    expect(await severeViolations(page, 'after forgetting the device')).toEqual([]);
    await context.setOffline(false);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
