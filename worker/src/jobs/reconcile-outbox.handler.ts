import { JOBS, sweepJobId, sweepWakeUps, ZSendNotificationJob, ZSweepMailJob } from '@convene/shared';
import { tables } from '@convene/shared/db';
import type { Job } from 'bullmq';
import { and, asc, eq, gt, isNull, lt, lte } from 'drizzle-orm';
import {
  claimOwnerJobId,
  jobClaimPrefix,
  markAccountMailSent,
  markSent,
  releaseClaim,
} from '../outbox/claim-notification.js';
import { isAccountMail } from '../outbox/account-mail-context.js';
import { withReconcilerLock } from './reconciler-lock.js';
import type { WorkerDeps } from './worker-deps.js';

/** Rows due this soon get their sweep wake-up now (delayed), so they still go out on time. */
const LOOKAHEAD_MS = 2 * 60_000;
/** A claim this old with no live job of its own is orphaned (its job was lost or gave up). */
const ORPHAN_AFTER_MS = 20_000;
const PAGE = 500;
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

export type ReconcileResult = {
  /** Pending rows given a job. */
  requeued: number;
  /** Orphaned claims given back to pending (then requeued). */
  recovered: number;
  /** Orphaned claims whose mail SMTP had accepted: recorded as sent, not sent again. */
  recorded: number;
  /** True when another worker was running a pass: this one did nothing. */
  skipped: boolean;
};

/**
 * The safety net that makes Redis disposable: orphaned claims are recovered, and every
 * pending row that is (nearly) due and has no live sweep gets one (one per due instant). Runs every minute from a
 * BullMQ job scheduler, one pass at a time across the cluster.
 */
export async function handleReconcileOutbox(
  _job: Job | null,
  deps: WorkerDeps,
  now = new Date(),
): Promise<ReconcileResult> {
  const result = await withReconcilerLock(deps.redis, deps.mailQueue.opts.prefix ?? 'bull', () => reconcile(deps, now));
  if (!result) {
    deps.logger.info('reconciler pass skipped: another worker is running one');
    return { requeued: 0, recovered: 0, recorded: 0, skipped: true };
  }
  if (result.requeued > 0 || result.recovered > 0 || result.recorded > 0) {
    deps.logger.info(result, 'outbox reconciled');
  }
  return { ...result, skipped: false };
}

async function reconcile(deps: WorkerDeps, now: Date): Promise<Omit<ReconcileResult, 'skipped'>> {
  const { recovered, recorded } = await recoverOrphanedClaims(deps, now);
  const n = tables.notifications;
  let requeued = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  // Rows per due instant: one sweep wake-up per instant covers them all.
  const byInstant = new Map<number, number>();
  for (;;) {
    const rows = await deps.db
      .select({ id: n.id, scheduledAt: n.scheduledAt })
      .from(n)
      .where(and(eq(n.status, 'pending'), lte(n.scheduledAt, new Date(now.getTime() + LOOKAHEAD_MS)), gt(n.id, after)))
      .orderBy(asc(n.id))
      .limit(PAGE);
    for (const row of rows) {
      // Everything already due is one sweep's work: one wake-up now covers it all.
      const at = row.scheduledAt.getTime();
      const ms = at - (deps.earlyMs ?? 0) <= now.getTime() ? now.getTime() : at;
      byInstant.set(ms, (byInstant.get(ms) ?? 0) + 1);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  for (const [ms, count] of byInstant) {
    const existing = await deps.mailQueue.getJob(sweepJobId(ms));
    if (existing) {
      if (LIVE_STATES.has(await existing.getState())) continue;
      // A finished wake-up for rows still pending (it gave up): replace it.
      await existing.remove();
    }
    await deps.mailQueue.addBulk(sweepWakeUps([new Date(ms)], deps.earlyMs ?? 0));
    requeued += count;
  }
  return { requeued, recovered, recorded };
}

/**
 * Rows left "sending" by a job that will not come back for them: its worker's statements
 * failed and the job gave up, or the job was lost with Redis. A live job of the claim's own
 * (retrying, or stalled and about to be taken over) is left to finish. Otherwise:
 * - SMTP accepted the mail (the job kept the message id): recorded as sent, not sent again;
 * - never handed to SMTP: released at once, so it goes out on this pass — no duplicate;
 * - handed to SMTP, outcome unknown: released only after staleClaimMs, and then sent again.
 *   That last case is the only way a mail goes out twice.
 */
async function recoverOrphanedClaims(deps: WorkerDeps, now: Date): Promise<{ recovered: number; recorded: number }> {
  const n = tables.notifications;
  let recovered = 0;
  let recorded = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await deps.db
      .select({ id: n.id, kind: n.kind, claimToken: n.claimToken, claimedAt: n.claimedAt, handedOffAt: n.handedOffAt })
      .from(n)
      .where(and(eq(n.status, 'sending'), lt(n.claimedAt, new Date(now.getTime() - ORPHAN_AFTER_MS)), gt(n.id, after)))
      .orderBy(asc(n.id))
      .limit(PAGE);
    for (const row of rows) {
      const token = row.claimToken;
      // The token names the job whose run claimed the row: a row's own job, or a sweep.
      const ownerId = token ? claimOwnerJobId(token) : undefined;
      const job = ownerId ? await deps.mailQueue.getJob(ownerId) : undefined;
      const owner = job && token?.startsWith(jobClaimPrefix(job)) ? job : undefined;
      if (owner && LIVE_STATES.has(await owner.getState())) continue;

      const sentMessageId = owner ? keptMessageId(owner, row.id) : undefined;
      if (token && row.handedOffAt && sentMessageId) {
        if (isAccountMail(row.kind)) await markAccountMailSent(deps.db, row.id, token, sentMessageId);
        else await markSent(deps.db, row.id, token, sentMessageId);
        recorded++;
        continue;
      }
      // A claim without a token predates claim tokens: its hand-off is unknown too.
      const mayHaveGoneOut = row.handedOffAt !== null || token === null;
      const stale = (row.claimedAt?.getTime() ?? 0) < now.getTime() - deps.staleClaimMs;
      if (mayHaveGoneOut && !stale) continue;
      if (!(await releaseOrphan(deps, row.id, token))) continue;
      recovered++;
      if (mayHaveGoneOut) {
        deps.logger.warn(
          { notificationId: row.id },
          'stale claim released: its mail may have reached SMTP and is sent again',
        );
      }
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  return { recovered, recorded };
}

/** The Message-ID a job kept for a row SMTP accepted but the database never recorded. */
function keptMessageId(job: Job, notificationId: string): string | undefined {
  if (job.name === JOBS.sweepMail) return ZSweepMailJob.safeParse(job.data).data?.sent?.[notificationId];
  return ZSendNotificationJob.safeParse(job.data).data?.sentMessageId;
}

async function releaseOrphan(deps: WorkerDeps, id: string, token: string | null): Promise<boolean> {
  if (token) return releaseClaim(deps.db, id, token);
  const n = tables.notifications;
  const rows = await deps.db
    .update(n)
    .set({ status: 'pending', claimedAt: null, handedOffAt: null, updatedAt: new Date() })
    .where(and(eq(n.id, id), eq(n.status, 'sending'), isNull(n.claimToken)))
    .returning({ id: n.id });
  return rows.length > 0;
}
