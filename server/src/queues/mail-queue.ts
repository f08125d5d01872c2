import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES, notificationJobId, type TSendNotificationJob } from '@convene/shared';
import type { Logger } from '@convene/shared/node';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';

export type NotificationToEnqueue = { id: string; scheduledAt: Date };

/** The API side of the mail queue: enqueues outbox rows that were just committed. */
export class MailQueue {
  readonly queue: Queue<TSendNotificationJob>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly logger: Logger,
  ) {
    this.queue = new Queue<TSendNotificationJob>(QUEUES.mail, {
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
   * Enqueues one delayed job per notification, with a deterministic id so a repeat is a
   * no-op. A failure here loses nothing: the rows are committed and the reconciler
   * enqueues them within a minute.
   */
  async enqueue(notifications: NotificationToEnqueue[]): Promise<void> {
    if (notifications.length === 0) return;
    const now = Date.now();
    try {
      // Chunks keep each Redis transaction short when a reschedule fans out to thousands.
      for (let i = 0; i < notifications.length; i += 1000) {
        await this.queue.addBulk(
          notifications.slice(i, i + 1000).map((n) => ({
            name: JOBS.sendNotification,
            data: { notificationId: n.id },
            opts: { jobId: notificationJobId(n.id), delay: Math.max(0, n.scheduledAt.getTime() - now) },
          })),
        );
      }
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
