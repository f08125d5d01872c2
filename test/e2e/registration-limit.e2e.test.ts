import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { createWebinarRow, registrationBody } from '../factories.js';
import { ensureClientBuild, launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/*
 * Past the registration limit the page tells the visitor, in their language, how long to
 * wait — from the 429's Retry-After — and the trap field stays out of their way.
 */
const VISITS = [
  { language: 'en', wait: /^Too many attempts from your network\. Try again in (\d+) minutes\.$/ },
  { language: 'fr', wait: /^Trop de tentatives depuis votre réseau\. Réessayez dans (\d+) minutes\.$/ },
] as const;

describe('the registration page past the rate limit, in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuild();
    stack = await startTestStack({
      kind: 'pglite',
      smtp: false,
      withWorker: false,
      env: { REGISTRATION_RATE_LIMIT: '1' },
    });
    browser = await launchChromium();
    // The one registration this network may make in the hour, made before the visitor comes.
    const webinar = await createWebinarRow(stack.db);
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(),
    });
    expect(res.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it.each(VISITS)('says in $language how many minutes to wait, and stores nothing', async (v) => {
    const webinar = await createWebinarRow(stack.db);
    const context = await browser.newContext({ locale: v.language, timezoneId: 'Africa/Dakar' });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    await page.goto(`${stack.url}/webinars/${webinar.slug}?lang=${v.language}`);
    const form = page.locator('form');
    await form.locator('input[name="name"]').waitFor();

    // The trap: hidden from assistive technologies, out of the tab order, never autofilled.
    const trap = form.locator('input[name="website"]');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await trap.evaluate((el) => el.closest('[aria-hidden="true"]') !== null)).toBe(true);
    // Clipped to a 1 px box: the input overflows it but is not painted outside it.
    const box = await form.locator('[aria-hidden="true"]:has(input[name="website"])').boundingBox();
    expect([box?.width ?? 0, box?.height ?? 0].every((side) => side <= 1)).toBe(true);

    const email = `limited.${v.language}.${Date.now().toString(36)}@example.org`;
    await form.locator('input[name="name"]').fill('Awa Ndiaye');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('select[name="country"]').selectOption('SN');
    await form.locator('input[name="consent"]').check();
    // From the consent box, Tab goes to the privacy notice's link under it, then to the submit
    // button: the trap is skipped.
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').getAttribute('href')).toMatch(/^\/privacy/);
    await page.keyboard.press('Tab');
    const submit = form.locator('button[type="submit"]');
    expect(await submit.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    const posted = page.waitForResponse(
      (r) => r.url().endsWith(`/api/webinars/${webinar.slug}/registrations`) && r.request().method() === 'POST',
    );
    await page.keyboard.press('Enter');
    const response = await posted;
    expect(response.status()).toBe(429);
    const retryAfter = Number(await response.headerValue('retry-after'));

    const alert = form.locator('[role="alert"]');
    await alert.waitFor();
    const text = (await alert.textContent())?.trim() ?? '';
    const match = v.wait.exec(text);
    expect([text, match !== null]).toEqual([text, true]);
    expect(Number(match![1])).toBe(Math.ceil(retryAfter / 60));

    expect(await stack.db.select().from(tables.registrations).where(eq(tables.registrations.email, email))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
