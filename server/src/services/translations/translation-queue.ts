import {
  DEFAULT_JOB_OPTIONS,
  JOBS,
  QUEUES,
  translationJobId,
  type TLanguage,
  type TTranslateReportJob,
} from '@convene/shared';
import type { Logger } from '@convene/shared/node';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';

/** The API side of the translation queue: the worker translates, never a request. */
export class TranslationQueue {
  readonly queue: Queue<TTranslateReportJob>;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    logger: Logger,
  ) {
    this.queue = new Queue<TTranslateReportJob>(QUEUES.translations, {
      connection: redis,
      prefix,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    this.queue.on('error', (err) => logger.warn({ err: err.message }, 'translation queue error'));
  }

  /** Throws 503 when Redis is not connected, before anything is written. */
  assertAvailable(): void {
    if (this.redis.status !== 'ready') throw AppError.unavailable();
  }

  /** One job per language; ids and language codes only. */
  async enqueue(reportId: string, languages: TLanguage[]): Promise<void> {
    const now = Date.now();
    await this.queue.addBulk(
      languages.map((language) => ({
        name: JOBS.translateReport,
        data: { reportId, language },
        opts: { jobId: translationJobId(reportId, language, now) },
      })),
    );
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
