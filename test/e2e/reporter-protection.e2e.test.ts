import { describe, expect, it } from '@jest/globals';
import { catalogs, LANGUAGES } from '@convene/shared';
import type { Page } from 'playwright-core';
import { eventually } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { severeViolations } from '../support/workspace-steps.js';

/*
 * Issue 13, part 4, in real Chromium: "leave quickly" leaves no form in the history and
 * nothing of the report on the device; a report that arrived leaves only its receipt code;
 * "forget this device" leaves nothing at all, queued reports included. Axe-clean.
 */

/** The browser's storage as page functions see it (this file is type-checked without the DOM library). */
type Request<T> = { onsuccess: (() => void) | null; onerror: (() => void) | null; result: T; error: unknown };
type Database = {
  objectStoreNames: ArrayLike<string>;
  transaction(name: string): {
    objectStore(name: string): { getAll(): Request<unknown[]>; getAllKeys(): Request<unknown[]> };
  };
  close(): void;
};
type StorageGlobals = {
  indexedDB: { databases(): Promise<Array<{ name?: string }>>; open(name: string): Request<Database> };
  localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
  caches: { keys(): Promise<string[]>; open(name: string): Promise<{ keys(): Promise<Array<{ url: string }>> }> };
  history: { length: number };
};

type DeviceDump = {
  /** Every entry of every object store of every IndexedDB database of the origin. */
  indexedDb: Array<{ store: string; key: unknown; value: unknown }>;
  localStorage: Record<string, string | null>;
  /** Every cached request of Cache Storage. */
  cached: string[];
};

/** Everything the origin keeps on the device, read in the page. */
function readDevice(page: Page): Promise<DeviceDump> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as StorageGlobals;
    const done = <T>(request: Request<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const indexedDb: Array<{ store: string; key: unknown; value: unknown }> = [];
    for (const { name } of await g.indexedDB.databases()) {
      if (!name) continue;
      const db = await done(g.indexedDB.open(name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const keys = await done(db.transaction(storeName).objectStore(storeName).getAllKeys());
        const values = await done(db.transaction(storeName).objectStore(storeName).getAll());
        keys.forEach((key, i) => indexedDb.push({ store: `${name}/${storeName}`, key, value: values[i] }));
      }
      db.close();
    }
    const localStorage: Record<string, string | null> = {};
    for (let i = 0; i < g.localStorage.length; i += 1) {
      const key = g.localStorage.key(i);
      if (key !== null) localStorage[key] = g.localStorage.getItem(key);
    }
    const cached: string[] = [];
    for (const name of await g.caches.keys()) {
      for (const request of await (await g.caches.open(name)).keys()) cached.push(request.url);
    }
    return { indexedDb, localStorage, cached };
  });
}

// A named reporter's name, email and phone travel sealed (encrypted-identity tests); the
// organization is the identity field the form holds in clear.
const REPORT = { organization: 'Réseau des femmes du Sahel' };

describe('reporter-side protections in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: false, withWorker: false });

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
    for (const field of ['organization']) {
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
    // The draft is on the device: what the button must remove.
    const before = await readDevice(page);
    for (const text of [barriers, REPORT.organization]) expect(holds(before, text)).toBe(true);
    expect(await severeViolations(page, 'report form with leave quickly')).toEqual([]);

    const historyBefore = await page.evaluate(() => (globalThis as unknown as StorageGlobals).history.length);
    await page.getByRole('button', { name: 'Leave quickly', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('.webinar-list, main h1').first().waitFor();

    const after = await readDevice(page);
    for (const text of [barriers, REPORT.organization]) {
      expect({ text, held: holds(after, text) }).toEqual({ text, held: false });
    }
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
    for (const text of [sentText, queuedText, receipt, REPORT.organization]) {
      expect({ text, held: holds(after, text) }).toEqual({ text, held: false });
    }
    await expect(page.locator('[data-state="sent"], [data-state="queued"]').count()).resolves.toBe(0);
    await expect(page.locator('textarea[name="barriers"]').inputValue()).resolves.toBe('');
    expect(await severeViolations(page, 'after forgetting the device')).toEqual([]);
    await context.setOffline(false);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
