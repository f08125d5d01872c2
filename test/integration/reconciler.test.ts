import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RECONCILER_SCHEDULER_ID, RETENTION_SCHEDULER_ID } from '@convene/shared';
import { createLogger } from '@convene/shared/node';
import { startWorkers } from '@convene/worker';
import { Queue } from 'bullmq';
import { confirmations, createWebinarRow, eventually, registrationBody } from '../factories.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { databaseKinds } from '../support/test-database.js';

describe.each(databaseKinds())('outbox reconciler (%s)', (kind) => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    // Its own redis-server: FLUSHALL here must not touch the Redis other test files use.
    redis = await startPrivateRedis();
    stack = await startTestStack({ kind, withWorker: false, redisUrl: redis.url });
  });
  afterAll(async () => {
    try {
      await stack?.stop();
    } finally {
      await redis?.stop();
    }
  });

  it('delivers a pending confirmation whose job was lost to FLUSHALL', async () => {
    const webinar = await createWebinarRow(stack.db);
    const res = await stack.request(`/api/webinars/${webinar.slug}/registrations`, {
      method: 'POST',
      json: registrationBody(),
    });
    expect(res.status).toBe(201);
    expect(await redis.client.keys('*')).not.toHaveLength(0);

    await redis.client.flushall();
    const [notification] = await confirmations(stack);
    const mailQueue = new Queue('mail', { connection: redis.client, prefix: stack.prefix });
    // The job is gone: only the outbox row knows the mail is owed.
    expect(await mailQueue.getJob(`notif-${notification!.id}`)).toBeUndefined();
    await mailQueue.close();

    // Starting the workers registers the reconciler's job scheduler, which runs at once
    // and then every minute.
    const workers = await startWorkers({
      db: stack.db,
      logger: createLogger('test', 'silent'),
      redisUrl: redis.url,
      queuePrefix: stack.prefix,
      dataDir: stack.target.dataDir,
      smtpUrl: stack.sink!.url,
      mailFrom: 'Convene <noreply@convene.test>',
      publicUrl: 'http://convene.test',
      concurrency: 2,
      ratePerSecond: 0,
    });
    try {
      await stack.sink!.waitFor(1);
      await eventually(async () => {
        const [n] = await confirmations(stack);
        return n?.status === 'sent';
      });

      // Once sent, a second pass finds nothing to do.
      expect((await workers.reconcileNow()).requeued).toBe(0);
      expect(stack.sink!.messages).toHaveLength(1);

      // The reconciler runs every minute from a BullMQ job scheduler.
      const schedules = new Queue('schedules', { connection: redis.client, prefix: stack.prefix });
      const scheduler = await schedules.getJobScheduler(RECONCILER_SCHEDULER_ID);
      expect(scheduler?.every).toBe(60_000);
      await schedules.close();
    } finally {
      await workers.close();
    }
  });
});

describe('outbox reconciler schedule', () => {
  let redis: PrivateRedis;
  let stack: TestStack;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    stack = await startTestStack({ kind: 'pglite', redisUrl: redis.url, env: { RECONCILE_EVERY_SECONDS: '1' } });
  });
  afterAll(async () => {
    try {
      await stack?.stop();
    } finally {
      await redis?.stop();
    }
  });

  it('comes back after FLUSHALL wipes it (with the retention purge schedule), and then delivers what the flush lost', async () => {
    const schedules = new Queue('schedules', { connection: redis.client, prefix: stack.prefix });
    try {
      expect(await schedules.getJobScheduler(RECONCILER_SCHEDULER_ID)).toBeTruthy();
      await redis.client.flushall();
      expect(await schedules.getJobScheduler(RECONCILER_SCHEDULER_ID)).toBeFalsy();
      expect(await schedules.getJobScheduler(RETENTION_SCHEDULER_ID)).toBeFalsy();
      await eventually(async () => schedules.getJobScheduler(RECONCILER_SCHEDULER_ID), 10_000);
      // The retention purge's schedule is re-asserted by the same watchdog.
      await eventually(async () => schedules.getJobScheduler(RETENTION_SCHEDULER_ID), 10_000);

      // A pending confirmation with no job at all (as after a flush mid-send) is delivered.
      const webinar = await createWebinarRow(stack.db);
      await stack.running.ctx.mailQueue.queue.pause();
      await stack.request(`/api/webinars/${webinar.slug}/registrations`, { method: 'POST', json: registrationBody() });
      await redis.client.flushall();
      await stack.sink!.waitFor(1, 20_000);
    } finally {
      await schedules.close();
    }
  });
});
