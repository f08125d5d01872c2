import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES, RECONCILER_SCHEDULER_ID, RETENTION_SCHEDULER_ID } from '@convene/shared';
import type { Db } from '@convene/shared/db';
import { createRedis, loggableError, type Logger } from '@convene/shared/node';
import {
  loadOrCreatePrivacyKey,
  retentionPolicyFromEnv,
  type PurgeCounts,
  type RetentionPolicy,
} from '@convene/shared/privacy';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { WorkerEnv } from './env.js';
import { JOB_DEFINITIONS } from './jobs/index.js';
import { handlePurgePersonalData } from './jobs/purge-personal-data.handler.js';
import { handleReconcileOutbox, type ReconcileResult } from './jobs/reconcile-outbox.handler.js';
import type { WorkerDeps } from './jobs/worker-deps.js';
import { closeWorkersWithin, trackActiveJobs } from './lifecycle/close-workers.js';
import { jobLockSettings } from './lifecycle/job-lock.js';
import { SendWindow } from './mail/send-window.js';
import { createMailTransport } from './mail/transport.js';
import { createTranslationProvider, type TranslationEnv } from './translation/config.js';

export type WorkerOptions = {
  db: Db;
  logger: Logger;
  redisUrl: string;
  queuePrefix: string;
  dataDir: string;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  concurrency: number;
  /** Messages per second per worker; 0 = unlimited. */
  ratePerSecond: number;
  /** A mail SMTP refused for now waits this long before its first retry, doubling after (default 5 s). */
  mailRetryMs?: number;
  /** Run the reconciler every this many ms (default one minute). */
  reconcileEveryMs?: number;
  /** Send again a claim handed to SMTP but never recorded, whose job is gone, after this (default ten minutes). */
  staleClaimMs?: number;
  /** On close, time the active jobs get to finish before they are abandoned to the stalled-job check (default 20 s). */
  shutdownGraceMs?: number;
  /** An active job's lock; a dead worker's jobs are taken over within twice this (default 30 s). */
  jobLockMs?: number;
  /** Scheduled mail may be claimed and sent this long before its time (default 10 s). */
  earlyMs?: number;
  /** The machine translation provider's settings (default: none, human translations only). */
  translation?: TranslationEnv;
  /** The retention policy and address-hash key; unset: no retention purge is scheduled. */
  retention?: { policy: RetentionPolicy; privacyKey: string };
  /** The clock the retention purge judges "due" by (tests move it forward). */
  now?: () => Date;
};

/** The worker options a parsed environment describes. */
export function workerOptionsFromEnv(env: WorkerEnv, db: Db, logger: Logger): WorkerOptions {
  return {
    db,
    logger,
    redisUrl: env.REDIS_URL,
    queuePrefix: env.QUEUE_PREFIX,
    dataDir: env.DATA_DIR,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    publicUrl: env.PUBLIC_URL,
    concurrency: env.WORKER_CONCURRENCY,
    ratePerSecond: env.MAIL_RATE_PER_SECOND,
    mailRetryMs: env.MAIL_RETRY_SECONDS * 1000,
    reconcileEveryMs: env.RECONCILE_EVERY_SECONDS * 1000,
    staleClaimMs: env.STALE_CLAIM_SECONDS * 1000,
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    jobLockMs: env.JOB_LOCK_SECONDS * 1000,
    earlyMs: env.REMINDER_EARLY_SECONDS * 1000,
    translation: {
      TRANSLATION_PROVIDER: env.TRANSLATION_PROVIDER,
      APERTIUM_URL: env.APERTIUM_URL,
      LIBRETRANSLATE_URL: env.LIBRETRANSLATE_URL,
      LIBRETRANSLATE_API_KEY: env.LIBRETRANSLATE_API_KEY,
    },
    retention: {
      policy: retentionPolicyFromEnv(env),
      privacyKey: loadOrCreatePrivacyKey(env.PRIVACY_KEY, env.DATA_DIR),
    },
  };
}

export type RunningWorkers = {
  /** Runs one reconciler pass now (the scheduler also runs it every minute). */
  reconcileNow: () => Promise<ReconcileResult>;
  /** Runs one retention purge now (the scheduler also runs it every RETENTION_EVERY_MINUTES). */
  purgeNow: () => Promise<PurgeCounts>;
  /**
   * Ordered shutdown: stop taking jobs, let the active ones finish within graceMs (default:
   * the options' shutdownGraceMs; another worker takes over the rest), close queues, Redis, SMTP.
   */
  close: (graceMs?: number) => Promise<void>;
};

/** Starts the BullMQ workers of every queue in the registry, and the reconciler schedule. */
export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const { logger } = options;
  const connection = createRedis(options.redisUrl, 'worker', logger);
  const prefix = options.queuePrefix;
  const mailQueue = new Queue(QUEUES.mail, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const schedulesQueue = new Queue(QUEUES.schedules, { connection, prefix });
  for (const q of [mailQueue, schedulesQueue])
    q.on('error', (err) => logger.warn({ err: err.message, queue: q.name }, 'queue error'));

  const transport = createMailTransport({
    smtpUrl: options.smtpUrl,
    mailFrom: options.mailFrom,
    db: options.db,
    dataDir: options.dataDir,
  });
  const deps: WorkerDeps = {
    db: options.db,
    logger,
    transport,
    settings: { publicUrl: options.publicUrl, mailFrom: options.mailFrom },
    redis: connection,
    mailQueue,
    staleClaimMs: options.staleClaimMs ?? 10 * 60_000,
    mailRetryMs: options.mailRetryMs,
    earlyMs: options.earlyMs ?? 10_000,
    sendWindow: new SendWindow(options.concurrency),
    translator: options.translation ? createTranslationProvider(options.translation) : null,
    retention: options.retention && { ...options.retention, dataDir: options.dataDir },
    now: options.now,
  };

  let stopping = false;
  deps.stopping = () => stopping;
  let mailWorker: Worker | undefined;
  deps.slowDown = async (ms) => {
    await mailWorker?.rateLimit(ms);
  };
  const workers = Object.values(QUEUES).map((queueName) => {
    const handlers = new Map(JOB_DEFINITIONS.filter((d) => d.queue === queueName).map((d) => [d.name, d.handle]));
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        const handle = handlers.get(job.name);
        if (!handle) throw new UnrecoverableError(`no handler for job ${job.name}`);
        return handle(job, deps);
      },
      {
        connection,
        prefix,
        concurrency: queueName === QUEUES.mail ? options.concurrency : 1,
        ...jobLockSettings(options.jobLockMs),
        ...(queueName === QUEUES.mail && options.ratePerSecond > 0
          ? { limiter: { max: options.ratePerSecond, duration: 1000 } }
          : {}),
      },
    );
    if (queueName === QUEUES.mail) mailWorker = worker;
    worker.on('error', (err) => logger.warn({ err: err.message, queue: queueName }, 'worker error'));
    // Log once, on the final failure only; retries are expected and quiet.
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (final) logger.error({ jobId: job.id, job: job.name, err: loggableError(err) }, 'job failed for good');
    });
    return worker;
  });

  const tracked = workers.map(trackActiveJobs);

  const everyMs = options.reconcileEveryMs ?? 60_000;
  // Job schedulers live in Redis: a flushed or replaced Redis loses them, and with them the
  // safety net that recovers every lost job and the retention purge. The watchdog re-asserts
  // them on the reconciler's period (upserting is idempotent).
  const schedulers = [
    {
      id: RECONCILER_SCHEDULER_ID,
      upsert: () =>
        schedulesQueue.upsertJobScheduler(
          RECONCILER_SCHEDULER_ID,
          { every: everyMs },
          { name: JOBS.reconcileOutbox, data: {}, opts: { removeOnComplete: 50, removeOnFail: 50 } },
        ),
    },
    ...(options.retention
      ? [
          {
            id: RETENTION_SCHEDULER_ID,
            upsert: () =>
              schedulesQueue.upsertJobScheduler(
                RETENTION_SCHEDULER_ID,
                { every: (options.retention?.policy.everyMinutes ?? 60) * 60_000 },
                { name: JOBS.purgePersonalData, data: {}, opts: { removeOnComplete: 20, removeOnFail: 20 } },
              ),
          },
        ]
      : []),
  ];
  for (const scheduler of schedulers) await scheduler.upsert();
  const watchdog = setInterval(() => {
    for (const scheduler of schedulers) {
      schedulesQueue
        .getJobScheduler(scheduler.id)
        .then((existing) =>
          existing
            ? undefined
            : scheduler
                .upsert()
                .then(() => logger.warn({ scheduler: scheduler.id }, 'job schedule was missing: restored')),
        )
        .catch(() => undefined);
    }
  }, everyMs);
  watchdog.unref();
  logger.info({ transport: transport.kind, concurrency: options.concurrency }, 'workers started');

  return {
    reconcileNow: () => handleReconcileOutbox(null, deps),
    purgeNow: () => handlePurgePersonalData(null, deps),
    close: async (graceMs = options.shutdownGraceMs ?? 20_000) => {
      clearInterval(watchdog);
      stopping = true;
      await closeWorkersWithin(tracked, graceMs, logger);
      await Promise.all([mailQueue.close(), schedulesQueue.close()]);
      await connection.quit().catch(() => connection.disconnect());
      transport.close();
    },
  };
}
