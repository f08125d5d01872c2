import { ZPurgePersonalDataJob } from '@convene/shared';
import { purgePersonalData, type PurgeCounts } from '@convene/shared/privacy';
import { UnrecoverableError, type Job } from 'bullmq';
import type { WorkerDeps } from './worker-deps.js';

/**
 * The scheduled retention purge: erases what the policy says is due now. Idempotent (each
 * erasure is guarded by "not erased yet"), so a retried or doubled run erases nothing twice.
 */
export async function handlePurgePersonalData(job: Job | null, deps: WorkerDeps): Promise<PurgeCounts> {
  if (job && !ZPurgePersonalDataJob.safeParse(job.data).success) throw new UnrecoverableError('bad payload');
  if (!deps.retention) throw new UnrecoverableError('retention is not configured in this worker');
  const counts = await purgePersonalData(deps.db, {
    ...deps.retention,
    now: deps.now?.() ?? new Date(),
  });
  // Counts only: the log, like the audit entry, never holds the data.
  deps.logger.info({ erased: counts }, 'retention purge done');
  return counts;
}
