import { DEFAULT_JOB_OPTIONS, DUE_NOW_WAKE_UP_GRID_MS, QUEUES, sweepWakeUps } from '@convene/shared';
import type { Logger } from '@convene/shared/node';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';

export type NotificationToEnqueue = { id: string; scheduledAt: Date };

/** A wake-up this process added: it stays delayed in Redis until `wakeAt` (unless Redis loses it). */
type Added = { wakeAt: number; added: Promise<unknown> };

/** How often the wake-ups already past their time are dropped from memory. */
const PRUNE_EVERY_MS = 1_000;

/** The API side of the mail queue: enqueues outbox rows that were just committed. */
export class MailQueue {
  readonly queue: Queue;
  /** Wake-ups added by this process, by job id, until their time (see enqueue). */
  private readonly added = new Map<string, Added>();
  private prunedAt = 0;

  /** earlyMs: mail may go out this long before its time (REMINDER_EARLY_SECONDS). */
  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly logger: Logger,
    private readonly earlyMs = 10_000,
  ) {
    this.queue = new Queue(QUEUES.mail, {
      connection: redis,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'mail queue error'));
  }

  /** Throws 503 when Redis is not connected, before anything is written. */
  assertAvailable(): void {
    if (this.redis.status !== 'ready') throw AppError.unavailable();
  }

  /**
   * Wakes the worker's sweep for the instants these notifications are due: one delayed job per
   * distinct instant, with a deterministic id, so a campaign of 10,000 or 1,000 reminders due
   * in the same second is one job, and a repeat is a no-op. Mail already due (a confirmation)
   * shares the wake-up of its 200 ms grid cell (DUE_NOW_WAKE_UP_GRID_MS): one sweep per cell,
   * not one per registration.
   *
   * A wake-up this process added earlier and whose time has not come is still delayed in
   * Redis, so it is not sent again: a registration then makes no Redis call here at all (its
   * reminders' instants are shared by every registrant, its confirmation's by everyone in the
   * cell). A caller whose wake-up is still in flight waits for that add, so it returns, as
   * before, once its wake-up is in Redis. A wake-up Redis lost meanwhile (a FLUSHALL) is
   * the reconciler's, as is any failure here: the rows are committed, and the reconciler
   * wakes a sweep for due or nearly due rows within a minute.
   */
  async enqueue(notifications: NotificationToEnqueue[]): Promise<void> {
    if (notifications.length === 0) return;
    // After the caller's commit: a cell's wake-up is strictly later, so its sweep sees the rows.
    const now = Date.now();
    this.prune(now);
    const waits: Promise<unknown>[] = [];
    const fresh: ReturnType<typeof sweepWakeUps> = [];
    const wakeUps = sweepWakeUps(
      notifications.map((n) => n.scheduledAt),
      this.earlyMs,
      now,
      DUE_NOW_WAKE_UP_GRID_MS,
    );
    for (const wakeUp of wakeUps) {
      const known = this.added.get(wakeUp.opts.jobId);
      if (known && known.wakeAt > now) waits.push(known.added);
      else fresh.push(wakeUp);
    }
    if (fresh.length > 0) {
      const added = this.queue.addBulk(fresh);
      for (const wakeUp of fresh) this.added.set(wakeUp.opts.jobId, { wakeAt: now + wakeUp.opts.delay, added });
      // A failed add is not remembered: the next caller tries again.
      added.catch(() => {
        for (const wakeUp of fresh) {
          if (this.added.get(wakeUp.opts.jobId)?.added === added) this.added.delete(wakeUp.opts.jobId);
        }
      });
      waits.push(added);
    }
    try {
      await Promise.all(waits);
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, count: notifications.length },
        'enqueue failed; the reconciler will pick the notifications up',
      );
    }
  }

  private prune(now: number): void {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    for (const [id, known] of this.added) if (known.wakeAt <= now) this.added.delete(id);
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
