import { describe, expect, it } from '@jest/globals';
import type { Db } from '@convene/shared/db';
import { createLogger } from '@convene/shared/node';
import { ZWorkerEnv } from '../env.js';
import { workerOptionsFromEnv } from '../start-workers.js';
import { retryDelayMs } from './sweep-mail.handler.js';

const source = {
  REDIS_URL: 'redis://127.0.0.1:6379',
  PRIVACY_KEY: 'k'.repeat(32),
  DATA_DIR: '/tmp/convene-mail-retry',
};
const options = (env: Record<string, string>) =>
  workerOptionsFromEnv(ZWorkerEnv.parse({ ...source, ...env }), {} as Db, createLogger('test', 'silent'));

describe('the wait before a refused mail is tried again (MAIL_RETRY_SECONDS)', () => {
  it('is 5 s, then twice as long each time, at most ten minutes, by default', () => {
    const first = options({}).mailRetryMs;
    expect(first).toBe(5_000);
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, first))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(retryDelayMs(20, first)).toBe(10 * 60_000);
  });

  it('starts from MAIL_RETRY_SECONDS when set', () => {
    const first = options({ MAIL_RETRY_SECONDS: '1' }).mailRetryMs;
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, first))).toEqual([1_000, 2_000, 4_000]);
  });
});
