import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catalogs, type TRegistrationResult } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWebinarRow, eventually, registrationBody } from '../factories.js';
import { ensureClientBuild, launchChromium } from '../support/browser.js';
import { calendarOf, recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/*
 * A registrant opens the link from their email in real Chromium, in French, and cancels in
 * two steps; their seat goes to the first person on the waiting list, and both hear about it
 * over real SMTP, each in their own language.
 */

const fr = catalogs.fr;
const TITLE_FR = 'Voies régulières et travail décent';
const TITLE_EN = 'Regular pathways and decent work';

/** Text as a reader sees it, for matching: the no-break spaces French puts before ":" as plain spaces. */
function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
}

describe('managing a registration from the emailed link in Chromium', () => {
  let stack: TestStack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureClientBuild();
    stack = await startTestStack({ kind: 'pglite' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  /** A fresh visitor (no stored preferences) in Paris. */
  async function visit(): Promise<{ page: Page; pageErrors: string[] }> {
    const context = await browser.newContext({
      timezoneId: 'Europe/Paris',
      locale: 'fr-FR',
      viewport: { width: 1024, height: 900 },
    });
    contexts.push(context);
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return { page, pageErrors };
  }

  async function register(slug: string, body: ReturnType<typeof registrationBody>): Promise<TRegistrationResult> {
    const res = await stack.request(`/api/webinars/${slug}/registrations`, { method: 'POST', json: body });
    expect(res.status).toBe(201);
    return (await res.json()) as TRegistrationResult;
  }

  it('cancels in two steps, frees the seat for the waiting list and mails both', async () => {
    const webinar = await createWebinarRow(stack.db, { capacity: 1 });
    const suffix = Date.now().toString(36);
    const emailA = `camille.${suffix}@example.org`;
    const emailB = `amina.${suffix}@example.org`;
    const a = await register(
      webinar.slug,
      registrationBody({
        name: 'Camille Martin',
        email: emailA,
        language: 'fr',
        timeZone: 'Europe/Paris',
        country: 'FR',
      }),
    );
    const b = await register(webinar.slug, registrationBody({ name: 'Amina Diallo', email: emailB, language: 'en' }));
    expect(a.registration.status).toBe('confirmed');
    expect(b.registration.status).toBe('waitlisted');

    // The confirmation and the waiting-list notice go out first: cancelling would withdraw unsent mail.
    await stack.sink!.waitFor(2, 30_000);
    await settle(stack.sink!.messages);
    const before = stack.sink!.messages.length;

    const [rowA] = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.id, a.registration.id));
    expect(rowA?.manageToken).toBeTruthy();

    const { page, pageErrors } = await visit();
    await page.goto(`${stack.url}/manage/${rowA!.manageToken}?lang=fr`);
    const status = page.getByTestId('manage-status');
    await status.waitFor();

    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe(fr.manage.title);
    expect(plain(await status.textContent())).toBe(fr.manage.status.confirmed);
    expect(await page.getByRole('heading', { level: 2, name: TITLE_FR }).count()).toBe(1);
    expect(plain(await page.getByTestId('your-time').textContent())).toContain('(Europe/Paris)');
    expect(plain(await page.getByTestId('host-time').textContent())).toContain('(America/Mexico_City)');
    const main = plain(await page.locator('main').textContent());
    expect(main).toContain('Camille Martin');
    expect(main).toContain(emailA);
    // The link is a credential: the page asks not to be indexed (in the HTML the server wrote).
    expect(await page.locator('head meta[name="robots"]').getAttribute('content')).toBe('noindex');
    // The tab is named in the reader's language.
    const title = `${fr.manage.title} · ${fr.app.name}`;
    await eventually(async () => (await page.title()) === title, 10_000).catch(() => undefined);
    expect(await page.title()).toBe(title);

    // First step: nothing is sent, a question appears.
    const cancelRequests: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') cancelRequests.push(r.url());
    });
    const cancel = page.getByTestId('manage-cancel');
    const confirm = page.getByTestId('manage-confirm-cancel');
    expect(await cancel.getAttribute('aria-expanded')).toBe('false');
    expect(await confirm.isVisible()).toBe(false);
    await cancel.click();
    await page.getByText(fr.manage.confirmCancel).waitFor();
    expect(await cancel.getAttribute('aria-expanded')).toBe('true');
    // Focus goes to the question, not the button: pressing Enter twice must not cancel.
    await page.waitForFunction("document.activeElement?.id === 'manage-confirm-question'");
    expect(cancelRequests).toEqual([]);

    // Second step: cancelled.
    const posted = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/api/registrations/manage/${rowA!.manageToken}/cancel`) && r.request().method() === 'POST',
    );
    await confirm.click();
    expect((await posted).status()).toBe(200);

    const outcome = page.getByRole('status').filter({ hasText: fr.manage.cancelled });
    await outcome.waitFor();
    expect(plain(await status.textContent())).toBe(fr.manage.status.cancelled);
    expect(await page.getByTestId('manage-cancel').count()).toBe(0);
    expect(await page.getByTestId('manage-confirm-cancel').count()).toBe(0);
    expect(cancelRequests).toHaveLength(1);

    // The seat went to the waiting list.
    const rows = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.webinarId, webinar.id));
    const statusOf = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(statusOf).toEqual({ [a.registration.id]: 'cancelled', [b.registration.id]: 'confirmed' });

    // A hears of the cancellation in French, B of the promotion in English.
    await stack.sink!.waitFor(before + 2, 30_000);
    await settle(stack.sink!.messages);
    const after = stack.sink!.messages.slice(before);
    expect(after).toHaveLength(2);
    const cancellation = after.find((m) => recipientOf(m) === emailA);
    expect(cancellation?.subject?.startsWith('Inscription annulée')).toBe(true);
    expect(cancellation?.subject).toBe(fr.email.cancellation.subjectRegistration.replace('{{title}}', TITLE_FR));
    expect(calendarOf(cancellation!)?.text).toContain('METHOD:CANCEL');
    const promotion = after.find((m) => recipientOf(m) === emailB);
    expect(promotion?.subject).toBe(`A place opened up: ${TITLE_EN}`);
    expect(promotion?.text).toContain(webinar.joinUrl);

    // Reloading shows the cancelled registration, with nothing left to cancel.
    await page.reload();
    await status.waitFor();
    expect(plain(await status.textContent())).toBe(fr.manage.status.cancelled);
    expect(await page.getByTestId('manage-cancel').count()).toBe(0);

    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('says so when the link is not valid', async () => {
    const { page, pageErrors } = await visit();
    const answered = page.waitForResponse((r) => r.url().includes('/api/registrations/manage/'));
    await page.goto(`${stack.url}/manage/not-a-real-token-at-all-xyz?lang=fr`);
    expect((await answered).status()).toBe(404);
    const notice = page.getByText(fr.manage.notFound);
    await notice.waitFor();
    expect(await page.getByTestId('manage-status').count()).toBe(0);
    expect(await page.getByTestId('manage-cancel').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
