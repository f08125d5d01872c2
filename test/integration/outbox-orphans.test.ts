import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { JOBS, notificationJobId, sweepJobId } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { createLogger, type Logger } from '@convene/shared/node';
import { startWorkers, type RunningWorkers } from '@convene/worker';
import { Queue, Worker } from 'bullmq';
import { eq, inArray } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { handleReconcileOutbox } from '../../worker/src/jobs/reconcile-outbox.handler.js';
import type { WorkerDeps } from '../../worker/src/jobs/worker-deps.js';
import { createMailTransport } from '../../worker/src/mail/transport.js';
import { claimDueBatch, markBatchHandedOff, releaseUnsent } from '../../worker/src/outbox/claim-batch.js';
import { releaseClaim } from '../../worker/src/outbox/claim-notification.js';
import { createWebinarRow, eventually, truncateActivity } from '../factories.js';
import { insertContacts } from '../support/campaign-helpers.js';
import { recipientOf } from '../support/mail-helpers.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

type LogLine = { level: number; msg: string; notificationId?: string };

/** A logger whose JSON lines the test can read. */
function capturingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: createLogger('test', 'info', stream), lines };
}

/** Due invitations with no job at all, as after a Redis wipe; returns their ids and addresses. */
async function invitations(
  stack: TestStack,
  count: number,
  scheduledAt = new Date(),
): Promise<{ id: string; email: string }[]> {
  const webinar = await createWebinarRow(stack.db);
  const emails = await insertContacts(stack.db, count, `orphan-${randomBytes(3).toString('hex')}`);
  const contacts = await stack.db
    .select({ id: tables.contacts.id, email: tables.contacts.emailNormalized })
    .from(tables.contacts)
    .where(inArray(tables.contacts.emailNormalized, emails));
  const rows = await stack.db
    .insert(tables.notifications)
    .values(
      contacts.map((c) => ({
        kind: 'invitation' as const,
        webinarId: webinar.id,
        contactId: c.id,
        webinarVersion: webinar.version,
        dedupeKey: `test:orphan:${c.id}`,
        scheduledAt,
      })),
    )
    .returning({ id: tables.notifications.id, contactId: tables.notifications.contactId });
  return rows.map((r) => ({ id: r.id, email: contacts.find((c) => c.id === r.contactId)!.email }));
}

/** Leaves a row as a job that is gone left it: claimed a while ago, maybe handed to SMTP. */
async function strand(stack: TestStack, id: string, claim: { token: string; ageMs: number; handedOff: boolean }) {
  const at = new Date(Date.now() - claim.ageMs);
  await stack.db
    .update(tables.notifications)
    .set({
      status: 'sending',
      claimToken: claim.token,
      claimedAt: at,
      handedOffAt: claim.handedOff ? at : null,
      attempts: 1,
    })
    .where(eq(tables.notifications.id, id));
}

/** Waits for the reconciler pass that starting the workers triggers, so a test's own pass runs alone. */
async function startUpPassesDone(prefix: string): Promise<void> {
  const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const schedules = new Queue('schedules', { connection, prefix });
  try {
    await eventually(async () => {
      const counts = await schedules.getJobCounts('active', 'waiting', 'completed');
      return counts.completed! >= 1 && counts.active === 0 && counts.waiting === 0;
    });
  } finally {
    await schedules.close();
    connection.disconnect();
  }
}

const statusOf = async (stack: TestStack, id: string) =>
  (
    await stack.db
      .select({ status: tables.notifications.status })
      .from(tables.notifications)
      .where(eq(tables.notifications.id, id))
  )[0]?.status;

describe.each(databaseKinds())('the reconciler and orphaned claims (%s)', (kind) => {
  let stack: TestStack;
  let workers: RunningWorkers;
  let log: ReturnType<typeof capturingLogger>;

  beforeAll(async () => {
    stack = await startTestStack({ kind, withWorker: false });
    log = capturingLogger();
    workers = await startWorkers({
      db: stack.db,
      logger: log.logger,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      queuePrefix: stack.prefix,
      dataDir: stack.target.dataDir,
      smtpUrl: stack.sink!.url,
      mailFrom: 'Convene <noreply@convene.test>',
      publicUrl: 'http://convene.test',
      concurrency: 2,
      ratePerSecond: 0,
    });
    await startUpPassesDone(stack.prefix);
  });
  afterAll(async () => {
    await workers?.close();
    await stack?.stop();
  });
  beforeEach(async () => {
    await truncateActivity(stack.db);
    stack.sink!.messages.splice(0);
  });

  it('releases a claim that never reached SMTP at once, and sends the mail once', async () => {
    const [row] = await invitations(stack, 1);
    await strand(stack, row!.id, { token: `${notificationJobId(row!.id)}@1/lost`, ageMs: 60_000, handedOff: false });

    const result = await workers.reconcileNow();
    expect(result).toMatchObject({ recovered: 1, requeued: 1, recorded: 0, skipped: false });
    await eventually(async () => (await statusOf(stack, row!.id)) === 'sent');
    expect(stack.sink!.messages.map(recipientOf)).toEqual([row!.email]);
  });

  it('leaves a claim held by a live sweep alone, and releases it once that sweep is gone', async () => {
    const [row] = await invitations(stack, 1);
    // A sweep that claimed the row and is still queued (a retry pending): the token names it.
    const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    const queue = new Queue('mail', { connection, prefix: stack.prefix });
    try {
      const sweep = await queue.add(
        JOBS.sweepMail,
        {},
        { jobId: sweepJobId(Date.now() + 3_600_000), delay: 3_600_000 },
      );
      await strand(stack, row!.id, { token: `${sweep.id}@${sweep.timestamp}/run`, ageMs: 60_000, handedOff: false });

      expect(await workers.reconcileNow()).toMatchObject({ recovered: 0 });
      expect(await statusOf(stack, row!.id)).toBe('sending');

      await sweep.remove();
      expect(await workers.reconcileNow()).toMatchObject({ recovered: 1, requeued: 1 });
      await eventually(async () => (await statusOf(stack, row!.id)) === 'sent');
      expect(stack.sink!.messages.map(recipientOf)).toEqual([row!.email]);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });

  it('hands off only the rows a batch claim still holds: a row released and claimed again is not sent twice', async () => {
    const rows = await invitations(stack, 3);
    const ids = rows.map((r) => r.id);
    const first = 'sweep-at-1@1/first';
    // The whole batch is due now (the campaign's rows); only these three exist after the truncate.
    const claimed = await claimDueBatch(stack.db, {
      token: first,
      prefix: 'sweep-at-1@1/',
      resumeHandedOff: false,
      limit: 10,
      earlyMs: 0,
    });
    expect(claimed.map((r) => r.id).sort()).toEqual([...ids].sort());

    // The reconciler released one row of the batch and another sweep claimed it meanwhile.
    expect(await releaseClaim(stack.db, ids[0]!, first)).toBe(true);
    const second = await claimDueBatch(stack.db, {
      token: 'sweep-at-2@2/second',
      prefix: 'sweep-at-2@2/',
      resumeHandedOff: false,
      limit: 10,
      earlyMs: 0,
    });
    expect(second.map((r) => r.id)).toEqual([ids[0]]);

    const held = await markBatchHandedOff(stack.db, ids, first);
    expect([...held].sort()).toEqual([ids[1], ids[2]].sort());
    await releaseClaim(stack.db, ids[0]!, 'sweep-at-2@2/second');
    await releaseUnsent(stack.db, first);
  });

  it('leaves a claim that may have reached SMTP alone until the stale period, then sends it again', async () => {
    const [row] = await invitations(stack, 1);
    await strand(stack, row!.id, { token: `${notificationJobId(row!.id)}@1/lost`, ageMs: 60_000, handedOff: true });

    expect(await workers.reconcileNow()).toMatchObject({ recovered: 0, requeued: 0 });
    expect(await statusOf(stack, row!.id)).toBe('sending');

    // Ten minutes on (STALE_CLAIM_SECONDS), the at-least-once rule sends it again, with a warning.
    await strand(stack, row!.id, {
      token: `${notificationJobId(row!.id)}@1/lost`,
      ageMs: 11 * 60_000,
      handedOff: true,
    });
    expect(await workers.reconcileNow()).toMatchObject({ recovered: 1, requeued: 1 });
    await eventually(async () => (await statusOf(stack, row!.id)) === 'sent');
    expect(stack.sink!.messages).toHaveLength(1);
    expect(log.lines.filter((l) => l.level === 40 && l.notificationId === row!.id).map((l) => l.msg)).toEqual([
      'stale claim released: its mail may have reached SMTP and is sent again',
    ]);
  });

  it('runs one reconciler pass at a time across two workers', async () => {
    const second = capturingLogger();
    const other = await startWorkers({
      db: stack.db,
      logger: second.logger,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      queuePrefix: stack.prefix,
      dataDir: stack.target.dataDir,
      smtpUrl: stack.sink!.url,
      mailFrom: 'Convene <noreply@convene.test>',
      publicUrl: 'http://convene.test',
      concurrency: 2,
      ratePerSecond: 0,
    });
    try {
      await startUpPassesDone(stack.prefix);
      // Jobless rows due in a minute: enough work to keep a pass busy while the other one starts.
      const rows = await invitations(stack, 300, new Date(Date.now() + 60_000));

      const results = await Promise.all([workers, other].map((w) => w.reconcileNow()));
      expect(results.filter((r) => r.skipped)).toHaveLength(1);
      expect(results.reduce((sum, r) => sum + r.requeued, 0)).toBe(rows.length);
      const skipped = [...log.lines, ...second.lines].filter((l) => l.msg.startsWith('reconciler pass skipped'));
      expect(skipped).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe.each(databaseKinds())('a job that gave up after SMTP accepted its mail (%s)', (kind) => {
  let stack: TestStack;
  let connection: Redis;
  let queue: Queue;
  let deps: WorkerDeps;

  beforeAll(async () => {
    // No worker: the test moves the job by hand, as a worker would.
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

  it('is recorded as sent from the message id the job kept, and not sent again', async () => {
    const [row] = await invitations(stack, 1);
    const job = await queue.add(
      JOBS.sendNotification,
      { notificationId: row!.id, sentMessageId: `<${row!.id}@convene>` },
      { jobId: notificationJobId(row!.id) },
    );
    await strand(stack, row!.id, { token: `${job.id}@${job.timestamp}/run`, ageMs: 60_000, handedOff: true });
    // The job ran out of attempts while the database was away.
    const hand = new Worker('mail', null, { connection, prefix: stack.prefix, autorun: false });
    const active = await hand.getNextJob('hand');
    await active!.moveToFailed(new Error('database unreachable'), 'hand', false);
    await hand.close();
    expect(await (await queue.getJob(notificationJobId(row!.id)))!.getState()).toBe('failed');

    expect(await handleReconcileOutbox(null, deps)).toMatchObject({ recorded: 1, recovered: 0, requeued: 0 });
    const [after] = await stack.db.select().from(tables.notifications).where(eq(tables.notifications.id, row!.id));
    expect(after).toMatchObject({ status: 'sent', providerMessageId: `<${row!.id}@convene>` });
    expect(stack.sink!.messages).toHaveLength(0);
  });
});
