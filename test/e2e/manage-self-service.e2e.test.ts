import { readFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { catalogs, formatInstant, type TRegistrationResult } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import type { Locator, Page } from 'playwright-core';
import { createWebinarRow, eventually, registrationBody } from '../factories.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { signIn } from '../support/coordinator-session.js';
import { calendarOf, recipientOf, settle } from '../support/mail-helpers.js';
import { severeViolations } from '../support/workspace-steps.js';

/*
 * Build 6 on the public pages, in real Chromium over real SMTP: a registrant changes the
 * language and zone of their mails on the manage page (the page and the next mail follow),
 * downloads the .ics, cancels and registers again through the webinar's form, whose
 * confirmation offers the .ics too; a full or closed webinar says so. Axe-clean in en and ar.
 */

const { en, fr, ar } = catalogs;
const DAY = 24 * 3600_000;
const TITLE_AR = 'المسارات النظامية والعمل اللائق';

/** Text as a reader sees it: bidi marks dropped, the no-break spaces of French and ICU as plain spaces. */
function plain(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim();
}

const languageOf = (mail: ParsedMail) => String(mail.headers.get('content-language') ?? '');

describe('registrant self-service on the public pages in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite' });

  async function register(slug: string, body: ReturnType<typeof registrationBody>): Promise<TRegistrationResult> {
    const res = await suite.stack.request(`/api/webinars/${slug}/registrations`, { method: 'POST', json: body });
    expect(res.status).toBe(201);
    return (await res.json()) as TRegistrationResult;
  }

  async function rowOf(id: string) {
    const [row] = await suite.stack.db.select().from(tables.registrations).where(eq(tables.registrations.id, id));
    if (!row) throw new Error(`no registration ${id}`);
    return row;
  }

  const mailsTo = (email: string) =>
    suite.stack.sink!.messages.filter((m) => recipientOf(m).toLowerCase() === email.toLowerCase());

  /** Waits until `count` mails reached the address, then for quiet (a duplicate would show). */
  async function mailsFor(email: string, count: number): Promise<ParsedMail[]> {
    await eventually(async () => mailsTo(email).length >= count, 30_000);
    await settle(suite.stack.sink!.messages);
    return mailsTo(email);
  }

  async function openManage(page: Page, token: string, lang: string): Promise<void> {
    await page.goto(`${suite.stack.url}/manage/${token}?lang=${lang}`);
    await page.getByTestId('manage-status').waitFor();
  }

  /** Clicks a download link the way a reader does and returns the file the browser saved. */
  async function download(page: Page, link: Locator): Promise<{ filename: string; text: string }> {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = await file.path();
    return { filename: file.suggestedFilename(), text: await readFile(saved, 'utf8') };
  }

  it('changes the language and zone of later mails: the page reloads in French in the new zone, the next notice is French', async () => {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db);
    const email = `amina.${Date.now().toString(36)}@example.org`;
    const result = await register(webinar.slug, registrationBody({ email, language: 'en', timeZone: 'Africa/Dakar' }));
    const [confirmation] = await mailsFor(email, 1);
    expect(languageOf(confirmation!)).toBe('en');
    const { manageToken } = await rowOf(result.registration.id);

    const { page, pageErrors } = await suite.open();
    await openManage(page, manageToken, 'en');
    const form = page.getByTestId('manage-preferences');
    const language = form.locator('select[name="language"]');
    const zone = form.locator('select[name="timeZone"]');
    // The form starts on the registration's own choices, not the page's.
    expect(await language.inputValue()).toBe('en');
    expect(await zone.inputValue()).toBe('Africa/Dakar');
    expect(await page.getByRole('heading', { level: 2, name: en.manageSelfService.preferencesTitle }).count()).toBe(1);
    expect(await severeViolations(page, 'manage page (en)')).toEqual([]);

    await language.selectOption('fr');
    await zone.selectOption('America/Toronto');
    const patched = page.waitForResponse(
      (r) => r.url().endsWith(`/api/registrations/manage/${manageToken}`) && r.request().method() === 'PATCH',
    );
    await form.getByRole('button', { name: en.manageSelfService.save }).click();
    const response = await patched;
    expect(response.status()).toBe(200);
    expect(response.request().postDataJSON()).toEqual({ language: 'fr', timeZone: 'America/Toronto' });

    // Said in the polite live region, in the language just chosen, which the page now speaks.
    const saved = page.getByTestId('manage-saved');
    expect(await saved.getAttribute('role')).toBe('status');
    await saved.getByText(plain(fr.manageSelfService.saved)).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await rowOf(result.registration.id)).toMatchObject({ language: 'fr', timeZone: 'America/Toronto' });

    // Reloaded: French, times in Toronto, the registration's new choices shown and kept in the form.
    await page.reload();
    await page.getByTestId('manage-status').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('h1').textContent()).toBe(fr.manage.title);
    expect(plain(await page.getByTestId('your-time').textContent())).toContain('(America/Toronto)');
    const details = plain(await page.locator('.manage-details').textContent());
    expect(details).toContain('America/Toronto');
    expect(details).toContain('Français');
    expect(await language.inputValue()).toBe('fr');
    expect(await zone.inputValue()).toBe('America/Toronto');

    // The coordinators move the webinar: the notice comes in French, with the time in Toronto.
    const session = await signIn(stack);
    const newStart = new Date(Math.floor((Date.now() + 12 * DAY) / 60_000) * 60_000);
    const moved = await stack.request(`/api/admin/webinars/${webinar.id}`, {
      method: 'PATCH',
      headers: session.headers,
      json: { startsAt: newStart.toISOString() },
    });
    expect(moved.status).toBe(200);
    const [, notice] = await mailsFor(email, 2);
    expect(languageOf(notice!)).toBe('fr');
    expect(notice!.subject).toMatch(/^Nouvel horaire/);
    expect(plain(notice!.text)).toContain(plain(formatInstant(newStart.toISOString(), 'America/Toronto', 'fr').full));

    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('downloads the .ics from the manage page: text/calendar, the UID of the mails', async () => {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db);
    const email = `lea.${Date.now().toString(36)}@example.org`;
    const result = await register(webinar.slug, registrationBody({ email, language: 'fr', timeZone: 'Europe/Paris' }));
    const [confirmation] = await mailsFor(email, 1);
    const uid = `registration-${result.registration.id}@convene`;
    expect(calendarOf(confirmation!)!.event.uid).toBe(uid);
    const { manageToken } = await rowOf(result.registration.id);

    const { page, pageErrors } = await suite.open();
    await openManage(page, manageToken, 'en');
    const link = page.getByRole('link', { name: en.manageSelfService.calendar });
    expect(await link.getAttribute('href')).toBe(`/api/registrations/manage/${manageToken}/calendar.ics`);

    const file = await download(page, link);
    expect(file.filename).toBe(`${webinar.slug}.ics`);
    expect(file.text).toContain('BEGIN:VCALENDAR');
    expect(file.text).toContain(`UID:${uid}`);

    const res = await page.request.get(`${stack.url}${(await link.getAttribute('href'))!}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(pageErrors).toEqual([]);
  }, 90_000);

  it('cancels, registers again through the form and gets a new confirmation whose screen offers the .ics (Arabic, axe-clean)', async () => {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db);
    const email = `omar.${Date.now().toString(36)}@example.org`;
    const first = await register(webinar.slug, registrationBody({ email, language: 'ar', timeZone: 'Africa/Cairo' }));
    await mailsFor(email, 1);
    const { manageToken } = await rowOf(first.registration.id);

    const { page, pageErrors } = await suite.open({ locale: 'ar', timezoneId: 'Africa/Cairo' });
    await openManage(page, manageToken, 'ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await severeViolations(page, 'manage page (ar)')).toEqual([]);
    // Nothing to register again for while the place is held.
    expect(await page.getByTestId('manage-again').count()).toBe(0);

    await page.getByTestId('manage-cancel').click();
    await page.getByTestId('manage-confirm-cancel').click();
    await page.getByRole('status').filter({ hasText: ar.manage.cancelled }).waitFor();
    const again = page.getByTestId('manage-again');
    await again.waitFor();
    // What the cancellation mail promises, said on the page; choices and calendar are gone with the place.
    expect(plain(await again.textContent())).toContain(plain(ar.manageSelfService.againOpen));
    expect(await page.getByTestId('manage-preferences').count()).toBe(0);
    expect(await page.getByTestId('manage-calendar').count()).toBe(0);
    expect(await severeViolations(page, 'manage page, cancelled (ar)')).toEqual([]);
    const [, cancellation] = await mailsFor(email, 2);
    expect(cancellation!.subject).toBe(ar.email.cancellation.subjectRegistration.replace('{{title}}', TITLE_AR));

    // Register again: to the webinar's form, which sends a new round of the same registration.
    await again.getByRole('link', { name: ar.manageSelfService.registerAgain }).click();
    await page.waitForURL((url) => url.pathname === `/webinars/${webinar.slug}`);
    const form = page.locator('main form');
    await form.waitFor();
    await form.locator('input[name="name"]').fill('عمر حداد');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('select[name="country"]').selectOption('EG');
    await form.locator('input[name="consent"]').check();
    const posted = page.waitForResponse(
      (r) => r.url().endsWith(`/api/webinars/${webinar.slug}/registrations`) && r.request().method() === 'POST',
    );
    await form.locator('button[type="submit"]').click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    const second = (await answer.json()) as TRegistrationResult;
    expect(second).toMatchObject({
      alreadyRegistered: false,
      registration: { id: first.registration.id, status: 'confirmed' },
    });

    const screen = page.getByTestId('confirmation');
    await screen.waitFor();
    expect(await screen.getAttribute('data-status')).toBe('confirmed');
    expect(plain(await screen.textContent())).toContain(plain(ar.confirmation.confirmed));
    const link = screen.getByTestId('confirmation-calendar');
    expect(plain(await link.textContent())).toBe(plain(ar.manageSelfService.calendar));
    expect(await link.getAttribute('href')).toBe(second.calendarUrl);
    expect(await severeViolations(page, 'confirmation with the .ics (ar)')).toEqual([]);
    const file = await download(page, link);
    expect(file.filename).toBe(`${webinar.slug}.ics`);
    expect(file.text).toContain(`UID:registration-${first.registration.id}@convene`);

    // A new confirmation mail, in Arabic; the row is in its second round.
    const mails = await mailsFor(email, 3);
    expect(mails).toHaveLength(3);
    expect(languageOf(mails[2]!)).toBe('ar');
    expect(mails[2]!.subject).toBe(ar.email.confirmation.subject.replace('{{title}}', TITLE_AR));
    expect(await rowOf(first.registration.id)).toMatchObject({ status: 'confirmed', round: 2, name: 'عمر حداد' });

    // Back on the manage link: confirmed again, with the choices and the calendar.
    await openManage(page, manageToken, 'ar');
    expect(plain(await page.getByTestId('manage-status').textContent())).toBe(ar.manage.status.confirmed);
    expect(await page.getByTestId('manage-again').count()).toBe(0);
    expect(await page.getByTestId('manage-calendar').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('says when registering again joins the waiting list (webinar full) or cannot be done (registration closed)', async () => {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db, { capacity: 1 });
    const suffix = Date.now().toString(36);
    const emailA = `nadia.${suffix}@example.org`;
    const a = await register(webinar.slug, registrationBody({ email: emailA }));
    await mailsFor(emailA, 1);
    const { manageToken } = await rowOf(a.registration.id);
    expect((await stack.request(`/api/registrations/manage/${manageToken}/cancel`, { method: 'POST' })).status).toBe(
      200,
    );
    await mailsFor(emailA, 2);
    const b = await register(webinar.slug, registrationBody({ email: `bea.${suffix}@example.org` }));
    expect(b.registration.status).toBe('confirmed');

    const { page, pageErrors } = await suite.open();
    await openManage(page, manageToken, 'en');
    const again = page.getByTestId('manage-again');
    await again.waitFor();
    expect(plain(await page.getByTestId('manage-again-full').textContent())).toBe(en.manageSelfService.againFull);
    expect(await again.getByRole('link', { name: en.manageSelfService.registerAgain }).count()).toBe(1);
    expect(await severeViolations(page, 'manage page, cancelled and full (en)')).toEqual([]);

    // The webinar took place: registration is closed, and the page offers no way back.
    await stack.db
      .update(tables.webinars)
      .set({ startsAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(tables.webinars.id, webinar.id));
    await page.reload();
    await again.waitFor();
    expect(plain(await page.getByTestId('manage-again-closed').textContent())).toBe(en.manageSelfService.againClosed);
    expect(await page.getByTestId('manage-register-again').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
