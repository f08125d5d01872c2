import { randomBytes } from 'node:crypto';
import type { Db } from '@convene/shared/db';
import { createLogger, type Logger } from '@convene/shared/node';
import { startServer, ZServerEnv, type RunningServer } from '@convene/server';
import { Redis } from 'ioredis';
import { ZWorkerEnv } from '@convene/worker';
import { startSmtpSink, type SinkOptions, type SmtpSink } from './smtp-sink.js';
import { createTestDatabase, type DbKind, type TestDatabaseTarget } from './test-database.js';

export const ADMIN = { email: 'admin@convene.test', password: 'correct horse battery staple' };

export type StackOptions = {
  kind: DbKind;
  /** Run the mail workers in-process (default true). */
  withWorker?: boolean;
  /** Start an SMTP sink and send through it (default true); false keeps mail in the local outbox. */
  smtp?: boolean | SinkOptions;
  redisUrl?: string;
  env?: Record<string, string>;
  logger?: Logger;
};

export type TestStack = {
  running: RunningServer;
  db: Db;
  url: string;
  prefix: string;
  target: TestDatabaseTarget;
  sink: SmtpSink | null;
  /** fetch against the stack, JSON helpers included. */
  request: (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;
  stop: () => Promise<void>;
};

/**
 * The whole platform in this process, on real Redis and a real database (PGlite or
 * PostgreSQL), with its own queue prefix and database so test files never meet.
 */
export async function startTestStack(options: StackOptions): Promise<TestStack> {
  const target = await createTestDatabase(options.kind);
  const sink = options.smtp === false ? null : await startSmtpSink(options.smtp === true ? {} : (options.smtp ?? {}));
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const source = {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://convene.test',
    DATA_DIR: target.dataDir,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // Tests register many people from one address; the limit's own tests set it lower.
    REGISTRATION_RATE_LIMIT: '100000',
    ...(target.databaseUrl ? { DATABASE_URL: target.databaseUrl } : {}),
    ...(sink ? { SMTP_URL: sink.url } : {}),
    ...options.env,
  };
  const env = ZServerEnv.parse(source);
  const workerEnv = options.withWorker === false ? null : ZWorkerEnv.parse({ WORKER_CONCURRENCY: '5', ...source });
  const running = await startServer({
    env,
    workerEnv,
    logger: options.logger ?? createLogger('test', 'silent'),
    print: () => undefined,
  });
  const url = `http://127.0.0.1:${(running.server.address() as { port: number }).port}`;

  return {
    running,
    db: running.ctx.db,
    url,
    prefix,
    target,
    sink,
    request: (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      return fetch(`${url}${path}`, { ...rest, headers, body: json !== undefined ? JSON.stringify(json) : rest.body });
    },
    stop: async () => {
      await running.close();
      await sink?.close();
      await deleteKeys(redisUrl, prefix);
      await target.drop();
    },
  };
}

/** Removes every Redis key of a test's prefix (queues and sessions). */
async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // A private Redis may be gone already.
  } finally {
    redis.disconnect();
  }
}
