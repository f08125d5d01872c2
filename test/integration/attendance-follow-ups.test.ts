import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { createWebinarRow, truncateActivity } from '../factories.js';
import { attendanceReport, PLATFORMS } from '../support/attendance-reports.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import {
  completeWebinar,
  followUpsIn,
  registerFor,
  startedMinutesAgo,
  uploadAttendance,
} from '../support/programme-steps.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

describe.each(databaseKinds())('attendance and follow-ups (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
    session = await signIn(stack);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
  });

  /** A webinar with registrants: confirmed ones, one waitlisted, one cancelled. Confirmations drained. */
  async function webinarWithRegistrants(confirmed: string[], capacity = confirmed.length) {
    const webinar = await createWebinarRow(stack.db, { capacity });
    const ids = new Map<string, string>();
    for (const email of confirmed) ids.set(email, (await registerFor(stack, webinar.slug, email)).id);
    const waitlisted = await registerFor(stack, webinar.slug, 'waiting@example.org');
    expect(waitlisted.status).toBe('waitlisted');
    const gone = await registerFor(stack, webinar.slug, 'gone@example.org', {});
    const [goneRow] = await stack.db.select().from(tables.registrations).where(eq(tables.registrations.id, gone.id));
    // Their waiting-list mail first: sent after the cancellation, it would rightly be skipped.
    await stack.sink!.waitFor(confirmed.length + 2);
    await stack.request(`/api/registrations/manage/${goneRow!.manageToken}/cancel`, { method: 'POST' });
    await stack.sink!.waitFor(confirmed.length + 3);
    await settle(stack.sink!.messages);
    stack.sink!.messages.splice(0);
    return { webinar, ids };
  }

  const followUpRows = () =>
    stack.db
      .select()
      .from(tables.notifications)
      .where(eq(tables.notifications.kind, 'follow_up'))
      .then(async (a) => [
        ...a,
        ...(await stack.db
          .select()
          .from(tables.notifications)
          .where(eq(tables.notifications.kind, 'follow_up_absentee'))),
      ]);

  it('refuses to complete a webinar before its end (7 minutes before the start, or half-way) and queues nothing', async () => {
    const { webinar } = await webinarWithRegistrants(['early@example.org']);
    await startedMinutesAgo(stack.db, webinar.id, -7);
    const before = await completeWebinar(stack, session, webinar.id, 'https://video.example.org/r');
    expect(before.status).toBe(409);
    expect(before.body.error?.code).toBe('webinar_not_over');
    await startedMinutesAgo(stack.db, webinar.id, 45);
    const during = await completeWebinar(stack, session, webinar.id);
    expect(during.status).toBe(409);
    expect(during.body.error?.code).toBe('webinar_not_over');

    const [row] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
    expect(row!.status).toBe('scheduled');
    expect(row!.recordingUrl).toBeNull();
    expect(await followUpRows()).toHaveLength(0);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(0);
  });

  it.each(PLATFORMS)(
    'imports a %s attendance report: matches by address in any case, reports the rest by line',
    async (platform) => {
      const { webinar } = await webinarWithRegistrants(['ana@example.org', 'Bo@Example.org', 'cy@example.org']);
      await startedMinutesAgo(stack.db, webinar.id, 100);
      // Bo registered with capitals; the report has them in lower case. An unregistered
      // guest attended too, and the cancelled registrant is in the report.
      const file = attendanceReport(
        platform,
        ['ANA@example.org', 'bo@example.org', 'guest@example.org', 'gone@example.org'],
        ['cy@example.org'],
      );
      const first = await uploadAttendance(stack, session, webinar.id, file);
      expect(first.status).toBe(200);
      expect(first.body.marked).toBe(2);
      expect(first.body.counts).toEqual({ confirmed: 3, waitlisted: 1, cancelled: 1, attended: 2, absentees: 1 });
      const codes = first.body.unmatched.map((u) => u.code);
      expect(codes.filter((c) => c === 'not_registered').length).toBeGreaterThanOrEqual(1);
      expect(codes).toContain('registration_cancelled');
      expect(first.body.unmatchedLines).toBe(first.body.unmatched.length);
      expect(first.body.matchedLines).toBeGreaterThanOrEqual(2);
      // Line numbers, never addresses, in the answer.
      expect(JSON.stringify(first.body)).not.toMatch(/@/);

      const attended = await stack.db
        .select({ email: tables.registrations.emailNormalized, source: tables.registrations.attendanceSource })
        .from(tables.registrations)
        .where(eq(tables.registrations.webinarId, webinar.id));
      expect(
        attended
          .filter((r) => r.source === 'import')
          .map((r) => r.email)
          .sort(),
      ).toEqual(['ana@example.org', 'bo@example.org']);

      const again = await uploadAttendance(stack, session, webinar.id, file);
      expect(again.body).toMatchObject({ marked: 0, alreadyMarked: 2 });
      expect(again.body.counts.attended).toBe(2);
    },
  );

  it('reads a Zoom webinar report\'s "Attended: No" lines as absent', async () => {
    const { webinar } = await webinarWithRegistrants(['in@example.org', 'out@example.org']);
    await startedMinutesAgo(stack.db, webinar.id, 100);
    const result = await uploadAttendance(
      stack,
      session,
      webinar.id,
      attendanceReport('zoom-webinar', ['in@example.org'], ['out@example.org']),
    );
    expect(result.body.marked).toBe(1);
    expect(result.body.unmatched.map((u) => u.code)).toContain('not_attended');
    expect(result.body.counts).toMatchObject({ attended: 1, absentees: 1 });
  });

  it('refuses attendance before the start, after completion, and a file with no address column', async () => {
    const { webinar, ids } = await webinarWithRegistrants(['x@example.org']);
    const file = attendanceReport('zoom', ['x@example.org']);
    const early = await uploadAttendance(stack, session, webinar.id, file);
    expect([early.status, early.body.error?.code]).toEqual([409, 'webinar_not_started']);

    await startedMinutesAgo(stack.db, webinar.id, 100);
    const noColumn = await uploadAttendance(stack, session, webinar.id, Buffer.from('Name,Duration\nX,90\n'));
    expect([noColumn.status, noColumn.body.error?.code]).toEqual([400, 'attendance_no_email_column']);
    const wrongType = await uploadAttendance(stack, session, webinar.id, file, 'image/png');
    expect(wrongType.status).toBe(415);

    expect((await completeWebinar(stack, session, webinar.id)).status).toBe(200);
    const late = await uploadAttendance(stack, session, webinar.id, file);
    expect([late.status, late.body.error?.code]).toEqual([409, 'attendance_closed']);
    const tick = await stack.request(
      `/api/admin/webinars/${webinar.id}/registrations/${ids.get('x@example.org')}/attendance`,
      {
        method: 'PUT',
        headers: session.headers,
        json: { attended: true },
      },
    );
    expect(tick.status).toBe(409);
  });

  it('ticks and unticks attendance by hand', async () => {
    const { webinar, ids } = await webinarWithRegistrants(['hand@example.org']);
    await startedMinutesAgo(stack.db, webinar.id, 10);
    const path = `/api/admin/webinars/${webinar.id}/registrations/${ids.get('hand@example.org')}/attendance`;
    const on = await stack.request(path, { method: 'PUT', headers: session.headers, json: { attended: true } });
    expect(on.status).toBe(200);
    expect(((await on.json()) as { registrant: { attendanceSource: string } }).registrant.attendanceSource).toBe(
      'manual',
    );
    const off = await stack.request(path, { method: 'PUT', headers: session.headers, json: { attended: false } });
    expect(((await off.json()) as { registrant: { attendedAt: string | null } }).registrant.attendedAt).toBeNull();
    const bad = await stack.request(path, { method: 'PUT', headers: session.headers, json: { attended: 'yes' } });
    expect(bad.status).toBe(400);
  });

  it('after the end, mails each attendee one follow-up and each confirmed absentee one absentee follow-up, in their language, once', async () => {
    const webinar = await createWebinarRow(stack.db, { capacity: 4 });
    await registerFor(stack, webinar.slug, 'came.en@example.org');
    await registerFor(stack, webinar.slug, 'came.ar@example.org', { language: 'ar', timeZone: 'Africa/Cairo' });
    await registerFor(stack, webinar.slug, 'missed.fr@example.org', { language: 'fr', timeZone: 'Europe/Paris' });
    await registerFor(stack, webinar.slug, 'missed.es@example.org', { language: 'es' });
    await registerFor(stack, webinar.slug, 'waiting@example.org');
    await stack.sink!.waitFor(5);
    await settle(stack.sink!.messages);
    stack.sink!.messages.splice(0);

    await startedMinutesAgo(stack.db, webinar.id, 60);
    const imported = await uploadAttendance(
      stack,
      session,
      webinar.id,
      attendanceReport('teams', ['came.en@example.org', 'came.ar@example.org']),
    );
    expect(imported.body.counts).toMatchObject({ attended: 2, absentees: 2 });
    await startedMinutesAgo(stack.db, webinar.id, 91);

    const recording = 'https://video.example.org/recording-9';
    const publicView = async () =>
      ((await (await stack.request(`/api/webinars/${webinar.slug}`)).json()) as { webinar: Record<string, unknown> })
        .webinar;
    await stack.db.update(tables.webinars).set({ recordingUrl: recording }).where(eq(tables.webinars.id, webinar.id));
    // A recording set before the completion stays private.
    expect((await publicView()).recordingUrl).toBeNull();
    for (let i = 0; i < 2; i++) {
      expect((await completeWebinar(stack, session, webinar.id, recording)).status).toBe(200);
    }
    await stack.sink!.waitFor(4);
    await settle(stack.sink!.messages);
    const mails = stack.sink!.messages;
    expect(mails).toHaveLength(4);
    const byKind = followUpsIn(mails);
    expect(Object.fromEntries(byKind.attendee)).toEqual({ 'came.en@example.org': 1, 'came.ar@example.org': 1 });
    expect(Object.fromEntries(byKind.absentee)).toEqual({ 'missed.fr@example.org': 1, 'missed.es@example.org': 1 });

    const mailTo = (email: string) => mails.find((m) => recipientOf(m) === email)!;
    expect(mailTo('came.ar@example.org').subject).toBe('شكراً لمشاركتك: المسارات النظامية والعمل اللائق');
    expect(mailTo('missed.fr@example.org').subject).toBe(
      'Vous nous avez manqué\u00a0: Voies régulières et travail décent',
    );
    expect(mailTo('missed.es@example.org').subject).toBe('Le echamos de menos: Vías regulares y trabajo decente');
    for (const [email, lang] of [
      ['missed.fr@example.org', 'fr'],
      ['came.en@example.org', 'en'],
    ] as const) {
      expect(mailTo(email).text).toContain(recording);
      expect(mailTo(email).text).toContain(
        `http://convene.test/report?theme=irregular-migration-pathways&webinar=${webinar.slug}&lang=${lang}`,
      );
      expect(mailTo(email).text).not.toContain(webinar.joinUrl);
    }
    // The public page of the completed webinar shows the recording, never the join URL.
    const shown = await publicView();
    expect(shown.recordingUrl).toBe(recording);
    expect(JSON.stringify(shown)).not.toContain(webinar.joinUrl);
    // One outbox row per registrant for both kinds together.
    const rows = await followUpRows();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.dedupeKey)).size).toBe(4);
  });
});
