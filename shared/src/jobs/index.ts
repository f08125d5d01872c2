import { z } from 'zod';
import { ZLanguage, ZUuid } from '../schemas/common.js';
import { DEFAULT_JOB_OPTIONS } from './retry-policy.js';

/*
 * Queues and jobs. Payloads carry ids only — never an email address, a name or report
 * text — because Redis is transport, not the place for personal data.
 */
export const QUEUES = { mail: 'mail', schedules: 'schedules', translations: 'translations' } as const;

export const JOBS = {
  sendNotification: 'send-notification',
  sweepMail: 'sweep-mail',
  reconcileOutbox: 'reconcile-outbox',
  translateReport: 'translate-report',
  purgePersonalData: 'purge-personal-data',
} as const;

export const ZSendNotificationJob = z.strictObject({
  notificationId: ZUuid,
  /**
   * Set by the worker when SMTP accepted the mail but recording it in the database failed:
   * the job's retry (or the reconciler) records it from here instead of sending it again.
   * A Message-ID, not personal data.
   */
  sentMessageId: z.string().min(1).max(998).optional(),
});
export type TSendNotificationJob = z.infer<typeof ZSendNotificationJob>;

/**
 * A wake-up of the mail sweep: claims every outbox row due by then (in batches) and sends it.
 * `sent` is set by the worker when SMTP accepted mails but recording them failed: outbox row
 * id -> Message-ID, so the job's retry records them instead of sending them again. Ids only.
 */
export const ZSweepMailJob = z.strictObject({
  sent: z.record(ZUuid, z.string().min(1).max(998)).optional(),
});
export type TSweepMailJob = z.infer<typeof ZSweepMailJob>;

/**
 * Deterministic id of the sweep that wakes up for mail due at one instant (ms since the
 * epoch): every registration, campaign or reschedule planning mail for that instant adds the
 * same job once. No ":" (BullMQ ids must not contain one).
 */
export function sweepJobId(dueAtMs: number): string {
  return `sweep-at-${Math.floor(dueAtMs)}`;
}

/**
 * Sweep wake-ups leave nothing behind once done, so a later plan for the same instant (a
 * reschedule back to it) adds a fresh one; a failed sweep is kept for its retries and for
 * the reconciler to read what it sent.
 */
export const SWEEP_JOB_OPTIONS = { ...DEFAULT_JOB_OPTIONS, removeOnComplete: true } as const;

/**
 * The grid onto which `MailQueue` coalesces the wake-ups of mail that is already due (a
 * confirmation, an invitation): every registration is due "now", at a millisecond of its
 * own, and one wake-up each meant one sweep each. On the grid, all the mail that falls due
 * within one cell shares one wake-up, at the cell's end: a confirmation waits at most this
 * long more, and a sweep claims what is due by then in batches.
 */
export const DUE_NOW_WAKE_UP_GRID_MS = 200;

/**
 * The sweep wake-ups for mail due at these instants, one per distinct instant, each due
 * `earlyMs` before its mail (REMINDER_EARLY_SECONDS), for `Queue.addBulk`.
 *
 * With `gridMs`, mail already due at `now` is woken for at the end of the current grid cell
 * instead (strictly after `now`): the job of a cell is then still delayed whenever a caller
 * whose rows were committed before `now` adds it, so a repeat add (a no-op in BullMQ) never
 * meets a sweep that has already run its claims without those rows. The id names the
 * instant the sweep claims up to (cell end + earlyMs).
 */
export function sweepWakeUps(dueAt: Iterable<Date>, earlyMs: number, now = Date.now(), gridMs = 0) {
  const instants = new Set<number>();
  const cellEnd = gridMs > 0 ? (Math.floor(now / gridMs) + 1) * gridMs : now;
  for (const at of dueAt) {
    const ms = at.getTime();
    instants.add(gridMs > 0 && ms - earlyMs <= now ? cellEnd + earlyMs : ms);
  }
  return [...instants].map((ms) => ({
    name: JOBS.sweepMail,
    data: {} as TSweepMailJob,
    opts: { ...SWEEP_JOB_OPTIONS, jobId: sweepJobId(ms), delay: Math.max(0, ms - earlyMs - now) },
  }));
}

export const ZReconcileOutboxJob = z.strictObject({});
export type TReconcileOutboxJob = z.infer<typeof ZReconcileOutboxJob>;

/** Deterministic BullMQ job id of a notification (ids must not contain ":"). */
export function notificationJobId(notificationId: string): string {
  return `notif-${notificationId}`;
}

/**
 * Machine translation of one report's texts into one language. Ids and language codes only:
 * the worker reads the (redacted) text from the database, so report text never sits in Redis.
 */
export const ZTranslateReportJob = z.strictObject({
  reportId: ZUuid,
  language: ZLanguage,
});
export type TTranslateReportJob = z.infer<typeof ZTranslateReportJob>;

/** BullMQ id of one translation request (no ":"); the request time keeps a later re-request apart. */
export function translationJobId(reportId: string, language: string, requestedAt: number): string {
  return `translate-${reportId}-${language}-${requestedAt}`;
}

/** The id of the reconciler's job scheduler. */
export const RECONCILER_SCHEDULER_ID = 'reconcile-outbox-every-minute';

/** The retention purge: no payload, it erases whatever the policy says is due when it runs. */
export const ZPurgePersonalDataJob = z.strictObject({});
export type TPurgePersonalDataJob = z.infer<typeof ZPurgePersonalDataJob>;

/** The id of the retention purge's job scheduler (every RETENTION_EVERY_MINUTES). */
export const RETENTION_SCHEDULER_ID = 'purge-personal-data';
export * from './retry-policy.js';
