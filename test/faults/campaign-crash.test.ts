import { describe, expect, it } from '@jest/globals';
import { RECONCILER_SCHEDULER_ID, type TCampaign } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { Queue } from 'bullmq';
import { count, eq } from 'drizzle-orm';
import { createWebinarRow, eventually } from '../factories.js';
import { campaignWhenDone, deliveryReport, insertContacts, sendCampaign } from '../support/campaign-helpers.js';
import { spawnEntry, type Child } from '../support/child-process.js';
import { signIn } from '../support/coordinator-session.js';
import { recipientOf, settle } from '../support/mail-helpers.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

const CONCURRENCY = 10;

/** Resolves when every address has received at least one message. */
async function everyoneReached(sink: SmtpSink, emails: string[], timeoutMs: number): Promise<void> {
  const waiting = new Set(emails);
  let seen = 0;
  await eventually(async () => {
    for (; seen < sink.messages.length; seen++) waiting.delete(recipientOf(sink.messages[seen]!));
    return waiting.size === 0;
  }, timeoutMs).catch(() => {
    throw new Error(`${waiting.size} of ${emails.length} contacts never received their invitation`);
  });
}

/** Outbox rows in a state. */
async function countRows(stack: TestStack, status: 'sending' | 'pending'): Promise<number> {
  const [row] = await stack.db
    .select({ n: count() })
    .from(tables.notifications)
    .where(eq(tables.notifications.status, status));
  return row?.n ?? 0;
}

/** The numbers the lead copies into the notes; written to stdout, not to the logger. */
function note(text: string): void {
  process.stdout.write(`\n[campaign-crash] ${text}\n`);
}

if (databaseKinds().includes('postgres')) {
  describe('a campaign whose worker process is killed (postgres)', () => {
    it('reaches every contact after kill -9 and a restart, with no more duplicates than jobs in flight', async () => {
      // The API in this process; the worker a real process of its own, on the same database
      // and queue prefix, mailing a sink that survives its client being killed.
      const stack = await startTestStack({ kind: 'postgres', withWorker: false, smtp: false });
      const sink = await startSmtpSink();
      const workers: Child[] = [];
      try {
        const session = await signIn(stack);
        const emails = await insertContacts(stack.db, 2000, 'crash');
        const webinar = await createWebinarRow(stack.db);
        const env = {
          DATABASE_URL: stack.target.databaseUrl!,
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          QUEUE_PREFIX: stack.prefix,
          SMTP_URL: sink.url,
          DATA_DIR: stack.target.dataDir,
          WORKER_CONCURRENCY: String(CONCURRENCY),
          RECONCILE_EVERY_SECONDS: '2',
          STALE_CLAIM_SECONDS: '3',
          // The dead worker's jobs are taken over within two lock periods: 10-20 s, not BullMQ's 30-60 s.
          JOB_LOCK_SECONDS: '10',
          PUBLIC_URL: 'http://convene.test',
        };
        const first = spawnEntry('worker/src/main.ts', [], env);
        workers.push(first);
        await first.waitForOutput('workers started', 60_000);

        const campaign = await sendCampaign(stack, session, webinar.id);
        expect(campaign.plannedCount).toBe(2000);
        await eventually(async () => sink.messages.length >= 300, 60_000);
        expect(await first.stop('SIGKILL')).toBeNull();
        expect(first.process.signalCode).toBe('SIGKILL');
        const atKill = sink.messages.length;
        expect(atKill).toBeLessThan(2000);
        const claimedByTheDead = await countRows(stack, 'sending');

        const second = spawnEntry('worker/src/main.ts', [], env);
        workers.push(second);
        await second.waitForOutput('workers started', 60_000);
        // The jobs the dead worker held come back when BullMQ finds them stalled (10-20 s here).
        await everyoneReached(sink, emails, 100_000);
        const done: TCampaign = await campaignWhenDone(stack, session, campaign.id, 30_000);
        await settle(sink.messages);

        const report = deliveryReport(sink.messages, emails);
        note(
          `kill -9 after ${atKill} of 2000 invitations: missing ${report.missing.length}, ` +
            `duplicates ${report.duplicates} (in flight at most ${CONCURRENCY}), ` +
            `${claimedByTheDead} row(s) left claimed by the dead worker`,
        );
        expect(report.missing).toEqual([]);
        expect(report.unexpected).toEqual([]);
        expect(report.duplicates).toBeLessThanOrEqual(CONCURRENCY);
        expect(done.progress).toMatchObject({ total: 2000, sent: 2000, failed: 0, queued: 0, done: true });
        expect(await second.stop('SIGTERM')).toBe(0);
      } finally {
        for (const worker of workers) await worker.stop('SIGKILL');
        await stack.stop();
        await sink.close();
      }
    }, 120_000);
  });
}

describe('a campaign whose Redis is flushed mid-way', () => {
  const kind = databaseKinds().includes('postgres') ? 'postgres' : 'pglite';

  it(`is completed by the reconciler, whose schedule comes back too (${kind})`, async () => {
    let redis: PrivateRedis | undefined;
    let stack: TestStack | undefined;
    try {
      // Its own redis-server: FLUSHALL must not touch the Redis other test files share.
      redis = await startPrivateRedis();
      stack = await startTestStack({
        kind,
        redisUrl: redis.url,
        env: { RECONCILE_EVERY_SECONDS: '2', WORKER_CONCURRENCY: String(CONCURRENCY) },
      });
      const emails = await insertContacts(stack.db, 1000, 'flush');
      const webinar = await createWebinarRow(stack.db);
      const campaign = await sendCampaign(stack, await signIn(stack), webinar.id);
      expect(campaign.plannedCount).toBe(1000);

      await eventually(async () => stack!.sink!.messages.length >= 100, 60_000);
      await redis.client.flushall();
      const atFlush = stack.sink!.messages.length;
      expect(atFlush).toBeLessThan(1000);

      // Generous: on a loaded 2-core machine 1,000 mails after a flush can take a minute or more.
      await everyoneReached(stack.sink!, emails, 150_000);
      // The coordinator session lived in Redis too: sign in again.
      const done = await campaignWhenDone(stack, await signIn(stack), campaign.id, 30_000);
      await settle(stack.sink!.messages);

      const report = deliveryReport(stack.sink!.messages, emails);
      note(
        `FLUSHALL after ${atFlush} of 1000 invitations (${kind}): missing ${report.missing.length}, ` +
          `duplicates ${report.duplicates}`,
      );
      expect(report.missing).toEqual([]);
      expect(report.unexpected).toEqual([]);
      expect(report.duplicates).toBeLessThanOrEqual(CONCURRENCY);
      expect(done.progress).toMatchObject({ total: 1000, sent: 1000, failed: 0, queued: 0, done: true });

      const schedules = new Queue('schedules', { connection: redis.client, prefix: stack.prefix });
      try {
        expect((await schedules.getJobScheduler(RECONCILER_SCHEDULER_ID))?.every).toBe(2000);
      } finally {
        await schedules.close();
      }
    } finally {
      await stack?.stop();
      await redis?.stop();
    }
  }, 240_000);
});
