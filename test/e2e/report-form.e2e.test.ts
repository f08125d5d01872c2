import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TLanguage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../factories.js';
import { ensureClientBuild, launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { severeViolations } from '../support/workspace-steps.js';

/*
 * Reporters fill in the regional input form in real Chromium, in each language, online and
 * offline, with a server that fails once: every time exactly one report arrives, as written.
 */

const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts', 'e2e');

type Case = {
  language: TLanguage;
  dir: 'ltr' | 'rtl';
  /** Written so that a theme is suggested from it. */
  barriers: string;
  suggested: string;
  /** A word of the page's error summary title, to see the errors are in the language. */
  errorTitle: RegExp;
  screenshot?: string;
};

const CASES: Case[] = [
  {
    language: 'en',
    dir: 'ltr',
    barriers: 'People are detained for months and face racism at the hospital. 👩🏽‍⚕️',
    suggested: 'human-rights-inclusion',
    errorTitle: /correct/i,
  },
  {
    language: 'fr',
    dir: 'ltr',
    barriers: 'Les personnes sans papiers n’obtiennent aucun titre de séjour, même après dix ans.',
    suggested: 'irregular-migration-pathways',
    errorTitle: /corriger/i,
  },
  {
    language: 'es',
    dir: 'ltr',
    barriers: 'Las redes de trata de personas y los coyotes exigen pagos en la frontera.',
    suggested: 'smuggling-trafficking',
    errorTitle: /corrija|corregir/i,
  },
  {
    language: 'ar',
    dir: 'rtl',
    barriers: 'الجفاف والفقر يدفعان الشباب إلى الهجرة عبر الصحراء\u200f.',
    suggested: 'drivers-of-migration',
    errorTitle: /تصحيح|يرجى/,
    screenshot: 'report-ar.png',
  },
];

const CHOSEN = 'cooperation-governance';

/**
 * The browser's globals as seen inside page functions (this file is type-checked without
 * the DOM library). Page functions are serialized, so each casts globalThis itself.
 */
type BrowserGlobals = {
  document: { activeElement: { classList: { contains(name: string): boolean } } | null };
  navigator: { serviceWorker: { controller: unknown } };
};

describe('the regional input form in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    stack = await startTestStack({ kind: 'pglite', smtp: false, withWorker: false });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  async function open(options: { serviceWorkers?: 'allow' | 'block'; locale?: string } = {}) {
    const context = await browser.newContext({
      viewport: { width: 1024, height: 900 },
      locale: options.locale ?? 'en',
      serviceWorkers: options.serviceWorkers ?? 'block',
    });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return { context, page, pageErrors };
  }

  /** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
  async function expectAccessible(page: Page, when: string) {
    expect(await severeViolations(page, when)).toEqual([]);
  }

  /** Fills a valid anonymous report; returns the text typed. */
  async function fillReport(page: Page, barriers: string, suggested: string | null) {
    const form = page.locator('form.report-form');
    await form.locator('select[name="region"]').selectOption('africa');
    for (const code of ['NE', 'LY']) {
      await form.locator('input[role="combobox"]#report-countries').click();
      await form.locator(`[role="option"][data-code="${code}"]`).click();
    }
    await form.locator('select[name="corridorOrigin"]').selectOption('NE');
    await form.locator('select[name="corridorDestination"]').selectOption('LY');
    await form.locator(`input[name="themes"][value="${CHOSEN}"]`).check();
    await form.locator('textarea[name="barriers"]').fill(barriers);
    await form
      .locator('textarea[name="recommendations"]')
      .fill('Regular pathways; firewalls between services and enforcement.');
    if (suggested) await form.locator(`button.chip-suggestion[data-theme="${suggested}"]`).click();
    await form.locator('input[name="affectedGroups"][value="undocumented"]').check();
    await form.locator('input[name="consent"][value="anonymized"]').check();
    return form;
  }

  const reportsWith = (barriers: string) =>
    stack.db.select().from(tables.reports).where(eq(tables.reports.barriers, barriers));

  it.each(CASES)(
    'is filled in and sent in $language ($dir), with localized errors, a suggested theme and no serious axe violation',
    async (c) => {
      const { page, pageErrors } = await open();
      await page.goto(`${stack.url}/report?lang=${c.language}`);
      const form = page.locator('form.report-form');
      await form.waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe(c.language);
      expect(await page.locator('html').getAttribute('dir')).toBe(c.dir);
      await expectAccessible(page, `${c.language} empty form`);

      // Sending it empty: an error summary in the language takes focus; each field says what is missing.
      await form.locator('button[type="submit"]').click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toMatch(c.errorTitle);
      expect(
        await page.evaluate(() =>
          (globalThis as unknown as BrowserGlobals).document.activeElement?.classList.contains('error-summary'),
        ),
      ).toBe(true);
      expect(await form.locator('textarea[name="barriers"]').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page, `${c.language} with errors`);

      await fillReport(page, c.barriers, c.suggested);
      if (c.screenshot) await page.screenshot({ path: path.join(ARTIFACTS, c.screenshot), fullPage: true });

      const posted = page.waitForResponse((r) => r.url().endsWith('/api/reports') && r.request().method() === 'POST');
      await form.locator('button[type="submit"]').click();
      expect((await posted).status()).toBe(201);
      const code = page.locator('[data-state="sent"] .receipt-code');
      await code.waitFor();
      await expectAccessible(page, `${c.language} receipt`);

      const [report] = await reportsWith(c.barriers);
      expect(report).toMatchObject({
        language: c.language,
        anonymous: true,
        region: 'africa',
        countries: ['NE', 'LY'],
        corridorOrigin: 'NE',
        corridorDestination: 'LY',
        consent: 'anonymized',
        affectedGroups: ['undocumented'],
      });
      expect(await code.textContent()).toBe(report!.receiptCode);
      const themes = await stack.db
        .select()
        .from(tables.reportThemes)
        .where(eq(tables.reportThemes.reportId, report!.id))
        .orderBy(tables.reportThemes.themeSlug);
      expect(Object.fromEntries(themes.map((t) => [t.themeSlug, t.provenance]))).toEqual({
        [CHOSEN]: 'chosen',
        [c.suggested]: 'suggested',
      });
      expect(pageErrors).toEqual([]);
    },
    120_000,
  );

  it('keeps a draft through a reload, queues a report sent offline, and sends it once when the network returns', async () => {
    const { context, page, pageErrors } = await open({ serviceWorkers: 'allow' });
    await page.goto(`${stack.url}/report?lang=en`);
    await page.locator('form.report-form').waitFor();
    // The service worker has the shell once it controls the page.
    // A function, not a string: the page's CSP (script-src 'self') forbids evaluating strings.
    await page.waitForFunction(
      () => (globalThis as unknown as BrowserGlobals).navigator.serviceWorker.controller !== null,
      undefined,
      {
        timeout: 30_000,
      },
    );

    const barriers = `Offline report ${Date.now()}: people turned back at the border without any hearing.`;
    await page.locator('textarea[name="barriers"]').fill(barriers);
    await page.locator('.draft-saved').waitFor();
    await page.reload();
    await expect(page.locator('textarea[name="barriers"]').inputValue()).resolves.toBe(barriers);

    const form = await fillReport(page, barriers, null);
    await context.setOffline(true);
    await form.locator('button[type="submit"]').click();
    await page.locator('[data-state="queued"]').waitFor();
    expect(await reportsWith(barriers)).toHaveLength(0);

    // Reloaded with no network at all: the shell comes from the service worker, the report from the device.
    await page.reload();
    await page.locator('[data-state="queued"]').waitFor();
    expect(await reportsWith(barriers)).toHaveLength(0);

    await context.setOffline(false);
    const code = page.locator('[data-state="sent"] .receipt-code');
    await code.waitFor({ timeout: 40_000 });
    const stored = await eventually(async () => {
      const rows = await reportsWith(barriers);
      return rows.length > 0 ? rows : null;
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ barriers, countries: ['NE', 'LY'], consent: 'anonymized', language: 'en' });
    expect(await code.textContent()).toBe(stored[0]!.receiptCode);
    await expect(page.locator('[data-state="queued"]').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('stores one report through a double submit and a server error after the report was stored', async () => {
    const { page, pageErrors } = await open();
    let posts = 0;
    // The first answer is lost: the server stores the report, the browser is told 500.
    await page.route('**/api/reports', async (route) => {
      posts += 1;
      if (posts === 1) {
        const response = await route.fetch();
        expect(response.status()).toBe(201);
        await route.fulfill({ status: 500, json: { error: { code: 'internal', message: 'injected by the test' } } });
        return;
      }
      await route.continue();
    });
    await page.goto(`${stack.url}/report?lang=fr`);
    await page.locator('form.report-form').waitFor();
    const barriers = `Rapport ${Date.now()} : pas d’accès aux soins pour les personnes sans papiers.`;
    const form = await fillReport(page, barriers, null);

    await form.locator('button[type="submit"]').dblclick();
    await page.locator('[data-state="queued"]').waitFor();
    // The device retries by itself; the client submission id makes the retry the same report.
    const code = page.locator('[data-state="sent"] .receipt-code');
    await code.waitFor({ timeout: 40_000 });

    expect(posts).toBeGreaterThanOrEqual(2);
    const rows = await reportsWith(barriers);
    expect(rows).toHaveLength(1);
    expect(await code.textContent()).toBe(rows[0]!.receiptCode);
    expect(await page.locator('[data-state="sent"]').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
