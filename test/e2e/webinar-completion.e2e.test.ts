import { describe, expect, it } from '@jest/globals';
import { formatInstant } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { createWebinarRow } from '../factories.js';
import { attendanceReport } from '../support/attendance-reports.js';
import { useBrowserSuite } from '../support/browser-suite.js';
import {
  attendanceSummary,
  confirmCompletion,
  keepWebinarOpen,
  openCompletion,
  openWebinarEditPage,
} from '../support/completion-steps.js';
import { signIn } from '../support/coordinator-session.js';
import { settle } from '../support/mail-helpers.js';
import { followUpsIn, registerFor, startedMinutesAgo, uploadAttendance } from '../support/programme-steps.js';
import { ADMIN } from '../support/stack.js';
import { severeViolations, signInToWorkspace } from '../support/workspace-steps.js';

/*
 * Completing a webinar from its edit page (issue 9, defect 6): not offered before the end —
 * the page says when, in the reader's zone —, then confirmed in the page with the number of
 * attendees and confirmed absentees each follow-up goes to. Leaving the confirmation sends
 * nothing; confirming mails each person exactly one follow-up of their kind. Real Chromium,
 * the mail workers and an SMTP sink.
 */

describe('completing a webinar from its edit page in Chromium', () => {
  const suite = useBrowserSuite({ kind: 'pglite', smtp: true });

  it('offers completion only after the end, confirms it with the follow-up counts, and mails each person once', async () => {
    const { stack } = suite;
    const sink = stack.sink!;
    // Three places: two people attend, one confirmed registrant misses it, one waits for a place.
    const webinar = await createWebinarRow(stack.db, { capacity: 3 });
    await registerFor(stack, webinar.slug, 'came.en@example.org');
    await registerFor(stack, webinar.slug, 'came.ar@example.org', { language: 'ar', timeZone: 'Africa/Cairo' });
    await registerFor(stack, webinar.slug, 'missed.fr@example.org', { language: 'fr', timeZone: 'Europe/Paris' });
    expect((await registerFor(stack, webinar.slug, 'waiting@example.org')).status).toBe('waitlisted');
    await sink.waitFor(4);
    await settle(sink.messages);
    sink.messages.splice(0);

    const { page, pageErrors } = await suite.open();
    await signInToWorkspace(page, stack.url, ADMIN);

    // In ten days: no Complete button, and the page says from when, in Paris time, the zone named.
    await openWebinarEditPage(page, stack.url, webinar.id);
    const endsAt = new Date(webinar.startsAt.getTime() + webinar.durationMinutes * 60_000);
    const availableAfter = (await page.getByTestId('complete-available-after').textContent()) ?? '';
    expect(availableAfter).toMatch(/^Completion becomes available once the webinar is over, after /);
    // The reader's zone (the browser's, Paris), as the workspace formats instants.
    expect(availableAfter).toContain(formatInstant(endsAt, 'Europe/Paris', 'en').dateTime);
    expect(availableAfter).toContain('(Europe/Paris)');
    expect(await page.getByTestId('complete-webinar').count()).toBe(0);
    // Attendance is not counted before the start.
    expect(await attendanceSummary(page)).toEqual({ confirmed: 3, waitlisted: 1 });
    expect(await severeViolations(page, 'edit page, webinar ahead (en)')).toEqual([]);
    await openWebinarEditPage(page, stack.url, webinar.id, 'ar');
    expect(await page.getByTestId('complete-webinar').count()).toBe(0);
    expect(await page.getByTestId('complete-available-after').textContent()).toContain('(Europe/Paris)');
    expect(await severeViolations(page, 'edit page, webinar ahead (ar)')).toEqual([]);

    // It took place (started 100 minutes ago, 90 long); two of the three came.
    await startedMinutesAgo(stack.db, webinar.id, 100);
    const session = await signIn(stack);
    const imported = await uploadAttendance(
      stack,
      session,
      webinar.id,
      attendanceReport('zoom', ['came.en@example.org', 'came.ar@example.org']),
    );
    expect(imported.status).toBe(200);

    await openWebinarEditPage(page, stack.url, webinar.id, 'en');
    expect(await page.getByTestId('complete-available-after').count()).toBe(0);
    expect(await attendanceSummary(page)).toEqual({ confirmed: 3, waitlisted: 1, attended: 2, absent: 1 });
    const counts = await openCompletion(page);
    expect(counts).toEqual({
      attendees: '“Thank you for joining” follow-up to attendees: 2',
      absentees: '“Sorry we missed you” follow-up to confirmed registrants who did not attend: 1',
    });
    // The confirmation is in the page and takes the focus; no browser dialog is involved.
    expect(await page.evaluate('document.activeElement?.id')).toBe('complete-confirm-title');
    expect(await severeViolations(page, 'completion confirmation (en)')).toEqual([]);

    // Not yet: nothing is sent, the webinar stays scheduled.
    await keepWebinarOpen(page);
    await settle(sink.messages);
    expect(sink.messages).toHaveLength(0);
    const [kept] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
    expect(kept!.status).toBe('scheduled');

    // The server has the last word: a start moved meanwhile refuses the completion, shown as such.
    await startedMinutesAgo(stack.db, webinar.id, 30);
    await openCompletion(page);
    await page.getByTestId('confirm-complete-webinar').click();
    const notOver = page.getByTestId('complete-not-over');
    await notOver.waitFor();
    expect(await notOver.textContent()).toMatch(
      /^The webinar is not over yet: complete it after .*\(Europe\/Paris\)\.$/,
    );
    // The page loads the webinar again and no longer offers completion.
    await page.getByTestId('complete-available-after').waitFor();
    expect(await page.getByTestId('complete-webinar').count()).toBe(0);
    await settle(sink.messages);
    expect(sink.messages).toHaveLength(0);

    // Over again: in Arabic this time, confirmed with the recording.
    await startedMinutesAgo(stack.db, webinar.id, 100);
    await openWebinarEditPage(page, stack.url, webinar.id, 'ar');
    const arabic = await openCompletion(page);
    expect(arabic.attendees).toContain('2');
    expect(arabic.absentees).toContain('1');
    expect(await severeViolations(page, 'completion confirmation (ar)')).toEqual([]);
    const recording = 'https://video.example.org/recording-12';
    const summary = await confirmCompletion(page, recording);
    expect(summary).toEqual({
      confirmed: 3,
      waitlisted: 1,
      attended: 2,
      absent: 1,
      'follow-ups-attendees': 2,
      'follow-ups-absentees': 1,
    });
    expect(await page.evaluate('document.activeElement?.id')).toBe('attendance-title');
    expect(await severeViolations(page, 'completed webinar (ar)')).toEqual([]);

    // One follow-up per person, of their kind; the waiting list gets none.
    await sink.waitFor(3);
    await settle(sink.messages);
    expect(sink.messages).toHaveLength(3);
    const byKind = followUpsIn(sink.messages);
    expect(Object.fromEntries(byKind.attendee)).toEqual({ 'came.en@example.org': 1, 'came.ar@example.org': 1 });
    expect(Object.fromEntries(byKind.absentee)).toEqual({ 'missed.fr@example.org': 1 });
    const [completed] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
    expect(completed).toMatchObject({ status: 'completed', recordingUrl: recording });

    // The completed state in English: status, follow-ups queued, no action left.
    await openWebinarEditPage(page, stack.url, webinar.id, 'en');
    expect(await page.getByTestId('webinar-status').textContent()).toBe('Completed');
    expect(await attendanceSummary(page)).toMatchObject({ 'follow-ups-attendees': 2, 'follow-ups-absentees': 1 });
    expect(await page.getByTestId('complete-panel').count()).toBe(0);
    expect(await page.getByTestId('cancel-webinar').count()).toBe(0);
    expect(await severeViolations(page, 'completed webinar (en)')).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
