import { JOBS, notificationJobId } from '@convene/shared';
import { tables } from '@convene/shared/db';
import type { Job } from 'bullmq';
import { and, asc, eq, gt, lt, lte } from 'drizzle-orm';
import type { WorkerDeps } from './worker-deps.js';

/** Rows due this soon are enqueued now (delayed), so they still go out on time. */
const LOOKAHEAD_MS = 2 * 60_000;
const PAGE = 500;
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

export type ReconcileResult = { requeued: number; recovered: number };

/**
 * The safety net that makes Redis disposable: every pending row that is (nearly) due and
 * has no live job gets one. Runs every minute from a BullMQ job scheduler.
 */
export async function handleReconcileOutbox(
  _job: Job | null,
  deps: WorkerDeps,
  now = new Date(),
): Promise<ReconcileResult> {
  const n = tables.notifications;
  const recovered = await deps.db
    .update(n)
    .set({ status: 'pending', claimedAt: null, updatedAt: now })
    .where(and(eq(n.status, 'sending'), lt(n.claimedAt, new Date(now.getTime() - deps.staleClaimMs))))
    .returning({ id: n.id });

  let requeued = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .select({ id: n.id, scheduledAt: n.scheduledAt })
      .from(n)
      .where(and(eq(n.status, 'pending'), lte(n.scheduledAt, new Date(now.getTime() + LOOKAHEAD_MS)), gt(n.id, after)))
      .orderBy(asc(n.id))
      .limit(PAGE);
    for (const row of rows) {
      const jobId = notificationJobId(row.id);
      const existing = await deps.mailQueue.getJob(jobId);
      if (existing) {
        const state = await existing.getState();
        if (LIVE_STATES.has(state)) continue;
        // A finished job for a row still pending (it fired early, or gave up): replace it.
        await existing.remove();
      }
      await deps.mailQueue.add(
        JOBS.sendNotification,
        { notificationId: row.id },
        { jobId, delay: Math.max(0, row.scheduledAt.getTime() - Date.now()) },
      );
      requeued++;
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  if (requeued > 0 || recovered.length > 0) {
    deps.logger.info({ requeued, recovered: recovered.length }, 'outbox reconciled');
  }
  return { requeued, recovered: recovered.length };
}
