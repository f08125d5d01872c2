import { describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { createWebinarRow } from '../factories.js';
import { nextMailTo, tokenInMail } from '../support/account-mail.js';
import { attendanceReport } from '../support/attendance-reports.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { signIn } from '../support/coordinator-session.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { registerFor, startedMinutesAgo } from '../support/programme-steps.js';
import {
  countsBecome,
  filterRegistrants,
  importAttendanceFile,
  openRegistrants,
  openRegistrantsFromWebinars,
  registrantEmails,
  registrantRow,
  shownCounts,
} from '../support/registrants-steps.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * A coordinator opens a webinar's registrants from the webinars list: true counts (the
 * waiting list holds no seat), search and status filter kept in the address, a waitlisted
 * person given a seat beyond the capacity once the API says the webinar is full, someone's
 * registration cancelled after a second step, a confirmation resent (the SMTP sink gets it),
 * then — the webinar under way — a Zoom attendance report imported and one attendee ticked by
 * hand. A region-scoped coordinator reads the same page without a single button. In real
 * Chromium, with the mail workers and a real SMTP sink.
 */

const DAY = 24 * 3600_000;
const TITLE = 'Regular pathways and decent work';
const [ANA, BO, CY] = ['ana@example.org', 'bo@example.org', 'cy@example.org'];

describe('registrants page in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: true });

  /** Capacity 2: Ana and Bo confirmed, Cy on the waiting list; their first mails drained. */
  async function fullWebinar() {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db, { capacity: 2, startsAt: new Date(Date.now() + 3 * DAY) });
    await registerFor(stack, webinar.slug, ANA, { name: 'Ana Lima', organization: 'Red Sur', country: 'BR' });
    await registerFor(stack, webinar.slug, BO, { name: 'Bo Chen', organization: 'Asia Migrant Forum', country: 'PH' });
    const cy = await registerFor(stack, webinar.slug, CY, { name: 'Cy Diallo', organization: 'Réseau Dakar' });
    expect(cy.status).toBe('waitlisted');
    await stack.sink!.waitFor(3);
    await settle(stack.sink!.messages);
    stack.sink!.messages.splice(0);
    return webinar;
  }

  const statusOf = async (email: string) => {
    const [row] = await suite.stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.emailNormalized, email));
    return row!;
  };
  const focusedTestId = (page: Page) => page.evaluate('document.activeElement?.getAttribute("data-testid")');
  /** Text as read, without the bidi isolates around names and addresses. */
  const plain = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069]/g, '');
  const mailsTo = (email: string) => suite.stack.sink!.messages.filter((m) => recipientOf(m) === email);

  it('counts, searches, promotes over capacity, cancels after confirming, resends, records attendance; axe-clean in en and ar', async () => {
    const webinar = await fullWebinar();
    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, suite.stack.url, ADMIN);
    await openRegistrantsFromWebinars(page, webinar.id);
    // The webinar's edit page links here too.
    await page.getByTestId('registrants-webinar-link').click();
    await page.waitForURL((url) => url.pathname === `/admin/webinars/${webinar.id}`);
    // Seats against the capacity, the waiting list beside them (not "3 of 2").
    const editCounts = page.getByTestId('edit-page-counts');
    expect(await editCounts.getByTestId('webinar-confirmed').textContent()).toBe('Confirmed: 2 of 2');
    expect(await editCounts.getByTestId('webinar-waitlisted').textContent()).toBe('Waiting list: 1');
    await page.getByTestId('edit-page-registrants').click();
    await page.waitForURL((url) => url.pathname === `/admin/webinars/${webinar.id}/registrants`);

    // The heading names the webinar and its start in the reader's zone (Paris), zone named.
    expect(await page.locator('h1').textContent()).toContain(`Registrants of “${TITLE}”`);
    expect(await page.getByTestId('registrants-when').textContent()).toMatch(/Europe\/Paris/);
    expect(await shownCounts(page)).toEqual({
      counts: { confirmed: 2, waitlisted: 1, cancelled: 0 },
      seats: '2 of 2 seats taken (the waiting list holds none).',
    });
    expect(await registrantEmails(page)).toEqual([ANA, BO, CY]);
    // Before the start: no attendance yet, and the page says when it opens.
    expect(await page.getByTestId('attendance-import').count()).toBe(0);
    await page.getByTestId('attendance-not-yet').waitFor();
    expect(await severeViolations(page, 'registrants (en)')).toEqual([]);

    // Search by organization, then by status; the counts stay the webinar's true totals.
    expect(await filterRegistrants(page, { q: 'red sur' })).toEqual([ANA]);
    expect(new URL(page.url()).search).toBe('?q=red+sur');
    expect((await shownCounts(page)).counts).toEqual({ confirmed: 2, waitlisted: 1, cancelled: 0 });
    expect(await filterRegistrants(page, { q: 'DIALLO' })).toEqual([CY]);
    expect(await filterRegistrants(page, { q: '', status: 'waitlisted' })).toEqual([CY]);
    expect(new URL(page.url()).search).toBe('?status=waitlisted');
    expect(await filterRegistrants(page, { status: '' })).toEqual([ANA, BO, CY]);

    // Give Cy a seat: the webinar is full, the API says so, and the page offers what it
    // allows — a seat beyond the capacity. "Not now" changes nothing.
    const cyRow = registrantRow(page, CY);
    await cyRow.getByTestId('promote-registrant').click();
    const offer = cyRow.getByTestId('offer-over-capacity');
    await offer.waitFor();
    expect(await offer.getByTestId('promote-refused').getAttribute('data-code')).toBe('webinar_full');
    expect(plain(await offer.textContent())).toMatch(
      /Every seat is taken\. Give Cy Diallo \(cy@example\.org\) a seat beyond the capacity of 2\?/,
    );
    expect(await focusedTestId(page)).toBe('keep-action');
    expect(await severeViolations(page, 'registrants (en, over-capacity offer)')).toEqual([]);
    await offer.getByTestId('keep-action').click();
    await offer.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('promote-registrant');
    expect((await statusOf(CY)).status).toBe('waitlisted');

    await cyRow.getByTestId('promote-registrant').click();
    await offer.getByTestId('confirm-action').click();
    await countsBecome(page, { confirmed: 3, waitlisted: 0 });
    expect(await cyRow.getByTestId('registrant-status').textContent()).toBe('Confirmed');
    expect((await shownCounts(page)).seats).toBe('3 seats taken for a capacity of 2: 1 beyond the capacity.');
    expect((await statusOf(CY)).status).toBe('confirmed');
    const [promotion] = await suite.stack.sink!.waitFor(1);
    expect([recipientOf(promotion!), promotion!.subject]).toEqual([CY, `A place opened up: ${TITLE}`]);

    // Cancel Bo's registration: a second step whose focused answer keeps it.
    const boRow = registrantRow(page, BO);
    await boRow.getByTestId('cancel-registrant').click();
    const confirm = boRow.getByTestId('confirm-cancel');
    expect(plain(await confirm.textContent())).toMatch(/Cancel the registration of Bo Chen \(bo@example\.org\)\?/);
    expect(await focusedTestId(page)).toBe('keep-action');
    expect(await severeViolations(page, 'registrants (en, cancel step)')).toEqual([]);
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    expect((await statusOf(BO)).status).toBe('confirmed');
    await boRow.getByTestId('cancel-registrant').click();
    await confirm.getByTestId('confirm-action').click();
    await countsBecome(page, { confirmed: 2, waitlisted: 0, cancelled: 1 });
    expect(await boRow.getByTestId('registrant-status').textContent()).toBe('Cancelled');
    // Nothing left to do for a cancelled registrant but (admins) erase their data at their request.
    expect(await boRow.locator('button:not([data-testid="erase-registrant"])').count()).toBe(0);
    expect(await boRow.getByTestId('erase-registrant').count()).toBe(1);
    expect((await shownCounts(page)).seats).toBe('2 of 2 seats taken (the waiting list holds none).');
    expect((await statusOf(BO)).status).toBe('cancelled');
    await suite.stack.sink!.waitFor(2);
    expect(mailsTo(BO).map((m) => m.subject)).toEqual([`Registration cancelled: ${TITLE}`]);

    // Resend Ana her confirmation: said politely, and the SMTP sink receives it.
    const anaRow = registrantRow(page, ANA);
    await anaRow.getByTestId('resend-confirmation').click();
    await anaRow.getByTestId('resent').waitFor();
    await page
      .locator('[role="status"][aria-live="polite"]', {
        hasText: /Confirmation resent to \u2068ana@example\.org\u2069\./,
      })
      .waitFor({ state: 'attached' });
    await suite.stack.sink!.waitFor(3);
    expect(mailsTo(ANA).map((m) => m.subject)).toEqual([`Registration confirmed: ${TITLE}`]);

    // The webinar has begun: attendance opens. A Zoom report lists Ana (twice, she
    // rejoined), an unregistered guest, Bo (cancelled) and a phone caller without an address.
    await startedMinutesAgo(suite.stack.db, webinar.id, 10);
    await openRegistrants(page, suite.stack.url, webinar.id);
    expect((await shownCounts(page)).counts).toEqual({
      confirmed: 2,
      waitlisted: 0,
      cancelled: 1,
      attended: 0,
      absentees: 2,
    });
    const { result, unmatched } = await importAttendanceFile(
      page,
      attendanceReport('zoom', ['ANA@example.org', 'guest@example.org', BO]),
      'zoom-participants.csv',
    );
    expect(result).toMatch(/Lines read: 7\. Newly marked as attended: 1\. Already marked: 0\./);
    expect(result).toMatch(/Lines that matched a registrant: 2\. Lines that marked nobody: 5\./);
    expect(result).toMatch(/column “User Email”/);
    expect(unmatched.map((u) => u.code).sort()).toEqual([
      'no_email',
      'not_registered',
      'not_registered',
      'registration_cancelled',
      'registration_cancelled',
    ]);
    await countsBecome(page, { attended: 1, absentees: 1 });
    expect(await anaRow.getByTestId('attended-checkbox').isChecked()).toBe(true);
    expect(await anaRow.getByTestId('attendance-source').textContent()).toBe('from the report');
    expect(await severeViolations(page, 'registrants (en, attendance imported)')).toEqual([]);

    // Cy attended too, without being in the report: ticked by hand.
    await cyRow.getByTestId('attended-checkbox').check();
    await countsBecome(page, { attended: 2, absentees: 0 });
    expect(await cyRow.getByTestId('attendance-source').textContent()).toBe('ticked by hand');
    expect(await statusOf(CY)).toMatchObject({ attendanceSource: 'manual' });
    expect((await statusOf(ANA)).attendanceSource).toBe('import');

    // The same page in Arabic, right to left, with a cancel step open.
    await openRegistrants(page, suite.stack.url, webinar.id, '?lang=ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toContain('المسجَّلون في «المسارات النظامية والعمل اللائق»');
    expect(await severeViolations(page, 'registrants (ar)')).toEqual([]);
    await registrantRow(page, ANA).getByTestId('cancel-registrant').click();
    await registrantRow(page, ANA).getByTestId('confirm-cancel').waitFor();
    expect(await severeViolations(page, 'registrants (ar, cancel step)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows a region-scoped coordinator the registrants of their regions, read-only', async () => {
    const { stack } = suite;
    const webinar = await createWebinarRow(stack.db, { capacity: 2 });
    await registerFor(stack, webinar.slug, 'paris@example.org', { name: 'Jean Martin', country: 'FR' });
    await registerFor(stack, webinar.slug, 'dakar@example.org', { name: 'Awa Ndiaye', country: 'SN' });
    await startedMinutesAgo(stack.db, webinar.id, 10);

    // An admin invites a coordinator for Africa; they set their password from the mail.
    const email = 'africa.coordinator@convene.test';
    const password = 'a long enough passphrase for africa';
    const seen = stack.sink!.messages.length;
    const invited = await stack.request('/api/admin/accounts/invitations', {
      method: 'POST',
      headers: (await signIn(stack)).headers,
      json: { email, role: 'coordinator', regionScope: ['africa'], themeScope: null },
    });
    expect(invited.status).toBe(201);
    const token = tokenInMail(await nextMailTo(stack.sink!, email, seen), 'invitation');
    const accepted = await stack.request('/api/auth/invitation', { method: 'POST', json: { token, password } });
    expect(accepted.status).toBe(204);

    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, stack.url, { email, password });
    await openRegistrantsFromWebinars(page, webinar.id);
    expect(await registrantEmails(page)).toEqual(['dakar@example.org']);
    await page.getByTestId('registrants-read-only').waitFor();
    // Nothing the API would refuse: no action, no tick box, no import.
    expect(await page.getByTestId('registrants-table').locator('button, input').count()).toBe(0);
    expect(await page.getByTestId('attendance-import').count()).toBe(0);
    expect(await registrantRow(page, 'dakar@example.org').getByTestId('attendance').textContent()).toMatch(/^No/);
    // Counts of their regions; the seats are the webinar's own (Paris holds one too).
    expect(await shownCounts(page)).toEqual({
      counts: { confirmed: 1, waitlisted: 0, cancelled: 0, attended: 0, absentees: 1 },
      seats: '2 of 2 seats taken (the waiting list holds none).',
    });
    expect(await severeViolations(page, 'registrants (en, scoped)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
