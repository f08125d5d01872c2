import { describe, expect, it } from '@jest/globals';
import type { Db } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { Worker } from 'bullmq';
import { ZWorkerEnv } from '../env.js';
import { workerOptionsFromEnv } from '../start-workers.js';
import { DEFAULT_JOB_LOCK_MS, jobLockSettings } from './job-lock.js';

const source = { REDIS_URL: 'redis://127.0.0.1:6379', PRIVACY_KEY: 'k'.repeat(32), DATA_DIR: '/tmp/convene-job-lock' };

describe('JOB_LOCK_SECONDS', () => {
  it("defaults to BullMQ's own lock and stalled-check periods", () => {
    const options = workerOptionsFromEnv(ZWorkerEnv.parse(source), {} as Db, createLogger('test', 'silent'));
    expect(options.jobLockMs).toBe(DEFAULT_JOB_LOCK_MS);
    // A worker built without settings: what BullMQ itself would use.
    const plain = new Worker('q', async () => undefined, { autorun: false, connection: { lazyConnect: true } });
    try {
      expect(jobLockSettings(options.jobLockMs)).toEqual({
        lockDuration: plain.opts.lockDuration,
        stalledInterval: plain.opts.stalledInterval,
      });
    } finally {
      void plain.close();
    }
  });

  it('sets both the lock and the stalled-job check of every worker', () => {
    const options = workerOptionsFromEnv(
      ZWorkerEnv.parse({ ...source, JOB_LOCK_SECONDS: '10' }),
      {} as Db,
      createLogger('test', 'silent'),
    );
    expect(jobLockSettings(options.jobLockMs)).toEqual({ lockDuration: 10_000, stalledInterval: 10_000 });
  });

  it('refuses a lock too short to be renewed on a busy machine', () => {
    expect(ZWorkerEnv.safeParse({ ...source, JOB_LOCK_SECONDS: '1' }).success).toBe(false);
  });
});
