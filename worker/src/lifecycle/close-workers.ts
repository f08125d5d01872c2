import { loggableError, settlesWithin, type Logger } from '@convene/shared/node';
import type { Job, Worker } from 'bullmq';

/** A BullMQ worker and the jobs it is running now. */
export type TrackedWorker = { worker: Worker; active: Map<string, Job> };

/** Keeps the list of a worker's active jobs, so a bounded shutdown can put back the ones it abandons. */
export function trackActiveJobs(worker: Worker): TrackedWorker {
  const active = new Map<string, Job>();
  worker.on('active', (job) => {
    if (job.id) active.set(job.id, job);
  });
  worker.on('completed', (job) => {
    if (job.id) active.delete(job.id);
  });
  // Also emitted for a failure that will be retried: the job has left this worker either way.
  worker.on('failed', (job) => {
    if (job?.id) active.delete(job.id);
  });
  return { worker, active };
}

/**
 * Closes the workers within graceMs. They stop taking jobs at once; the active ones get the
 * grace period to finish. BullMQ's `close()` waits for them without a bound, and `close(true)`
 * called after it only returns the same pending promise, so the bound is here: a job still
 * running at the end is moved back to the wait list, where another worker takes it at once
 * (not after the 30 s stalled-job check). Its outbox claim keeps a mail that may already have
 * reached SMTP from going out twice. Resolves with the ids of the jobs released.
 */
export async function closeWorkersWithin(tracked: TrackedWorker[], graceMs: number, logger: Logger): Promise<string[]> {
  const closing = Promise.all(tracked.map((t) => t.worker.close()));
  if (await settlesWithin(closing, graceMs)) return [];
  const released: string[] = [];
  for (const { active } of tracked) {
    for (const job of active.values()) {
      try {
        await job.moveToWait(job.token);
        released.push(job.id!);
      } catch (err) {
        // Its lock is gone already: the stalled-job check gives it to another worker.
        logger.warn({ jobId: job.id, err: loggableError(err) }, 'could not release an active job');
      }
    }
  }
  logger.warn({ jobIds: released, graceMs }, 'grace period over: active jobs released to the queue');
  return released;
}
