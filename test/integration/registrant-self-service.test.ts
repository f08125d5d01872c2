import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { formatInstant, type TManagedRegistration, type TRegistrationResult } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { Queue } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import type { ParsedMail } from 'mailparser';
import ical, { type VEvent } from 'node-ical';
import { createWebinarRow, registrationBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { calendarOf, recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

/*
 * Build 6: a registrant manages their own registration from the emailed link — the language
 * and time zone of their later mails (and of the .ics those carry), a calendar file to
 * download, and registering again after cancelling — over real SMTP.
 */

const DAY = 24 * 3600_000;

function parseIcs(text: string): VEvent {
  const event = Object.values(ical.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as VEvent | undefined;
  if (!event) throw new Error('.ics without VEVENT');
  return event;
}

const languageOf = (mail: ParsedMail) => String(mail.headers.get('content-language') ?? '');

describe.each(databaseKinds())('registrant self-service (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;
  let connection: Redis;
  let mailQueue: Queue;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
    session = await signIn(stack);
    connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    mailQueue = new Queue('mail', { connection, prefix: stack.prefix });
  }, 180_000);
  afterAll(async () => {
    await mailQueue?.close();
    connection?.disconnect();
    await stack?.stop();
  }, 60_000);
  beforeEach(async () => {
    await truncateActivity(stack.db);
    await mailQueue.obliterate({ force: true });
    stack.sink!.messages.splice(0);
  });

  async function register(slug: string, email: string, extra: Record<string, unknown> = {}) {
    const res = await stack.request(`/api/webinars/${slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ email, ...extra }),
    });
    expect([200, 201]).toContain(res.status);
    return { status: res.status, body: (await res.json()) as TRegistrationResult };
  }

  async function registrationOf(webinarId: string, email: string) {
    const rows = await stack.db
      .select()
      .from(tables.registrations)
      .where(and(eq(tables.registrations.webinarId, webinarId), eq(tables.registrations.emailNormalized, email)));
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  const manage = (token: string, path = '', init: RequestInit & { json?: unknown } = {}) =>
    stack.request(`/api/registrations/manage/${token}${path}`, init);

  const mailsTo = (email: string) => stack.sink!.messages.filter((m) => recipientOf(m).toLowerCase() === email);

  describe('PATCH /api/registrations/manage/:token', () => {
    it('changes the language and zone of later mails: a reschedule notice and a reminder come in French, in the new zone, their .ics too', async () => {
      const webinar = await createWebinarRow(stack.db);
      await register(webinar.slug, 'amina@example.org', { language: 'en', timeZone: 'Africa/Dakar' });
      const [confirmation] = await stack.sink!.waitFor(1);
      expect(languageOf(confirmation!)).toBe('en');
      const { manageToken, id } = await registrationOf(webinar.id, 'amina@example.org');

      const res = await manage(manageToken, '', {
        method: 'PATCH',
        json: { language: 'fr', timeZone: 'America/Toronto' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const managed = (await res.json()) as TManagedRegistration;
      expect(managed.registration).toMatchObject({ language: 'fr', timeZone: 'America/Toronto' });
      expect(await registrationOf(webinar.id, 'amina@example.org')).toMatchObject({
        language: 'fr',
        timeZone: 'America/Toronto',
      });

      // The coordinators move the webinar: the notice follows the registrant's new choice.
      const newStart = new Date(Math.floor((Date.now() + 12 * DAY) / 60_000) * 60_000);
      const moved = await stack.request(`/api/admin/webinars/${webinar.id}`, {
        method: 'PATCH',
        headers: session.headers,
        json: { startsAt: newStart.toISOString() },
      });
      expect(moved.status).toBe(200);
      const [, notice] = await stack.sink!.waitFor(2);
      const toronto = formatInstant(newStart.toISOString(), 'America/Toronto', 'fr').full;
      expect(languageOf(notice!)).toBe('fr');
      expect(notice!.subject).toMatch(/^Nouvel horaire/);
      expect(notice!.text).toContain(toronto);
      const noticeIcs = calendarOf(notice!)!;
      expect(noticeIcs.event.uid).toBe(`registration-${id}@convene`);
      expect(noticeIcs.event.start.toISOString()).toBe(newStart.toISOString());
      expect(String(noticeIcs.event.description)).toContain('Lien de connexion');

      // A reminder sent now (planned before the change of language) is French and in Toronto time too.
      await stack.db.execute(sql`update notifications set scheduled_at = now() where kind = 'reminder'`);
      await mailQueue.promoteJobs();
      await stack.running.workers!.reconcileNow();
      await stack.sink!.waitFor(5);
      await settle(stack.sink!.messages);
      const reminders = stack.sink!.messages.slice(2);
      expect(reminders).toHaveLength(3);
      for (const reminder of reminders) {
        expect(languageOf(reminder)).toBe('fr');
        expect(reminder.subject).toMatch(/^Rappel/);
        expect(reminder.text).toContain(toronto);
        expect(String(calendarOf(reminder)!.event.description)).toContain('Lien de connexion');
      }
    });

    it('refuses an unknown language or zone with field errors, and an unknown link with 404, changing nothing', async () => {
      const webinar = await createWebinarRow(stack.db);
      await register(webinar.slug, 'omar@example.org', { language: 'ar', timeZone: 'Africa/Cairo' });
      const { manageToken } = await registrationOf(webinar.id, 'omar@example.org');

      const bad = await manage(manageToken, '', {
        method: 'PATCH',
        json: { language: 'xx', timeZone: 'Mars/Olympus' },
      });
      expect(bad.status).toBe(400);
      const error = ((await bad.json()) as { error: { code: string; fields: Record<string, unknown> } }).error;
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields).sort()).toEqual(['language', 'timeZone']);
      const extra = await manage(manageToken, '', {
        method: 'PATCH',
        json: { language: 'fr', timeZone: 'Europe/Paris', email: 'someone@else.org' },
      });
      expect(extra.status).toBe(400);
      const unknown = await manage('x'.repeat(32), '', {
        method: 'PATCH',
        json: { language: 'fr', timeZone: 'Europe/Paris' },
      });
      expect(unknown.status).toBe(404);
      expect(await registrationOf(webinar.id, 'omar@example.org')).toMatchObject({
        language: 'ar',
        timeZone: 'Africa/Cairo',
        email: 'omar@example.org',
      });
      await stack.sink!.waitFor(1);
      await settle(stack.sink!.messages);
    });
  });

  describe('the calendar file', () => {
    it('is served from the manage link with the UID and SEQUENCE of the mails, METHOD:PUBLISH and UTC times', async () => {
      const webinar = await createWebinarRow(stack.db, { version: 3 });
      await register(webinar.slug, 'lea@example.org', { language: 'fr', timeZone: 'Europe/Paris' });
      const [confirmation] = await stack.sink!.waitFor(1);
      const mailed = calendarOf(confirmation!)!;
      const { manageToken, id } = await registrationOf(webinar.id, 'lea@example.org');

      const res = await manage(manageToken, '/calendar.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(`^attachment; filename="?${webinar.slug}\\.ics"?$`),
      );
      expect(res.headers.get('cache-control')).toBe('no-store');
      const text = await res.text();
      const event = parseIcs(text);
      expect(text).toContain('METHOD:PUBLISH');
      expect(event.uid).toBe(`registration-${id}@convene`);
      expect(event.uid).toBe(mailed.event.uid);
      expect(Number(event.sequence)).toBe(2);
      expect(event.sequence).toBe(mailed.event.sequence);
      // iCalendar times have whole seconds.
      expect(event.start.getTime()).toBe(Math.floor(webinar.startsAt.getTime() / 1000) * 1000);
      expect(event.end!.getTime() - event.start.getTime()).toBe(90 * 60_000);
      expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      expect(String(event.description)).toContain('Lien de connexion');
      expect(String(event.description)).toContain(webinar.joinUrl);

      expect((await manage('y'.repeat(32), '/calendar.ics')).status).toBe(404);
    });

    it('is offered on the confirmation screen by a link that opens only that file; not to a repeat or the waiting list', async () => {
      const webinar = await createWebinarRow(stack.db, { capacity: 1 });
      const first = await register(webinar.slug, 'first@example.org');
      expect(first.status).toBe(201);
      const url = first.body.calendarUrl!;
      expect(url).toMatch(/^\/api\/registrations\/calendar\/[0-9a-f-]{36}\?key=[\w-]{43}$/);
      const res = await stack.request(url);
      expect(res.status).toBe(200);
      const event = parseIcs(await res.text());
      expect(event.uid).toBe(`registration-${first.body.registration.id}@convene`);

      // A wrong key is an unknown registration; the key opens no manage action.
      expect((await stack.request(url.replace(/key=.{4}/, 'key=AAAA'))).status).toBe(404);
      expect((await stack.request(url.split('?')[0]!)).status).toBe(404);
      const key = new URL(url, stack.url).searchParams.get('key')!;
      expect((await manage(key)).status).toBe(404);

      // Someone typing the same email gets no link to that person's calendar.
      const repeat = await register(webinar.slug, 'first@example.org', { name: 'Not Them' });
      expect(repeat.body).toMatchObject({ alreadyRegistered: true, calendarUrl: null });
      const waiting = await register(webinar.slug, 'second@example.org');
      expect(waiting.body.registration.status).toBe('waitlisted');
      expect(waiting.body.calendarUrl).toBeNull();
      const { manageToken } = await registrationOf(webinar.id, 'second@example.org');
      const refused = await manage(manageToken, '/calendar.ics');
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('calendar_unavailable');
      await stack.sink!.waitFor(2);
      await settle(stack.sink!.messages);
    });
  });

  describe('registering again after cancelling', () => {
    it('reactivates the registration as a new round: one new confirmation, new reminders, no duplicate', async () => {
      const webinar = await createWebinarRow(stack.db);
      const first = await register(webinar.slug, 'nadia@example.org', { language: 'en' });
      await stack.sink!.waitFor(1);
      const { manageToken, id } = await registrationOf(webinar.id, 'nadia@example.org');
      expect((await manage(manageToken, '/cancel', { method: 'POST' })).status).toBe(200);
      await stack.sink!.waitFor(2);

      const again = await register(webinar.slug, 'Nadia@Example.org', {
        name: 'Nadia B.',
        language: 'es',
        timeZone: 'America/Bogota',
      });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({
        alreadyRegistered: false,
        registration: { id: first.body.registration.id, status: 'confirmed', language: 'es' },
      });
      expect(again.body.calendarUrl).toEqual(expect.any(String));
      const row = await registrationOf(webinar.id, 'nadia@example.org');
      expect(row).toMatchObject({
        id,
        round: 2,
        status: 'confirmed',
        cancelledAt: null,
        name: 'Nadia B.',
        manageToken,
      });

      // Once more: the same registration, nothing new.
      const repeat = await register(webinar.slug, 'nadia@example.org');
      expect(repeat).toMatchObject({ status: 200, body: { alreadyRegistered: true } });

      await stack.sink!.waitFor(3);
      await settle(stack.sink!.messages);
      const mails = mailsTo('nadia@example.org');
      expect(mails).toHaveLength(3);
      expect(languageOf(mails[2]!)).toBe('es');
      expect(mails[2]!.subject).toMatch(/^Inscripción confirmada/);
      expect(calendarOf(mails[2]!)!.event.uid).toBe(`registration-${id}@convene`);

      const rows = await stack.db
        .select()
        .from(tables.notifications)
        .where(eq(tables.notifications.registrationId, id));
      const confirmations = rows.filter((r) => r.kind === 'confirmation');
      expect(confirmations.map((r) => r.dedupeKey).sort()).toEqual([
        `confirmation:${id}:${webinar.id}`,
        `confirmation:${id}:${webinar.id}:r2`,
      ]);
      const reminders = rows.filter((r) => r.kind === 'reminder');
      expect(reminders.filter((r) => r.status === 'cancelled')).toHaveLength(3);
      const pending = reminders.filter((r) => r.status === 'pending');
      expect(pending).toHaveLength(3);
      expect(pending.every((r) => r.dedupeKey.endsWith(':r2'))).toBe(true);

      // Cancelling the second round sends a second cancellation (a key of its own).
      expect((await manage(manageToken, '/cancel', { method: 'POST' })).status).toBe(200);
      await stack.sink!.waitFor(4);
      await settle(stack.sink!.messages);
      expect(mailsTo('nadia@example.org').map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Registration confirmed/),
        expect.stringMatching(/^Registration cancelled/),
        expect.stringMatching(/^Inscripción confirmada/),
        expect.stringMatching(/^Inscripción cancelada/),
      ]);
    });

    it('joins the waiting list when the webinar filled up meanwhile, at its end, and is promoted when a seat frees', async () => {
      const webinar = await createWebinarRow(stack.db, { capacity: 1 });
      // Each step waits for the mails before it: a mail made moot by the next step is rightly skipped.
      await register(webinar.slug, 'a@example.org');
      await stack.sink!.waitFor(1);
      const a = await registrationOf(webinar.id, 'a@example.org');
      expect((await manage(a.manageToken, '/cancel', { method: 'POST' })).status).toBe(200);
      await stack.sink!.waitFor(2);
      expect((await register(webinar.slug, 'b@example.org')).body.registration.status).toBe('confirmed');
      expect((await register(webinar.slug, 'c@example.org')).body.registration.status).toBe('waitlisted');

      const again = await register(webinar.slug, 'a@example.org');
      expect(again.status).toBe(201);
      expect(again.body.registration.status).toBe('waitlisted');
      expect(again.body.calendarUrl).toBeNull();
      const [counted] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
      expect(counted!.confirmedCount).toBe(1);

      // B leaves: C, who waited first, gets the seat, not A.
      await stack.sink!.waitFor(5);
      const b = await registrationOf(webinar.id, 'b@example.org');
      expect((await manage(b.manageToken, '/cancel', { method: 'POST' })).status).toBe(200);
      expect((await registrationOf(webinar.id, 'c@example.org')).status).toBe('confirmed');
      expect((await registrationOf(webinar.id, 'a@example.org')).status).toBe('waitlisted');

      // C leaves: A's second round is promoted, with the promotion mail and its .ics.
      await stack.sink!.waitFor(7);
      const c = await registrationOf(webinar.id, 'c@example.org');
      expect((await manage(c.manageToken, '/cancel', { method: 'POST' })).status).toBe(200);
      expect((await registrationOf(webinar.id, 'a@example.org')).status).toBe('confirmed');

      // a: confirmation, cancellation, waitlisted, promotion; b: confirmation, cancellation;
      // c: waitlisted, promotion, cancellation.
      await stack.sink!.waitFor(9);
      await settle(stack.sink!.messages);
      expect(stack.sink!.messages).toHaveLength(9);
      const toA = mailsTo('a@example.org').map((m) => m.subject);
      expect(toA).toEqual([
        expect.stringMatching(/^Registration confirmed/),
        expect.stringMatching(/^Registration cancelled/),
        expect.stringMatching(/^Waiting list/),
        expect.stringMatching(/^A place opened up/),
      ]);
      expect(calendarOf(mailsTo('a@example.org')[3]!)).not.toBeNull();
    });
  });
});
