/**
 * reminder_lateness: 1,000 reminders due in the same second. A webinar starting at T + 60 min
 * with one reminder offset (60 min) gets 1,000 confirmed registrations; their reminder outbox
 * rows are planned and written by the server's own planReminders/writeNotifications in one
 * transaction and enqueued by the server's MailQueue (one sweep wake-up for T, due
 * REMINDER_EARLY_SECONDS before it), exactly as a registration through the API plans them,
 * only without the confirmations (which would have gone out long before T). T is about 15 s
 * after set-up starts, on a whole second. The benchmark then measures, per reminder, when the
 * loopback SMTP sink received it minus T. The baseline is the raw nodemailer floor, measured in
 * the same run: the same 1,000 reminders handed at once to a pooled transporter mailing the same
 * sink (measureRawFloor). Each database runs twice: with the default tolerance (10 s early, p99
 * <= 1 s) and with none (p99 <= 1.25x the floor). The bare-BullMQ figure (1,000 delayed jobs, an
 * empty processor) stays in the details.
 *
 * PGlite always (entry reminder_lateness); also PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set (entry reminder_lateness_postgres, same bare-BullMQ baseline).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { DEFAULT_JOB_OPTIONS, JOBS, type TLanguage } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { rendererFor, type NotificationContext } from '@convene/worker';
import { Queue, Worker } from 'bullmq';
import { and, eq, inArray, sql } from 'drizzle-orm';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { Redis } from 'ioredis';
import { planReminders } from '../../../server/src/services/notifications/plan-reminders.js';
import { writeNotifications } from '../../../server/src/services/notifications/write-notifications.js';
import { createWebinarRow } from '../../factories.js';
import type { TestStack } from '../../support/stack.js';
import type { DbKind } from '../../support/test-database.js';
import {
  databaseKinds,
  concurrencyNote,
  distribution,
  entryName,
  log,
  sleep,
  startPlatform,
  watchProcess,
  workerConcurrency,
  type Distribution,
} from '../support/platform.js';
import {
  duplicatesByRecipient,
  nowMs,
  startRecordingSmtpSink,
  type ReceivedMessage,
} from '../support/recording-smtp-sink.js';
import { round } from '../support/settings.js';
import type { BenchEntry, Benchmark } from '../types.js';

const NAME = 'reminder_lateness';
const REMINDERS = 1000;
const OFFSET_MINUTES = 60;
/** The worker's default tolerance: sending may start this long before the due time. */
const DEFAULT_EARLY_SECONDS = 10;
const MAX_P99_MS = 1000;
const MAX_RAW_RATIO = 1.25;
const TARGET = `p99 <= ${MAX_P99_MS} ms (REMINDER_EARLY_SECONDS=${DEFAULT_EARLY_SECONDS}), 0 duplicates`;
const TARGET_NOT_EARLY = `p99 <= ${MAX_RAW_RATIO}x the raw nodemailer floor (REMINDER_EARLY_SECONDS=0), 0 duplicates`;
/** T is this far ahead of the start of the set-up (rounded up to a whole second). */
const LEAD_MS = 15_000;
/** The bare-BullMQ jobs are due this far ahead of their enqueueing (rounded up to a whole second). */
const BARE_LEAD_MS = 3_000;
const ROW_CHUNK = 500;
/** Give up on reminders (or bare jobs) still missing this long after T. */
const WAIT_AFTER_DUE_MS = 60_000;
/** Listen this much longer after the last expected message, so a late duplicate would show. */
const SETTLE_MS = 2_000;

const PROFILES: { language: TLanguage; country: string; timeZone: string }[] = [
  { language: 'en', country: 'KE', timeZone: 'Africa/Nairobi' },
  { language: 'fr', country: 'SN', timeZone: 'Africa/Dakar' },
  { language: 'es', country: 'MX', timeZone: 'America/Mexico_City' },
  { language: 'ar', country: 'LB', timeZone: 'Asia/Beirut' },
];

const dueSecond = (leadMs: number) => Math.ceil((nowMs() + leadMs) / 1000) * 1000;

type BareResult = { lateness: Distribution; processed: number; duplicates: number; enqueueMs: number };

/** 1,000 delayed jobs due at the same second on a bare BullMQ queue; an empty processor notes when each starts. */
async function measureBareBullmq(concurrency: number): Promise<BareResult> {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `bench${randomBytes(5).toString('hex')}`;
  const queueName = 'bare-delayed';
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(queueName, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const started = new Map<string, number>();
  let duplicates = 0;
  let due = Number.POSITIVE_INFINITY;
  let wake: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (wake = resolve));
  const worker = new Worker(
    queueName,
    async (job) => {
      const at = nowMs();
      if (started.has(job.id ?? '')) duplicates++;
      else started.set(job.id ?? '', at - due);
      if (started.size >= REMINDERS) wake();
    },
    { connection, prefix, concurrency },
  );
  try {
    await worker.waitUntilReady();
    due = dueSecond(BARE_LEAD_MS);
    const enqueueStarted = nowMs();
    const now = Date.now();
    await queue.addBulk(
      Array.from({ length: REMINDERS }, (_, i) => ({
        name: JOBS.sendNotification,
        data: { i },
        opts: { jobId: `bare-${i}`, delay: Math.max(0, due - now) },
      })),
    );
    const enqueueMs = nowMs() - enqueueStarted;
    log(`bare BullMQ: ${REMINDERS} delayed jobs due in ${Math.round(due - nowMs())} ms, concurrency ${concurrency}`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, due + WAIT_AFTER_DUE_MS - nowMs())));
    await Promise.race([allDone, timeout]);
    clearTimeout(timer);
    await sleep(SETTLE_MS);
    return { lateness: distribution([...started.values()]), processed: started.size, duplicates, enqueueMs };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await connection.quit().catch(() => connection.disconnect());
  }
}

type WebinarRow = typeof tables.webinars.$inferSelect;

/**
 * n confirmed registrations and, in the same transaction, their reminder rows as the server
 * plans them (planReminders: kind reminder, dedupe key reminder:<id>:v<version>:<offset>,
 * scheduled at start - offset); then the jobs, enqueued by the server's MailQueue after commit.
 */
async function registerConfirmed(stack: TestStack, webinar: WebinarRow, tag: string, n: number): Promise<number> {
  const now = new Date();
  const planned = await stack.db.transaction(async (tx) => {
    const rows = Array.from({ length: n }, (_, i) => {
      const profile = PROFILES[i % PROFILES.length]!;
      const email = `reminded.${tag}.${i}@example.org`;
      return {
        webinarId: webinar.id,
        name: `Participant ${i}`,
        email,
        emailNormalized: email.toLowerCase(),
        organization: 'Migrant Workers Network',
        ...profile,
        consentAt: now,
        status: 'confirmed' as const,
        confirmedAt: now,
        manageToken: randomBytes(24).toString('base64url'),
      };
    });
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += ROW_CHUNK) {
      const inserted = await tx
        .insert(tables.registrations)
        .values(rows.slice(i, i + ROW_CHUNK))
        .returning({ id: tables.registrations.id });
      ids.push(...inserted.map((r) => r.id));
    }
    const w = tables.webinars;
    await tx
      .update(w)
      .set({ confirmedCount: sql`${w.confirmedCount} + ${ids.length}` })
      .where(eq(w.id, webinar.id));
    return writeNotifications(
      tx,
      ids.flatMap((id) => planReminders(webinar, { id, round: 1 }, now)),
    );
  });
  await stack.running.ctx.mailQueue.enqueue(planned);
  return planned.length;
}

const notificationIdOf = (m: ReceivedMessage) => m.messageId?.replace(/@convene$/, '') ?? '';

/** As in the test stack, so raw and pipeline render the same links. */
const MAIL_FROM = 'Convene <no-reply@convene.localhost>';

type RawFloor = { lateness: Distribution; received: number };

/**
 * The raw floor: the same 1,000 reminders (rendered beforehand from the same rows, with the
 * same renderer and .ics) handed at once to a fresh nodemailer pooled transporter (pool=true,
 * 5 connections, as the worker's) mailing the same sink, once the pipeline is idle. Lateness
 * = arrival - the instant the 1,000 sendMail calls start: what SMTP itself takes here.
 */
async function measureRawFloor(
  stack: TestStack,
  sink: Awaited<ReturnType<typeof startRecordingSmtpSink>>,
  webinarId: string,
): Promise<RawFloor> {
  const n = tables.notifications;
  const rows = await stack.db
    .select()
    .from(n)
    .where(and(eq(n.webinarId, webinarId), eq(n.kind, 'reminder')));
  const [webinar] = await stack.db.select().from(tables.webinars).where(eq(tables.webinars.id, webinarId));
  const registrations = await stack.db
    .select()
    .from(tables.registrations)
    .where(inArray(tables.registrations.id, rows.map((r) => r.registrationId!).filter(Boolean)));
  const byId = new Map(registrations.map((r) => [r.id, r]));
  const render = rendererFor('reminder')!;
  const tag = randomBytes(4).toString('hex');
  const messages: SendMailOptions[] = rows.map((row, i) => {
    // The webinar as the rows were planned for (the pipeline skipped none).
    const ctx: NotificationContext = {
      notification: row,
      webinar: webinar!,
      registration: byId.get(row.registrationId!) ?? null,
      contact: null,
    };
    const mail = render(ctx, { publicUrl: 'http://convene.test', mailFrom: MAIL_FROM });
    return {
      from: MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      messageId: `<raw-${tag}-${i}@convene>`,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language, ...mail.headers },
      attachments: mail.calendar
        ? [
            {
              filename: 'webinar.ics',
              content: mail.calendar.content,
              contentType: `text/calendar; charset=utf-8; method=${mail.calendar.method}`,
            },
          ]
        : [],
    };
  });
  const transporter = nodemailer.createTransport(`${sink.url}?pool=true`);
  try {
    const before = sink.messages.length;
    const start = nowMs();
    await Promise.all(messages.map((m) => transporter.sendMail(m)));
    await sink.waitForCount(before + messages.length, WAIT_AFTER_DUE_MS);
    await sink.sync();
    const raw = sink.messages.filter((m) => m.messageId?.startsWith(`raw-${tag}-`));
    return { lateness: distribution(raw.map((m) => m.receivedAt - start)), received: raw.length };
  } finally {
    transporter.close();
  }
}

async function benchReminders(
  kind: DbKind,
  bare: BareResult,
  concurrency: number,
  loadAverage: number[],
  earlySeconds: number,
): Promise<BenchEntry> {
  const onTime = earlySeconds === 0;
  const name = entryName(onTime ? `${NAME}_not_early` : NAME, kind);
  log(`${name}: starting the platform on ${kind} (server and worker in this process, concurrency ${concurrency})`);
  const sink = await startRecordingSmtpSink();
  let stack: TestStack | null = null;
  try {
    stack = await startPlatform(kind, {
      SMTP_URL: sink.url,
      WORKER_CONCURRENCY: String(concurrency),
      REMINDER_EARLY_SECONDS: String(earlySeconds),
    });
    const tag = randomBytes(4).toString('hex');
    const due = dueSecond(LEAD_MS);
    const setupStarted = nowMs();
    const webinar = await createWebinarRow(stack.db, {
      capacity: null,
      startsAt: new Date(due + OFFSET_MINUTES * 60_000),
      reminderOffsetsMinutes: [OFFSET_MINUTES],
    });
    const planned = await registerConfirmed(stack, webinar, tag, REMINDERS);
    const setupMs = nowMs() - setupStarted;
    if (planned !== REMINDERS) throw new Error(`${planned} reminders planned, not ${REMINDERS}`);
    if (nowMs() > due - 1000) throw new Error(`set-up took ${Math.round(setupMs)} ms, too close to T`);

    const n = tables.notifications;
    const reminderRows = await stack.db
      .select({ id: n.id, scheduledAt: n.scheduledAt })
      .from(n)
      .where(and(eq(n.webinarId, webinar.id), eq(n.kind, 'reminder')));
    if (reminderRows.length !== REMINDERS) throw new Error(`${reminderRows.length} reminder rows, not ${REMINDERS}`);
    const offDue = reminderRows.filter((r) => r.scheduledAt.getTime() !== due).length;
    if (offDue > 0) throw new Error(`${offDue} reminder rows are not scheduled at T`);
    const reminderIds = new Set(reminderRows.map((r) => r.id));

    log(
      `${name}: ${REMINDERS} registrations and reminders written in ${Math.round(setupMs)} ms; due in ${Math.round(due - nowMs())} ms`,
    );
    await sleep(due - nowMs());
    const usage = watchProcess();
    await sink.waitForCount(REMINDERS, due + WAIT_AFTER_DUE_MS - nowMs());
    const process_ = usage.stop();
    await sleep(SETTLE_MS);
    await sink.sync();

    const reminders = sink.messages.filter((m) => reminderIds.has(notificationIdOf(m)));
    const others = sink.messages.filter((m) => !reminderIds.has(notificationIdOf(m)));
    const lateness = distribution(reminders.map((m) => m.receivedAt - due));
    const early = reminders.filter((m) => m.receivedAt < due).length;
    const dup = duplicatesByRecipient(reminders);
    const distinctReminders = new Set(reminders.map(notificationIdOf)).size;
    const missing = REMINDERS - distinctReminders;
    const statusRows = await stack.db
      .select({ status: n.status })
      .from(n)
      .where(and(eq(n.webinarId, webinar.id), eq(n.kind, 'reminder')));
    const outbox: { [status: string]: number } = {};
    for (const row of statusRows) outbox[row.status] = (outbox[row.status] ?? 0) + 1;

    const lastAt = reminders.reduce((m, r) => Math.max(m, r.receivedAt), 0);
    log(`${name}: pipeline p99 ${lateness.p99} ms; measuring the raw nodemailer floor`);
    const raw = await measureRawFloor(stack, sink, webinar.id);
    log(`${name}: raw nodemailer floor p99 ${raw.lateness.p99} ms`);
    const ratio = raw.lateness.p99 > 0 ? lateness.p99 / raw.lateness.p99 : null;
    const reasons: string[] = [];
    const pass =
      dup.extraMessages === 0 &&
      missing === 0 &&
      (onTime ? ratio !== null && ratio <= MAX_RAW_RATIO : lateness.p99 <= MAX_P99_MS);
    if (onTime && !(ratio !== null && ratio <= MAX_RAW_RATIO))
      reasons.push(`p99 lateness ${lateness.p99} ms > ${MAX_RAW_RATIO}x the raw floor ${raw.lateness.p99} ms`);
    if (!onTime && !(lateness.p99 <= MAX_P99_MS)) reasons.push(`p99 lateness ${lateness.p99} ms > ${MAX_P99_MS} ms`);
    if (dup.extraMessages > 0) reasons.push(`${dup.extraMessages} duplicate reminders`);
    if (missing > 0) reasons.push(`${missing} reminders never arrived`);

    return {
      name,
      value: lateness.p99,
      unit: 'ms p99 late',
      baseline: raw.lateness.p99,
      ratio: ratio === null ? null : round(ratio, 3),
      target: onTime ? TARGET_NOT_EARLY : TARGET,
      pass,
      details: {
        database: kind,
        reminderEarlySeconds: earlySeconds,
        rawNodemailerFloor: { latenessMs: raw.lateness, received: raw.received },
        failures: reasons,
        reminders: REMINDERS,
        workerConcurrency: concurrency,
        latenessMs: lateness,
        remindersReceived: reminders.length,
        duplicateReminders: dup.extraMessages,
        recipientsWithDuplicateReminders: dup.recipientsWithDuplicates,
        missingReminders: missing,
        earlyReminders: early,
        reminderMsgPerSec: lastAt > due ? round((reminders.length / (lastAt - due)) * 1000, 1) : null,
        outboxStatus: outbox,
        otherMessagesReceived: others.length,
        setupMs: Math.round(setupMs),
        rssPeakMb: process_.rssPeakMb,
        processCpuCores: process_.cpuCores,
        eventLoopUtilization: process_.eventLoopUtilization,
        bareBullmq: {
          latenessMs: bare.lateness,
          processed: bare.processed,
          duplicates: bare.duplicates,
          enqueueMs: Math.round(bare.enqueueMs),
          concurrency,
        },
        cpus: cpus().length,
        loadAverageAtStart: loadAverage,
        node: process.version,
        measuredAt: new Date().toISOString(),
        note:
          `T = the webinar's start minus ${OFFSET_MINUTES} min, ${LEAD_MS / 1000} s (rounded up to a second) after ` +
          `set-up starts. ${REMINDERS} confirmed registrations and their reminder rows are written in one ` +
          "transaction with the server's planReminders/writeNotifications and enqueued by its MailQueue (delayed " +
          'jobs notif-<id>), as a registration through the API does; no confirmations are sent (in real life ' +
          'they left long before). Lateness = arrival of the reminder at the SMTP sink (end of DATA) - T, telling ' +
          'reminders apart by their Message-ID (the outbox row id). Each reminder job claims its row, loads webinar and registration, ' +
          'renders (with an .ics) and sends through the pooled SMTP transport (5 connections), then marks the ' +
          'row sent. Baseline: a bare BullMQ queue (same Redis, same job options) with an empty processor at the ' +
          `same concurrency, ${REMINDERS} jobs delayed to one second; its lateness is when the processor starts - ` +
          'due time, measured first on an otherwise idle process. Server, worker and PGlite share one Node process ' +
          '(CPU and RSS figures are for it, from T on); the SMTP sink runs in a child process, Redis (and ' +
          'PostgreSQL) apart. ' +
          concurrencyNote(concurrency),
      },
    };
  } finally {
    log(`${name}: stopping the platform`);
    await stack?.stop();
    await sink.close();
  }
}

export const reminderLateness: Benchmark = {
  name: NAME,
  description: '1,000 reminders due in the same second: p99 lateness at the SMTP sink vs bare BullMQ delayed jobs',
  run: async () => {
    const concurrency = workerConcurrency();
    // Other work on the machine skews both sides differently; kept so a noisy run can be told apart.
    const loadAverage = loadavg().map((v) => round(v, 2));
    const bare = await measureBareBullmq(concurrency);
    log(`bare BullMQ: p50 ${bare.lateness.p50} ms, p99 ${bare.lateness.p99} ms late`);
    const entries: BenchEntry[] = [];
    for (const kind of databaseKinds()) {
      // The default tolerance (sending may start 10 s early), then none, against the raw floor.
      entries.push(await benchReminders(kind, bare, concurrency, loadAverage, DEFAULT_EARLY_SECONDS));
      entries.push(await benchReminders(kind, bare, concurrency, loadAverage, 0));
    }
    return entries;
  },
};
