import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { and, eq, sql } from 'drizzle-orm';
import { createWebinarRow, eventually, registrationBody, truncateActivity } from '../factories.js';
import { signIn, type CoordinatorSession } from '../support/coordinator-session.js';
import { calendarOf, recipientOf, settle } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const DAY = 24 * 3600_000;

describe.each(databaseKinds())('reminders, reschedule, cancellation, waitlist, follow-up (%s)', (kind) => {
  let stack: TestStack;
  let session: CoordinatorSession;
  let connection: Redis;
  let mailQueue: Queue;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
    session = await signIn(stack);
    connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    mailQueue = new Queue('mail', { connection, prefix: stack.prefix });
  });
  afterAll(async () => {
    await mailQueue?.close();
    connection?.disconnect();
    await stack?.stop();
  });
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
    expect(res.status).toBe(201);
    return ((await res.json()) as { registration: { id: string; status: string } }).registration;
  }

  /** Makes every pending reminder due now and fires every delayed job, stale ones included. */
  async function fastForwardReminders() {
    await stack.db.execute(sql`update notifications set scheduled_at = now() where kind = 'reminder'`);
    await mailQueue.promoteJobs();
    await stack.running.workers!.reconcileNow();
  }

  const notificationsOf = (kindName: string) =>
    stack.db
      .select()
      .from(tables.notifications)
      .where(eq(tables.notifications.kind, kindName as 'reminder'));

  it('plans reminders only for offsets still ahead of a late registrant', async () => {
    const soon = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 30 * 60_000) });
    const inTwoDays = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 2 * DAY) });
    const a = await register(soon.slug, 'late@example.org');
    const b = await register(inTwoDays.slug, 'early@example.org');
    const reminders = await notificationsOf('reminder');
    expect(reminders.filter((r) => r.registrationId === a.id)).toHaveLength(0);
    expect(
      reminders
        .filter((r) => r.registrationId === b.id)
        .map((r) => r.offsetMinutes)
        .sort((x, y) => y! - x!),
    ).toEqual([1440, 60]);
    // Let the confirmations arrive so they cannot leak into the next test.
    await stack.sink!.waitFor(2);
    await settle(stack.sink!.messages);
  });

  it('re-times reminders after a reschedule: none at the old time, one per offset at the new, one notice each', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 10 * DAY), capacity: 2 });
    const a = await register(webinar.slug, 'a@example.org', { language: 'fr', timeZone: 'Europe/Paris' });
    const b = await register(webinar.slug, 'b@example.org');
    const c = await register(webinar.slug, 'c@example.org');
    expect(c.status).toBe('waitlisted');
    await stack.sink!.waitFor(3);

    const newStart = new Date(Math.floor((Date.now() + 12 * DAY) / 60_000) * 60_000);
    const res = await stack.request(`/api/admin/webinars/${webinar.id}`, {
      method: 'PATCH',
      headers: session.headers,
      json: { startsAt: newStart.toISOString() },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { webinar: { version: number } }).webinar.version).toBe(2);

    const mails = await stack.sink!.waitFor(6);
    await settle(stack.sink!.messages);
    const notices = mails.slice(3);
    expect(notices.map(recipientOf).sort()).toEqual(['a@example.org', 'b@example.org', 'c@example.org']);
    const french = notices.find((m) => recipientOf(m) === 'a@example.org')!;
    expect(french.subject).toBe('Nouvel horaire\u00a0: Voies régulières et travail décent');
    for (const mail of notices.filter((m) => recipientOf(m) !== 'c@example.org')) {
      const ics = calendarOf(mail)!;
      expect(ics.event.start.toISOString()).toBe(newStart.toISOString());
      expect(Number(ics.event.sequence)).toBe(1);
      expect(ics.text).toContain('METHOD:REQUEST');
    }
    expect(calendarOf(notices.find((m) => recipientOf(m) === 'c@example.org')!)).toBeNull();

    const reminders = await notificationsOf('reminder');
    expect(reminders.filter((r) => r.webinarVersion === 1).every((r) => r.status === 'cancelled')).toBe(true);
    const current = reminders.filter((r) => r.webinarVersion === 2);
    expect(current).toHaveLength(6);
    for (const r of current) {
      expect(r.status).toBe('pending');
      expect(r.scheduledAt.getTime()).toBe(newStart.getTime() - r.offsetMinutes! * 60_000);
    }
    expect(new Set(current.map((r) => r.registrationId))).toEqual(new Set([a.id, b.id]));

    // Every delayed job fires now, the stale version-1 ones too: only version 2 is sent.
    stack.sink!.messages.splice(0);
    await fastForwardReminders();
    await stack.sink!.waitFor(6);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(6);
    for (const mail of stack.sink!.messages) {
      expect(calendarOf(mail)!.event.start.toISOString()).toBe(newStart.toISOString());
    }
    const sent = await stack.db
      .select()
      .from(tables.notifications)
      .where(and(eq(tables.notifications.kind, 'reminder'), eq(tables.notifications.status, 'sent')));
    expect(sent.every((r) => r.webinarVersion === 2)).toBe(true);
    const perOffset = new Map<string, number>();
    for (const r of sent)
      perOffset.set(
        `${r.registrationId}:${r.offsetMinutes}`,
        (perOffset.get(`${r.registrationId}:${r.offsetMinutes}`) ?? 0) + 1,
      );
    expect([...perOffset.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('sends one cancellation each and no reminder after a webinar is cancelled', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 10 * DAY), capacity: 1 });
    await register(webinar.slug, 'x@example.org', { language: 'ar' });
    await register(webinar.slug, 'y@example.org');
    await stack.sink!.waitFor(2);
    stack.sink!.messages.splice(0);

    for (let i = 0; i < 2; i++) {
      const res = await stack.request(`/api/admin/webinars/${webinar.id}/cancel`, {
        method: 'POST',
        headers: session.headers,
      });
      expect(res.status).toBe(200);
    }
    await stack.sink!.waitFor(2);
    await fastForwardReminders();
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(2);
    const arabic = stack.sink!.messages.find((m) => recipientOf(m) === 'x@example.org')!;
    expect(arabic.subject).toBe('أُلغيت الندوة: المسارات النظامية والعمل اللائق');
    const ics = calendarOf(arabic)!;
    expect(ics.text).toContain('METHOD:CANCEL');
    expect(ics.text).toContain('STATUS:CANCELLED');
    expect(Number(ics.event.sequence)).toBeGreaterThan(0);
    // The waitlisted registrant never had the event in a calendar: no CANCEL for them.
    expect(calendarOf(stack.sink!.messages.find((m) => recipientOf(m) === 'y@example.org')!)).toBeNull();
    const reminders = await notificationsOf('reminder');
    expect(reminders.every((r) => r.status === 'cancelled')).toBe(true);

    const late = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(),
    });
    expect(late.status).toBe(409);
  });

  it('lets a registrant cancel from the manage link and promotes the first on the waiting list', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 3 * DAY), capacity: 1 });
    await register(webinar.slug, 'first@example.org');
    const second = await register(webinar.slug, 'second@example.org');
    const third = await register(webinar.slug, 'third@example.org');
    expect([second.status, third.status]).toEqual(['waitlisted', 'waitlisted']);
    await stack.sink!.waitFor(3);
    const [first] = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.emailNormalized, 'first@example.org'));
    stack.sink!.messages.splice(0);

    const view = await stack.request(`/api/registrations/manage/${first!.manageToken}`);
    expect(view.status).toBe(200);
    const viewed = (await view.json()) as { registration: { status: string }; webinar: { slug: string } };
    expect(viewed.registration.status).toBe('confirmed');
    expect(JSON.stringify(viewed)).not.toContain(webinar.joinUrl);

    const cancel = await stack.request(`/api/registrations/manage/${first!.manageToken}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as { registration: { status: string } }).registration.status).toBe('cancelled');
    const again = await stack.request(`/api/registrations/manage/${first!.manageToken}/cancel`, { method: 'POST' });
    expect(again.status).toBe(200);

    await stack.sink!.waitFor(2);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(2);
    const cancellation = stack.sink!.messages.find((m) => recipientOf(m) === 'first@example.org')!;
    expect(cancellation.subject).toBe('Registration cancelled: Regular pathways and decent work');
    expect(calendarOf(cancellation)!.text).toContain('METHOD:CANCEL');
    const promotion = stack.sink!.messages.find((m) => recipientOf(m) === 'second@example.org')!;
    expect(promotion.subject).toBe('A place opened up: Regular pathways and decent work');
    expect(promotion.text).toContain(webinar.joinUrl);
    expect(calendarOf(promotion)!.text).toContain('METHOD:REQUEST');

    const rows = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.webinarId, webinar.id));
    const status = Object.fromEntries(rows.map((r) => [r.emailNormalized, r.status]));
    expect(status).toEqual({
      'first@example.org': 'cancelled',
      'second@example.org': 'confirmed',
      'third@example.org': 'waitlisted',
    });
    const [w] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinar.id));
    expect(w!.confirmedCount).toBe(1);
    // The promoted registrant now has the reminders still ahead; the cancelled one has none pending.
    const reminders = await notificationsOf('reminder');
    expect(reminders.filter((r) => r.registrationId === second.id && r.status === 'pending')).toHaveLength(2);
    expect(reminders.filter((r) => r.registrationId === first!.id && r.status === 'pending')).toHaveLength(0);

    expect((await stack.request('/api/registrations/manage/not-a-real-token-at-all-xyz')).status).toBe(404);
  });

  it('moves the waiting list up when a coordinator adds seats', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 3 * DAY), capacity: 1 });
    await register(webinar.slug, 'one@example.org');
    await register(webinar.slug, 'two@example.org');
    await register(webinar.slug, 'three@example.org');
    await stack.sink!.waitFor(3);
    stack.sink!.messages.splice(0);

    const res = await stack.request(`/api/admin/webinars/${webinar.id}`, {
      method: 'PATCH',
      headers: session.headers,
      json: { capacity: 2 },
    });
    expect(res.status).toBe(200);
    const [mail] = await stack.sink!.waitFor(1);
    await settle(stack.sink!.messages);
    expect(stack.sink!.messages).toHaveLength(1);
    expect(recipientOf(mail!)).toBe('two@example.org');
    expect(mail!.subject).toBe('A place opened up: Regular pathways and decent work');
    const rows = await stack.db
      .select()
      .from(tables.registrations)
      .where(eq(tables.registrations.webinarId, webinar.id));
    expect(Object.fromEntries(rows.map((r) => [r.emailNormalized, r.status]))).toEqual({
      'one@example.org': 'confirmed',
      'two@example.org': 'confirmed',
      'three@example.org': 'waitlisted',
    });
  });

  it('sends each confirmed registrant one follow-up with the recording and the input form link', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: new Date(Date.now() + 2 * DAY) });
    await register(webinar.slug, 'p@example.org', { language: 'es' });
    await stack.sink!.waitFor(1);
    stack.sink!.messages.splice(0);
    // Held and attended: a webinar is completed only after its end (attendance-follow-ups.test.ts).
    await stack.db.execute(sql`update registrations set attended_at = now() where webinar_id = ${webinar.id}`);
    await stack.db.execute(sql`update webinars set starts_at = now() - interval '3 hours' where id = ${webinar.id}`);
    const res = await stack.request(`/api/admin/webinars/${webinar.id}/complete`, {
      method: 'POST',
      headers: session.headers,
      json: { recordingUrl: 'https://video.example.org/recording-7' },
    });
    expect(res.status).toBe(200);
    const [mail] = await stack.sink!.waitFor(1);
    expect(mail!.subject).toBe('Gracias por participar: Vías regulares y trabajo decente');
    expect(mail!.text).toContain('https://video.example.org/recording-7');
    expect(mail!.text).toContain(
      `http://convene.test/report?theme=irregular-migration-pathways&webinar=${webinar.slug}&lang=es`,
    );
    await eventually(async () => (await notificationsOf('reminder')).every((r) => r.status === 'cancelled'));
  });
});
