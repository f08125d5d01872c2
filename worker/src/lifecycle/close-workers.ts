import { settlesWithin, type Logger } from '@convene/shared/node';
import type { Job, Worker } from 'bullmq';

/** A BullMQ worker and the jobs it is running now. */
export type TrackedWorker = { worker: Worker; active: Map<string, Job> };

/** Keeps the list of a worker's active jobs, so a bounded shutdown can name the ones it abandons. */
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
 * called after it only returns the same pending promise, so the bound is here. A job still
 * running at the end is left to BullMQ's stalled-job check: its worker is disconnected, its
 * lock expires (30 s) and another worker runs it again as a stalled job, which is what lets
 * that run take over the outbox row this one claimed (`reclaimStalled`). Moving it back to
 * the wait list instead would look like a fresh attempt, unable to claim the row, and leave
 * it "sending" until the reconciler's stale-claim period. Resolves with the ids left so.
 */
export async function closeWorkersWithin(tracked: TrackedWorker[], graceMs: number, logger: Logger): Promise<string[]> {
  const closing = Promise.all(tracked.map((t) => t.worker.close()));
  if (await settlesWithin(closing, graceMs)) return [];
  const left = tracked.flatMap(({ active }) => [...active.keys()]);
  logger.warn({ jobIds: left, graceMs }, 'grace period over: active jobs left to the stalled-job check');
  // Their Redis connections go now: the locks stop being renewed and expire, and the pending
  // close() no longer holds the blocking connection open.
  await Promise.all(tracked.map((t) => t.worker.disconnect().catch(() => undefined)));
  return left;
}
