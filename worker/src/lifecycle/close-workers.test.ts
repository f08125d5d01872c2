import { randomBytes } from 'node:crypto';
import { createLogger, createRedis, settlesWithin } from '@convene/shared/node';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { closeWorkersWithin, trackActiveJobs } from './close-workers.js';

const logger = createLogger('test', 'silent');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const opened: { close: () => Promise<unknown> }[] = [];
afterEach(async () => {
  // Bounded: the close() of a worker whose job never ends never resolves.
  for (const o of opened.splice(0).reverse()) await settlesWithin(o.close(), 2000);
});

function connection(): Redis {
  const redis = createRedis(REDIS_URL, 'worker', logger);
  opened.push({ close: async () => redis.disconnect() });
  return redis;
}

describe('closeWorkersWithin', () => {
  it('waits for the active job to finish within the grace period', async () => {
    const prefix = `cw${randomBytes(4).toString('hex')}`;
    const queue = new Queue('q', { connection: connection(), prefix });
    opened.push(queue);
    let release: () => void = () => undefined;
    let markStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const worker = new Worker(
      'q',
      async () => {
        markStarted();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { connection: connection(), prefix },
    );
    opened.push(worker);
    const tracked = trackActiveJobs(worker);
    await queue.add('job', {}, { jobId: 'finishes' });
    await started;

    const closing = closeWorkersWithin([tracked], 10_000, logger);
    setTimeout(() => release(), 200);
    expect(await closing).toEqual([]);
    expect(await queue.getJobState('finishes')).toBe('completed');
  });

  it('leaves a job still running at the end to another worker, which gets it as a stalled job', async () => {
    const prefix = `cw${randomBytes(4).toString('hex')}`;
    const queue = new Queue('q', { connection: connection(), prefix });
    opened.push(queue);
    // Short locks and stall checks, so the hand-over is quick here (BullMQ's defaults are 30 s).
    const timing = { lockDuration: 1000, stalledInterval: 500 };
    // Runs until the test is over (then its pending close() can end too).
    let unblock: () => void = () => undefined;
    const blocked = new Promise<void>((resolve) => (unblock = resolve));
    const stuck = new Worker('q', () => blocked, {
      connection: connection(),
      prefix,
      ...timing,
    });
    opened.push(stuck, { close: async () => unblock() });
    // Its lock renewals fail once it is disconnected.
    stuck.on('error', () => undefined);
    const tracked = trackActiveJobs(stuck);
    await queue.add('job', {}, { jobId: 'stuck' });
    while (!tracked.active.has('stuck')) await new Promise((r) => setTimeout(r, 20));

    expect(await closeWorkersWithin([tracked], 300, logger)).toEqual(['stuck']);

    const taken = new Promise<Job>((resolve) => {
      const other = new Worker(
        'q',
        async (job) => {
          resolve(job);
        },
        { connection: connection(), prefix, ...timing },
      );
      opened.push(other);
    });
    const job = await taken;
    expect(job.id).toBe('stuck');
    // The outbox handler lets only a stalled run take over the row the first run claimed.
    expect(job.stalledCounter).toBeGreaterThan(0);
  }, 30_000);
});
