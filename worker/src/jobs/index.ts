import { JOBS, QUEUES } from '@convene/shared';
import type { Job } from 'bullmq';
import { handlePurgePersonalData } from './purge-personal-data.handler.js';
import { handleReconcileOutbox } from './reconcile-outbox.handler.js';
import { handleSendNotification } from './send-notification.handler.js';
import { handleSweepMail } from './sweep-mail.handler.js';
import { handleTranslateReport } from './translate-report.handler.js';
import type { WorkerDeps } from './worker-deps.js';

export type JobDefinition = {
  queue: (typeof QUEUES)[keyof typeof QUEUES];
  name: string;
  handle: (job: Job, deps: WorkerDeps) => Promise<unknown>;
};

/** The explicit registry of job handlers: no directory scanning. */
export const JOB_DEFINITIONS: JobDefinition[] = [
  { queue: QUEUES.mail, name: JOBS.sendNotification, handle: handleSendNotification },
  { queue: QUEUES.mail, name: JOBS.sweepMail, handle: handleSweepMail },
  { queue: QUEUES.schedules, name: JOBS.reconcileOutbox, handle: (job, deps) => handleReconcileOutbox(job, deps) },
  { queue: QUEUES.translations, name: JOBS.translateReport, handle: handleTranslateReport },
  { queue: QUEUES.schedules, name: JOBS.purgePersonalData, handle: handlePurgePersonalData },
];
