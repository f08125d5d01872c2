import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger.js';

/**
 * Role of a connection, after the BullMQ production guide: producers (the API) fail fast
 * when Redis is down; workers wait and reconnect forever.
 */
export type RedisRole = 'producer' | 'worker';

export function createRedis(url: string, role: RedisRole, logger?: Logger): Redis {
  const options: RedisOptions =
    role === 'producer'
      ? { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null, enableOfflineQueue: true };
  const redis = new Redis(url, {
    ...options,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  redis.on('error', (err: Error) => logger?.warn({ err: err.message, role }, 'redis connection error'));
  return redis;
}

/** Resolves when a connection is ready, rejects after timeoutMs. */
export async function waitForRedis(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('timeout'));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      redis.off('ready', onReady);
    };
    redis.on('ready', onReady);
  });
}

/** One line that tells an operator exactly what to do. */
export function redisUnreachableMessage(url: string): string {
  return (
    `Redis is not reachable at ${url}. Convene needs Redis for its queues and sessions. ` +
    `Start one with "redis-server" (or "docker compose up -d redis"), or set REDIS_URL.`
  );
}

/** Warns unless Redis evicts nothing: evicted BullMQ keys are lost jobs. */
export async function checkEvictionPolicy(redis: Redis, logger: Logger): Promise<void> {
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy && policy !== 'noeviction') {
      logger.warn({ policy }, 'Redis maxmemory-policy should be "noeviction" so queued jobs are never evicted');
    }
  } catch {
    // Managed Redis often forbids CONFIG; nothing to check then.
  }
}
