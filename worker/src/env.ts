import { commonEnvShape, parseEnvOrExit } from '@convene/shared/node';
import { retentionEnvIssues, retentionEnvShape } from '@convene/shared/privacy';
import { z } from 'zod';
import { translationEnvIssues, translationEnvShape } from './translation/config.js';

export const ZWorkerEnv = z
  .object({
    ...commonEnvShape,
    // smtp(s)://user:pass@host:port — pooled SMTP. Unset: mail is kept in the local outbox.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    // Sender of every email.
    MAIL_FROM: z.string().min(3).default('Convene <no-reply@convene.localhost>'),
    // Base URL of the platform, for links in emails.
    PUBLIC_URL: z.url().optional(),
    // Port of the API, used for PUBLIC_URL's default.
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Mail jobs processed at once by this worker.
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
    // A mail SMTP refused for now (4xx, no answer) is tried again after this, then twice as long each time (at most 10 min).
    MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(600).default(5),
    // Upper bound on messages sent per second by each worker (0 = no limit).
    MAIL_RATE_PER_SECOND: z.coerce.number().int().min(0).default(0),
    // How often the reconciler re-enqueues due outbox rows that have no job.
    RECONCILE_EVERY_SECONDS: z.coerce.number().int().min(1).default(60),
    // A claim handed to SMTP but never recorded, whose job is gone, is sent again after this long
    // (the at-least-once window; claims never handed off are released within a reconciler pass).
    STALE_CLAIM_SECONDS: z.coerce.number().int().min(1).default(600),
    // On SIGTERM: seconds the active mail jobs get to finish; another worker takes over the rest (stalled jobs).
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
    // An active job's lock: the job of a worker that died runs again on another within twice this.
    JOB_LOCK_SECONDS: z.coerce.number().int().min(5).max(600).default(30),
    ...translationEnvShape,
    // Retention of personal data (periods, how often the purge runs, the address-hash key).
    ...retentionEnvShape,
  })
  .superRefine(
    (env, ctx) => {
      for (const issue of [...translationEnvIssues(env), ...retentionEnvIssues(env)])
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    },
    { when: () => true },
  )
  .transform((env) => ({ ...env, PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` }));

export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

export function loadWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnvOrExit(ZWorkerEnv, source, 'convene worker');
}
