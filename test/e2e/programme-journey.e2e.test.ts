import { describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { eventually } from '../factories.js';
import { attendanceReport } from '../support/attendance-reports.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import { attendanceSummary, confirmCompletion, openCompletion } from '../support/completion-steps.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { followUpsIn, registerFor, startedMinutesAgo } from '../support/programme-steps.js';
import {
  countsBecome,
  importAttendanceFile,
  openRegistrants,
  openRegistrantsFromWebinars,
  registrantEmails,
  shownCounts,
} from '../support/registrants-steps.js';
import { ADMIN } from '../support/stack.js';
import {
  contactEmails,
  createWebinarFromWorkspace,
  importContactsFile,
  sendCampaignFromWorkspace,
  severeViolations,
  signInToWorkspace,
} from '../support/workspace-steps.js';

/*
 * A webinar programme from start to finish, as one coordinator runs it from /admin in real
 * Chromium (issue 9): schedule a webinar, import the networks' contacts (one bad line,
 * reported by its line), invite the African contacts — twice, the second campaign counting
 * them all as already invited —, watch them register (one through the invitation link in
 * their mail, one cancelling, one on the waiting list), read the true counts on the
 * registrants page, import the Zoom attendance report once it is over, and complete the
 * webinar in the page. The SMTP sink then holds one follow-up per attendee and per
 * confirmed absentee, and none for the cancelled or waiting. Only what no page does is done
 * outside the browser: registrants using the public API, and time passing (the start moved).
 */

const DAY = 24 * 3600_000;
const TITLE = 'Labour migration corridors in West Africa';

const [AMINA, KWAME, FATOU, OMAR, WANJIRU, LUCIA] = [
  'amina@example.org',
  'kwame@example.org',
  'fatou@example.org',
  'omar@example.org',
  'wanjiru@example.org',
  'lucia@example.org',
];

// Line 4 (the header is line 1) has no valid address; Lucía is in the Americas, out of the segment.
const CONTACTS_CSV = [
  'email;name;organization;country;language;timeZone;tags',
  `${AMINA};Amina Diallo;Réseau Migrants Sénégal;SN;fr;Africa/Dakar;west-africa`,
  `${KWAME};Kwame Mensah;Ghana Migrant Forum;GH;en;Africa/Accra;west-africa`,
  'not-an-address;Nobody;;SN;fr;;',
  `${FATOU};Fatou Sow;Réseau Migrants Sénégal;SN;fr;;west-africa`,
  `${OMAR};Omar Haddad;Arab Network for Migrants' Rights;MA;ar;Africa/Casablanca;maghreb`,
  `${WANJIRU};Wanjiru Kamau;Kenya Diaspora Link;KE;en;Africa/Nairobi;east-africa`,
  `${LUCIA};Lucía Pérez;Red Migrante;CO;es;America/Bogota;latam`,
].join('\n');
const AFRICA = [AMINA, KWAME, FATOU, OMAR, WANJIRU];

/** The first link of a mail's text that starts with the platform's public address, on the test's server. */
function linkIn(mail: ParsedMail, path: RegExp, baseUrl: string): string {
  const links = (mail.text ?? '').match(/http:\/\/convene\.test\/[^\s\u2066-\u2069]+/g) ?? [];
  const link = links.find((l) => path.test(new URL(l).pathname));
  if (!link) throw new Error(`no ${path} link in “${mail.subject ?? ''}”`);
  return link.replace('http://convene.test', baseUrl);
}

describe('a webinar programme run from the workspace in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: true });

  it('imports contacts, invites a segment twice, counts registrants, imports attendance, completes, and follows up each person once', async () => {
    const { stack } = suite;
    const sink = stack.sink!;
    const mailsTo = (email: string) => sink.messages.filter((m) => recipientOf(m) === email);
    const { page, pageErrors } = await suite.open();
    const violations: string[] = [];
    const axe = async (when: string): Promise<void> => {
      violations.push(...(await severeViolations(page, when)));
    };

    // Step 1 — sign in, schedule the webinar (three seats, in three days), import the contacts.
    await signInToWorkspace(page, stack.url, ADMIN);
    await axe('overview');
    const webinarId = await createWebinarFromWorkspace(
      page,
      {
        themeSlug: 'irregular-migration-pathways',
        title: TITLE,
        description: 'Free movement, labour mobility and the recognition of skills.',
        date: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10),
        time: '14:00',
        capacity: 3,
        joinUrl: 'https://meet.example.org/corridors-west-africa',
      },
      () => axe('new webinar form'),
    );

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/contacts');
    await page.getByTestId('contact-import').waitFor();
    const imported = await importContactsFile(page, CONTACTS_CSV, 'network-contacts.csv');
    expect(imported.counts).toMatch(/New: 6, updated: 0, unchanged: 0, not imported: 1/);
    expect(imported.rejectedLines).toEqual([4]);
    expect(await imported.report.getByTestId('rejected-line').textContent()).toMatch(/email/);
    expect((await contactEmails(page)).sort()).toEqual([...AFRICA, LUCIA].sort());
    await axe('contacts (import report)');

    // Step 2 — invite the African contacts, then again: the second campaign skips them all.
    const first = await sendCampaignFromWorkspace(page, stack.url, webinarId, { regions: ['africa'] }, () =>
      axe('new campaign (preview)'),
    );
    expect(first.preview).toMatch(/Contacts to invite: 5\./);
    expect(first.progress).toMatch(/^Sent: 5, queued: 0, failed: 0, skipped: 0 \(of 5\) · Finished$/);
    expect(first.skipped).toBeNull();
    await sink.waitFor(5);
    await settle(sink.messages);
    expect(sink.messages.map(recipientOf).sort()).toEqual([...AFRICA].sort());

    const second = await sendCampaignFromWorkspace(page, stack.url, webinarId, { regions: ['africa'] });
    expect(second.preview).toMatch(/Already invited to this webinar \(not invited again\): 5\./);
    expect(second.progress).toMatch(/^Sent: 0, queued: 0, failed: 0, skipped: 5 \(of 5\) · Finished$/);
    expect(second.skipped).toBe('Not invited — unsubscribed: 0, undeliverable: 0, already invited: 5, withdrawn: 0.');
    await axe('campaigns (both sent)');
    await settle(sink.messages);
    expect(sink.messages).toHaveLength(5);

    // Step 3 — registrations. Amina follows the link in her invitation, on her own device:
    // the form is filled in from the invitation, she only consents.
    const invitationLink = linkIn(mailsTo(AMINA)[0]!, /^\/webinars\//, stack.url);
    const slug = new URL(invitationLink).pathname.split('/').pop()!;
    const visitor = await suite.open({ locale: 'fr-FR', timezoneId: 'Africa/Dakar' });
    await visitor.page.goto(invitationLink);
    const form = visitor.page.locator('form');
    await eventually(async () => (await form.locator('input[name="email"]').inputValue()) === AMINA);
    expect(await form.locator('input[name="name"]').inputValue()).toBe('Amina Diallo');
    expect(await form.locator('select[name="language"]').inputValue()).toBe('fr');
    await form.locator('input[name="consent"]').check();
    expect(await severeViolations(visitor.page, 'public webinar page from the invitation (fr)')).toEqual([]);
    await form.locator('button[type="submit"]').click();
    const confirmation = visitor.page.getByTestId('confirmation');
    await confirmation.waitFor();
    expect(await confirmation.getAttribute('data-status')).toBe('confirmed');
    expect(visitor.pageErrors).toEqual([]);

    // The others register through the public API. Fatou takes the last seat, then cancels
    // through the link in her confirmation; Omar takes it; Wanjiru finds the webinar full.
    const register = (email: string, name: string, country: string, language: string, timeZone: string) =>
      registerFor(stack, slug, email, { name, country, language, timeZone });
    expect((await register(KWAME, 'Kwame Mensah', 'GH', 'en', 'Africa/Accra')).status).toBe('confirmed');
    expect((await register(FATOU, 'Fatou Sow', 'SN', 'fr', 'Africa/Dakar')).status).toBe('confirmed');
    const fatouConfirmation = await eventually(async () =>
      mailsTo(FATOU).find((m) => m.text?.includes('http://convene.test/manage/')),
    );
    const manageToken = new URL(linkIn(fatouConfirmation, /^\/manage\//, stack.url)).pathname.split('/').pop()!;
    const cancelled = await stack.request(`/api/registrations/manage/${manageToken}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect((await register(OMAR, 'Omar Haddad', 'MA', 'ar', 'Africa/Casablanca')).status).toBe('confirmed');
    expect((await register(WANJIRU, 'Wanjiru Kamau', 'KE', 'en', 'Africa/Nairobi')).status).toBe('waitlisted');

    // Step 4 — the webinars list, then the webinar's registrants: the true counts, the waiting
    // list holding no seat.
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Webinars' }).click();
    const row = page.locator(`[data-testid="webinar-row"][data-webinar-id="${webinarId}"]`);
    await row.waitFor();
    expect(await row.getByTestId('webinar-confirmed').textContent()).toBe('Confirmed: 3 of 3');
    expect(await row.getByTestId('webinar-waitlisted').textContent()).toBe('Waiting list: 1');
    await axe('webinars list');
    await openRegistrantsFromWebinars(page, webinarId);
    expect(await shownCounts(page)).toEqual({
      counts: { confirmed: 3, waitlisted: 1, cancelled: 1 },
      seats: '3 of 3 seats taken (the waiting list holds none).',
    });
    expect((await registrantEmails(page)).sort()).toEqual([...AFRICA].sort());
    await page.getByTestId('attendance-not-yet').waitFor();

    // Step 5 — it took place (started 100 minutes ago, 90 long). Zoom's report lists Amina and
    // Omar (each twice: they rejoined), Fatou — who had cancelled — and a phone caller.
    await startedMinutesAgo(stack.db, webinarId, 100);
    await openRegistrants(page, stack.url, webinarId);
    expect((await shownCounts(page)).counts).toEqual({
      confirmed: 3,
      waitlisted: 1,
      cancelled: 1,
      attended: 0,
      absentees: 3,
    });
    const attendance = await importAttendanceFile(
      page,
      attendanceReport('zoom', [AMINA, OMAR, FATOU]),
      'zoom-participants.csv',
    );
    expect(attendance.result).toMatch(/Lines read: 7\. Newly marked as attended: 2\. Already marked: 0\./);
    expect(attendance.result).toMatch(/Lines that matched a registrant: 4\. Lines that marked nobody: 3\./);
    expect(attendance.unmatched.map((u) => u.code).sort()).toEqual([
      'no_email',
      'registration_cancelled',
      'registration_cancelled',
    ]);
    await countsBecome(page, { attended: 2, absentees: 1 });
    await axe('registrants (attendance imported)');

    // Step 6 — complete it from its edit page, confirmed in the page with who gets which follow-up.
    await page.getByTestId('registrants-webinar-link').click();
    await page.waitForURL((url) => url.pathname === `/admin/webinars/${webinarId}`);
    await page.getByTestId('webinar-status').waitFor();
    expect(await attendanceSummary(page)).toEqual({ confirmed: 3, waitlisted: 1, attended: 2, absent: 1 });
    expect(await openCompletion(page)).toEqual({
      attendees: '“Thank you for joining” follow-up to attendees: 2',
      absentees: '“Sorry we missed you” follow-up to confirmed registrants who did not attend: 1',
    });
    await axe('completion confirmation');
    expect(await confirmCompletion(page)).toEqual({
      confirmed: 3,
      waitlisted: 1,
      attended: 2,
      absent: 1,
      'follow-ups-attendees': 2,
      'follow-ups-absentees': 1,
    });
    expect(await page.getByTestId('webinar-status').textContent()).toBe('Completed');
    await axe('webinar edit page (completed)');

    // Step 7 — one follow-up per attendee and per confirmed absentee; none for Fatou or Wanjiru.
    // Wait for the three, then a quiet spell: a duplicate would arrive in it.
    const followUps = () => followUpsIn(sink.messages);
    const mailed = (byRecipient: Map<string, number>) => [...byRecipient.values()].reduce((a, b) => a + b, 0);
    await eventually(async () => {
      const { attendee, absentee } = followUps();
      return mailed(attendee) + mailed(absentee) >= 3;
    }, 30_000);
    await settle(sink.messages);
    const byKind = followUps();
    expect(Object.fromEntries(byKind.attendee)).toEqual({ [AMINA]: 1, [OMAR]: 1 });
    expect(Object.fromEntries(byKind.absentee)).toEqual({ [KWAME]: 1 });

    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
