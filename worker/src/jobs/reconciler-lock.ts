import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** How long the lock outlives a worker that died mid-pass; renewed while the pass runs. */
const LOCK_TTL_MS = 30_000;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * Runs fn only if no other worker of the cluster is running a reconciler pass: a Redis lock
 * (SET NX PX) beside the queues, renewed while fn runs and released by its holder only. A
 * worker that dies mid-pass leaves the lock for at most LOCK_TTL_MS. Returns null, without
 * running fn, when another worker holds it.
 */
export async function withReconcilerLock<T>(redis: Redis, prefix: string, fn: () => Promise<T>): Promise<T | null> {
  const key = `${prefix}:reconciler:lock`;
  const token = randomUUID();
  const acquired = await redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX');
  if (acquired !== 'OK') return null;
  const renew = setInterval(() => {
    redis.eval(RENEW, 1, key, token, String(LOCK_TTL_MS)).catch(() => undefined);
  }, LOCK_TTL_MS / 3);
  renew.unref();
  try {
    return await fn();
  } finally {
    clearInterval(renew);
    await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
  }
}
