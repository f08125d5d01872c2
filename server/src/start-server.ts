import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '@convene/shared/db';
import { loadOrCreatePrivacyKey } from '@convene/shared/privacy';
import {
  checkEvictionPolicy,
  createProcessLogger,
  createRedis,
  redisUnreachableMessage,
  waitForRedis,
  type Logger,
} from '@convene/shared/node';
import type { RunningWorkers, WorkerEnv } from '@convene/worker';
import { createClient, type RedisClientType } from 'redis';
import { createApp } from './app.js';
import { ServerEvents } from './events/server-events.js';
import { trackHttpDrain, type DrainState } from './lifecycle/http-drain.js';
import { sessionMiddleware } from './middlewares/session.js';
import { startRealtime, type Realtime } from './realtime/realtime-server.js';
import type { AppContext } from './context.js';
import type { ServerEnv } from './env.js';
import { MailQueue } from './queues/mail-queue.js';
import { ensureFirstAdmin, firstRunBanner, type GeneratedAdmin } from './services/auth/ensure-first-admin.js';
import { loadOrCreateSessionSecret } from './services/auth/session-secret.js';
import { seedDatabase } from './services/seed/seed-database.js';

export class StartupError extends Error {}

export type StartOptions = {
  env: ServerEnv;
  /** Worker settings when the workers run in this process; null for an API-only process. */
  workerEnv: WorkerEnv | null;
  logger?: Logger;
  /** Where the one-time generated admin password goes. */
  print?: (text: string) => void;
};

export type RunningServer = {
  url: string;
  ctx: AppContext;
  server: Server;
  realtime: Realtime;
  workers: RunningWorkers | null;
  close: () => Promise<void>;
};

/**
 * Starts the platform: Redis, database (migrated and seeded), HTTP API, and — in the
 * embedded default — the workers. The returned close() shuts down in order: HTTP, then
 * workers, then queues, then Redis and the database.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { env } = options;
  const logger = options.logger ?? createProcessLogger('convene', env);
  type Cleanup = (graceLeftMs: number) => Promise<unknown>;
  const cleanups: Cleanup[] = [];
  // The steps that let work finish (HTTP requests, then mail jobs) share SHUTDOWN_GRACE_SECONDS.
  const graceful = new Set<Cleanup>();
  // Reverse start order; each step is bounded so a dead Redis cannot stall the shutdown.
  const closeAll = async () => {
    const deadline = Date.now() + env.SHUTDOWN_GRACE_SECONDS * 1000;
    for (const cleanup of cleanups.reverse()) {
      const left = Math.max(0, deadline - Date.now());
      await withTimeout(cleanup(left), graceful.has(cleanup) ? left + 5000 : 5000).catch(() => undefined);
    }
  };
  const drainState: DrainState = { draining: false };

  // Held until the server listens, so the banner can name the sign-in URL; printed once.
  let generatedAdmin: GeneratedAdmin | null = null;
  const printBanner = (base: string) => {
    if (!generatedAdmin) return;
    const print = options.print ?? ((text: string) => process.stdout.write(text));
    print(firstRunBanner(generatedAdmin, `${base.replace(/\/$/, '')}/admin`));
    generatedAdmin = null;
  };

  try {
    const redis = createRedis(env.REDIS_URL, 'producer');
    cleanups.push(async () => (redis.status === 'ready' ? redis.quit() : redis.disconnect()));
    await waitForRedis(redis, 3000).catch(() => {
      throw new StartupError(redisUnreachableMessage(env.REDIS_URL));
    });
    redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'));
    await checkEvictionPolicy(redis, logger);

    // Seeding and the first admin run under the migrations' advisory lock: several APIs (and
    // workers) started at once on an empty database take turns instead of racing.
    const database = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.DATA_DIR,
      onLocked: async (db) => {
        await seedDatabase(db, { demo: env.SEED_DEMO });
        generatedAdmin = await ensureFirstAdmin(db, logger, {
          adminEmail: env.ADMIN_EMAIL,
          adminPassword: env.ADMIN_PASSWORD,
          allowGenerated: !env.DATABASE_URL && env.NODE_ENV !== 'production',
        });
      },
    });
    cleanups.push(() => database.close());

    const sessionClient = createClient({ url: env.REDIS_URL, disableOfflineQueue: true }) as RedisClientType;
    sessionClient.on('error', (err: Error) => logger.warn({ err: err.message }, 'session store error'));
    await sessionClient.connect();
    cleanups.push(async () => (sessionClient.isReady ? sessionClient.quit() : sessionClient.destroy()));

    const mailQueue = new MailQueue(redis, env.QUEUE_PREFIX, logger, env.REMINDER_EARLY_SECONDS * 1000);
    cleanups.push(() => mailQueue.close());

    const ctx: AppContext = {
      env,
      database,
      db: database.db,
      logger,
      redis,
      mailQueue,
      sessionSecret: loadOrCreateSessionSecret(env.SESSION_SECRET, env.DATA_DIR),
      privacyKey: loadOrCreatePrivacyKey(env.PRIVACY_KEY, env.DATA_DIR),
      events: new ServerEvents(),
      drain: drainState,
      localOutbox: !env.SMTP_URL,
    };

    let workers: RunningWorkers | null = null;
    if (options.workerEnv) {
      // Imported here: an API-only process (--role=server) never loads BullMQ's Worker, nodemailer or the handlers.
      const { startWorkers, workerOptionsFromEnv } = await import('@convene/worker');
      workers = await startWorkers(
        workerOptionsFromEnv(options.workerEnv, database.db, logger.child({ process: 'worker' })),
      );
      const running = workers;
      const closeWorkers: Cleanup = (left) => running.close(left);
      graceful.add(closeWorkers);
      cleanups.push(closeWorkers);
    }

    const session = sessionMiddleware({
      client: sessionClient,
      secret: ctx.sessionSecret,
      secure: env.servedOverHttps,
      idleMinutes: env.SESSION_IDLE_MINUTES,
      prefix: env.QUEUE_PREFIX,
    });
    const web = createApp(ctx, session);
    cleanups.push(web.close);
    const server = createServer(web.app);
    const realtime = await startRealtime(server, ctx, session);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(env.PORT, env.HOST, () => resolve());
    });
    // After startRealtime: engine.io wraps the request listeners there, and the drain's must run first.
    const http = trackHttpDrain(server, drainState, logger);
    const drainHttp: Cleanup = (left) =>
      http.drain({
        graceMs: left,
        noticeMs: env.SHUTDOWN_NOTICE_SECONDS * 1000,
        // engine.close(), not disconnectSockets(): clients see "transport close" and reconnect at
        // once, through the balancer to another replica.
        closeSockets: () => {
          realtime.io.engine.close();
          return realtime.close();
        },
      });
    graceful.add(drainHttp);
    cleanups.push(drainHttp);
    const { port } = server.address() as AddressInfo;
    const url = `http://localhost:${port}`;
    logger.info({ url, database: database.kind, workers: Boolean(workers) }, 'Convene is up');
    // The address people reach: PUBLIC_URL when it was set, else where this server listens
    // (PORT=0 picks a port only known now).
    printBanner(env.PUBLIC_URL === `http://localhost:${env.PORT}` ? url : env.PUBLIC_URL);
    return { url, ctx, server, realtime, workers, close: closeAll };
  } catch (err) {
    // The account exists now: a start that fails later must not lose its only password.
    printBanner(env.PUBLIC_URL);
    await closeAll();
    throw err;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref())]);
}
