import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { tables } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { createMailTransport, handleSendNotification, type WorkerDeps } from '@convene/worker';
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { eq } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { confirmations, createWebinarRow, eventually, registrationBody, truncateActivity } from '../factories.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const START = new Date('2027-03-15T15:00:00Z');

function calendarOf(mail: { attachments: { contentType: string; content: Buffer; filename?: string }[] }): VEvent {
  const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!ics) throw new Error('no .ics attachment');
  const parsed = ical.sync.parseICS(ics.content.toString('utf8'));
  const event = Object.values(parsed).find((c) => c?.type === 'VEVENT') as VEvent | undefined;
  if (!event) throw new Error('no VEVENT');
  return event;
}

describe.each(databaseKinds())('confirmation email (%s)', (kind) => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack({ kind });
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
  });

  it('arrives over SMTP in the registrant language, with their local time, the host time and a parseable .ics', async () => {
    const webinar = await createWebinarRow(stack.db, {
      startsAt: START,
      hostTimeZone: 'Asia/Manila',
      durationMinutes: 90,
    });
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({
        name: 'Lucía Pérez',
        email: 'lucia@example.org',
        language: 'es',
        timeZone: 'America/Bogota',
      }),
    });
    expect(res.status).toBe(201);
    const { registration } = (await res.json()) as { registration: { id: string } };

    const [mail] = await stack.sink!.waitFor(1);
    expect(mail!.subject).toBe('Inscripción confirmada: Vías regulares y trabajo decente');
    expect(mail!.headers.get('content-language')).toBe('es');
    expect(mail!.to && 'text' in mail!.to ? mail!.to.text : '').toContain('lucia@example.org');
    const text = mail!.text ?? '';
    // 15:00 UTC is 10:00 in Bogotá (UTC-5) and 23:00 in Manila (UTC+8); both zones named.
    expect(text).toMatch(/Cuándo \(su hora\): lunes, 15 de marzo de 2027, 10:00 .*\(America\/Bogota\)/);
    expect(text).toMatch(/Hora de la organización: lunes, 15 de marzo de 2027, 23:00 .*\(Asia\/Manila\)/);
    expect(text).toContain('https://meet.example.org/secret-room-42');
    expect(text).toMatch(/http:\/\/convene\.test\/manage\/[A-Za-z0-9_-]{20,}/);
    expect(mail!.html).toContain('lang="es"');

    const event = calendarOf(mail!);
    expect(event.start.toISOString()).toBe('2027-03-15T15:00:00.000Z');
    expect(event.end?.toISOString()).toBe('2027-03-15T16:30:00.000Z');
    expect(event.uid).toBe(`registration-${registration.id}@convene`);
    expect(String(event.sequence)).toBe('0');
    const icsText = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.content.toString('utf8');
    expect(icsText).toContain('METHOD:REQUEST');
    expect(icsText).toMatch(/DTSTART:20270315T150000Z/);

    const [row] = await confirmations(stack);
    await eventually(async () => {
      const [n] = await confirmations(stack);
      return n?.status === 'sent' && n.providerMessageId ? n : null;
    });
    expect(row!.kind).toBe('confirmation');
  });

  it('is written right-to-left in Arabic', async () => {
    const webinar = await createWebinarRow(stack.db, { startsAt: START });
    await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ language: 'ar', timeZone: 'Asia/Beirut' }),
    });
    const [mail] = await stack.sink!.waitFor(1);
    expect(mail!.subject).toBe('تأكيد التسجيل: المسارات النظامية والعمل اللائق');
    expect(mail!.html).toContain('dir="rtl"');
    expect(mail!.text).toContain('(Asia/Beirut)');
    // 15:00 UTC is 17:00 in Beirut in March (EET, UTC+2).
    expect(calendarOf(mail!).start.toISOString()).toBe(START.toISOString());
  });

  it('tells a waitlisted registrant so, without the join link or a calendar invitation', async () => {
    const webinar = await createWebinarRow(stack.db, { capacity: 1 });
    await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: registrationBody() });
    await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody({ email: 'late@example.org' }),
    });
    const mails = await stack.sink!.waitFor(2);
    const waitlisted = mails.find((m) => m.subject?.startsWith('Waiting list'));
    expect(waitlisted).toBeDefined();
    expect(waitlisted!.text).not.toContain(webinar.joinUrl);
    expect(waitlisted!.attachments).toHaveLength(0);
  });
});

describe.each(databaseKinds())('send-notification handler (%s)', (kind) => {
  let stack: TestStack;
  let deps: WorkerDeps;
  let queue: Queue;
  let connection: Redis;

  beforeAll(async () => {
    // No in-process worker: the test runs the handler itself.
    stack = await startTestStack({ kind, withWorker: false });
    connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    queue = new Queue('mail', { connection, prefix: stack.prefix });
    deps = {
      db: stack.db,
      logger: createLogger('test', 'silent'),
      transport: createMailTransport({
        smtpUrl: stack.sink!.url,
        mailFrom: 'Convene <noreply@convene.test>',
        db: stack.db,
        dataDir: stack.target.dataDir,
      }),
      settings: { publicUrl: 'http://convene.test', mailFrom: 'Convene <noreply@convene.test>' },
      redis: connection,
      mailQueue: queue,
      staleClaimMs: 600_000,
    };
  });
  afterAll(async () => {
    deps?.transport.close();
    await queue?.close();
    connection?.disconnect();
    await stack?.stop();
  });

  it('sends one email when the same job runs twice, at once and again later', async () => {
    const webinar = await createWebinarRow(stack.db);
    await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: registrationBody() });
    const [notification] = await confirmations(stack);
    const job = {
      id: `notif-${notification!.id}`,
      name: 'send-notification',
      data: { notificationId: notification!.id },
    } as unknown as Job;

    await Promise.all([handleSendNotification(job, deps), handleSendNotification(job, deps)]);
    await handleSendNotification(job, deps);
    await stack.sink!.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(stack.sink!.messages).toHaveLength(1);
    const [after] = await confirmations(stack);
    expect(after!.status).toBe('sent');
    expect(after!.attempts).toBe(1);
  });

  it('lets a stalled job take over a row its dead worker handed to SMTP, and only a stalled one', async () => {
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
    const webinar = await createWebinarRow(stack.db);
    await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: registrationBody() });
    const [notification] = await confirmations(stack);
    const job = (stalledCounter: number, timestamp = 1_000) =>
      ({
        id: `notif-${notification!.id}`,
        name: 'send-notification',
        data: { notificationId: notification!.id },
        timestamp,
        stalledCounter,
        attemptsMade: 0,
      }) as unknown as Job;
    // A worker running this job claimed the row and was handing it to SMTP when it died.
    await stack.db
      .update(tables.notifications)
      .set({
        status: 'sending',
        claimedAt: new Date(),
        claimToken: `notif-${notification!.id}@1000/dead-run`,
        handedOffAt: new Date(),
      })
      .where(eq(tables.notifications.id, notification!.id));

    // Neither another job of the row nor a second run of the same job still in progress may take it.
    await handleSendNotification(job(0, 2_000), deps);
    await handleSendNotification(job(0), deps);
    await new Promise((r) => setTimeout(r, 300));
    expect(stack.sink!.messages).toHaveLength(0);

    await handleSendNotification(job(1), deps);
    await stack.sink!.waitFor(1);
    const [after] = await confirmations(stack);
    expect(after!.status).toBe('sent');
  });

  it('rejects a payload that is not an id, without retrying', async () => {
    const job = { id: 'x', name: 'send-notification', data: { email: 'someone@example.org' } } as unknown as Job;
    await expect(handleSendNotification(job, deps)).rejects.toMatchObject({ name: 'UnrecoverableError' });
  });
});
