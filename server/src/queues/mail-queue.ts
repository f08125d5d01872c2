import { DEFAULT_JOB_OPTIONS, QUEUES, sweepWakeUps } from '@convene/shared';
import type { Logger } from '@convene/shared/node';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';

export type NotificationToEnqueue = { id: string; scheduledAt: Date };

/** The API side of the mail queue: enqueues outbox rows that were just committed. */
export class MailQueue {
  readonly queue: Queue;

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
   * in the same second is one job, and a repeat is a no-op. A failure here loses nothing: the
   * rows are committed and the reconciler wakes a sweep for them within a minute.
   */
  async enqueue(notifications: NotificationToEnqueue[]): Promise<void> {
    if (notifications.length === 0) return;
    try {
      await this.queue.addBulk(
        sweepWakeUps(
          notifications.map((n) => n.scheduledAt),
          this.earlyMs,
        ),
      );
    } catch (err) {
      this.logger.warn(
        { err: (err as Error).message, count: notifications.length },
        'enqueue failed; the reconciler will pick the notifications up',
      );
    }
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
