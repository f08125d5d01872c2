import { sweepJobId, sweepWakeUps, ZSweepMailJob } from '@convene/shared';
import { maskPersonalData, type Logger } from '@convene/shared/node';
import { UnrecoverableError, type Job } from 'bullmq';
import { SendWindow } from '../mail/send-window.js';
import { isPermanentSmtpError, isThrottlingSmtpError } from '../mail/smtp-errors.js';
import { isAccountMail } from '../outbox/account-mail-context.js';
import {
  claimDueBatch,
  markBatchHandedOff,
  markBatchSent,
  releaseForRetry,
  releaseUnsent,
} from '../outbox/claim-batch.js';
import {
  eraseMailToken,
  jobClaimPrefix,
  markAccountMailSent,
  markFailed,
  markUndeliverable,
  newClaimToken,
} from '../outbox/claim-notification.js';
import { prepareBatch, type ReadyMail } from '../outbox/prepare-batch.js';
import { refreshOutboxStatistics } from '../outbox/refresh-statistics.js';
import type { WorkerDeps } from './worker-deps.js';

/** Rows claimed per statement: one context query and a few statements per this many mails. */
const BATCH = 100;
/** A row that failed this many times in all is given up on (recorded as failed). */
const MAX_ROW_ATTEMPTS = 25;
/** How long the process stops handing mail to SMTP after a 421 ("try again later"). */
const SLOW_DOWN_MS = 1_000;
/** A row SMTP refused for now waits 5 s, 10 s, 20 s … (MAIL_RETRY_SECONDS, at most 10 min) before its next try. */
export const retryDelayMs = (attempts: number, firstMs = 5_000) =>
  Math.min(firstMs * 2 ** Math.max(0, attempts - 1), 10 * 60_000);

/** Without a configured one (hand-built deps): as the default worker would. */
const DEFAULT_EARLY_MS = 10_000;
const DEFAULT_CONCURRENCY = 10;

type Run = {
  job: Job;
  deps: WorkerDeps & { earlyMs: number; sendWindow: SendWindow };
  token: string;
  log: Logger;
  /** Mails SMTP accepted whose record is not written yet: row id -> Message-ID. */
  unrecorded: Record<string, string>;
};

/**
 * A sweep: claims the due outbox rows in batches and sends them, until none is due. Every row
 * carries this run's claim token, so only this run (or, once it is over, this job's retry)
 * can hand it to SMTP or record it; a row the reconciler released meanwhile is not sent.
 * At most the process's send window is handed to SMTP and unrecorded at any moment: that is
 * what a crash can duplicate, nothing more.
 *
 * A statement that fails stops the sweep: the rows it never handed off are given back, the
 * ones SMTP accepted are kept in the job's data (ids only), and the job's retry records them
 * instead of sending them again.
 */
export async function handleSweepMail(job: Job, deps: WorkerDeps): Promise<void> {
  const payload = ZSweepMailJob.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError('invalid sweep-mail payload');
  deps.sendWindow ??= new SendWindow(DEFAULT_CONCURRENCY);
  deps.earlyMs ??= DEFAULT_EARLY_MS;
  const run: Run = {
    job,
    deps: deps as Run['deps'],
    token: newClaimToken({ id: job.id, timestamp: job.timestamp }),
    log: deps.logger.child({ jobId: job.id }),
    unrecorded: { ...payload.data.sent },
  };
  // Only a run of this job that is over (it threw, or its worker died) may have handed rows to
  // SMTP without recording them: only then are such rows of its claims taken over.
  let resumeHandedOff = (job.attemptsMade ?? 0) > 0 || (job.stalledCounter ?? 0) > 0;
  try {
    for (;;) {
      const rows = await claimDueBatch(run.deps.db, {
        token: run.token,
        prefix: jobClaimPrefix({ id: job.id, timestamp: job.timestamp }),
        resumeHandedOff,
        limit: BATCH,
        earlyMs: run.deps.earlyMs,
      });
      resumeHandedOff = false;
      if (rows.length === 0) break;
      if (rows.length >= BATCH) {
        // A burst: fresh statistics keep the next claims on their indexes.
        await refreshOutboxStatistics(run.deps.db);
        // More may be due: another sweep lets other workers share the work.
        await wakeUp(run.deps, [new Date()], run.log, 0);
      }
      await sendBatch(run, rows);
      if (deps.stopping?.()) {
        await handOver(run);
        return;
      }
      // In the embedded default PGlite and the API share this thread: requests get in here.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    const released = await releaseUnsent(deps.db, run.token).catch(() => null);
    const kept = await keepUnrecorded(run);
    run.log.warn(
      { code: errorCode(err), released, kept },
      'sweep stopped by an error: unsent rows given back, the retry records what SMTP accepted',
    );
    throw err;
  }
}

async function sendBatch(run: Run, rows: Awaited<ReturnType<typeof claimDueBatch>>): Promise<void> {
  const { deps, token } = run;
  // Rows an earlier run handed to SMTP and whose acceptance it kept: recorded, not sent again.
  const known = rows.filter((row) => row.handedOffAt && run.unrecorded[row.id]);
  if (known.length > 0)
    await record(
      run,
      known.map((row) => ({ row, messageId: run.unrecorded[row.id]! })),
    );
  const fresh = rows.filter((row) => !(row.handedOffAt && run.unrecorded[row.id]));
  for (const row of fresh) {
    // The at-least-once window: an earlier run handed this mail to SMTP and stopped before
    // recording what happened. Sending again may deliver it twice.
    if (row.handedOffAt)
      run.log.warn({ notificationId: row.id }, 'resending a mail an earlier run may have handed to SMTP');
  }
  const ready = await prepareBatch(deps.db, fresh, token, deps.settings, run.log);

  const window = deps.sendWindow;
  const running = new Set<Promise<void>>();
  const state: { failure: unknown } = { failure: null };
  // A worker shutting down finishes the groups in flight and starts no more (handOver).
  for (let i = 0; i < ready.length && state.failure === null && !deps.stopping?.(); i += window.groupSize) {
    await window.acquire();
    if (state.failure !== null) {
      window.release();
      break;
    }
    const group = ready.slice(i, i + window.groupSize);
    const sending: Promise<void> = sendGroup(run, group)
      .catch((err: unknown) => {
        state.failure ??= err;
      })
      .finally(() => {
        window.release();
        running.delete(sending);
      });
    running.add(sending);
  }
  await Promise.all(running);
  if (state.failure !== null) throw state.failure;
}

/** One hand-off statement, the group's mails to SMTP at once, one statement recording them. */
async function sendGroup(run: Run, group: ReadyMail[]): Promise<void> {
  const { deps, token } = run;
  const held = await markBatchHandedOff(
    deps.db,
    group.map((m) => m.row.id),
    token,
  );
  const mine = group.filter((m) => held.has(m.row.id));
  if (mine.length < group.length)
    run.log.info({ count: group.length - mine.length }, 'claims taken over before sending: not sent');
  // From here these mails may reach SMTP.
  const results = await Promise.allSettled(mine.map((m) => deps.transport.send(m.mail, m.row.id)));
  const accepted: { row: ReadyMail['row']; messageId: string }[] = [];
  const refused: { mail: ReadyMail; err: unknown }[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') accepted.push({ row: mine[i]!.row, messageId: result.value.messageId });
    else refused.push({ mail: mine[i]!, err: result.reason });
  });
  for (const { row, messageId } of accepted) run.unrecorded[row.id] = messageId;
  await record(run, accepted);
  for (const { mail, err } of refused) await onRefused(run, mail, err);
}

/** Records sends: webinar mails in one statement, account mails each with their link's secret erased. */
async function record(run: Run, sent: { row: ReadyMail['row']; messageId: string }[]): Promise<void> {
  const { deps, token } = run;
  const batch = new Map<string, string>();
  for (const { row, messageId } of sent) {
    if (isAccountMail(row.kind)) await markAccountMailSent(deps.db, row.id, token, messageId);
    else batch.set(row.id, messageId);
  }
  await markBatchSent(deps.db, batch, token);
  for (const { row } of sent) delete run.unrecorded[row.id];
  if (sent.length > 0) run.log.info({ notificationIds: sent.map(({ row }) => row.id) }, 'notification sent');
}

/** SMTP did not take a mail: failed for good (5xx, or too many tries), or back to pending for later. */
async function onRefused(run: Run, { row, contactId }: ReadyMail, err: unknown): Promise<void> {
  const { deps, token } = run;
  const reason = (err as Error).message ?? String(err);
  const log = run.log.child({ notificationId: row.id, kind: row.kind });
  if (isPermanentSmtpError(err) || row.attempts >= MAX_ROW_ATTEMPTS) {
    await markFailed(deps.db, row.id, token, reason);
    if (isAccountMail(row.kind)) await eraseMailToken(deps.db, row);
    // A hard bounce of an invitation: never mail this contact again.
    if (isPermanentSmtpError(err) && contactId) await markUndeliverable(deps.db, contactId);
    log.warn({ reason: maskPersonalData(reason) }, 'notification failed permanently');
    return;
  }
  if (isThrottlingSmtpError(err)) deps.sendWindow.pause(SLOW_DOWN_MS);
  const next = await releaseForRetry(
    deps.db,
    row.id,
    token,
    reason,
    retryDelayMs(row.attempts, deps.mailRetryMs),
    deps.earlyMs,
  );
  if (next) await wakeUp(deps, [next], log, deps.earlyMs);
  log.info({ code: errorCode(err) }, 'SMTP did not take the mail: tried again later');
}

/**
 * Adds sweep wake-ups. Losing one loses no mail (the reconciler adds a wake-up for every due
 * row without one), so a Redis error is logged, not thrown.
 */
async function wakeUp(deps: Run['deps'], at: Date[], log: Logger, earlyMs: number): Promise<void> {
  try {
    await deps.mailQueue.addBulk(sweepWakeUps(at, earlyMs));
  } catch (err) {
    log.warn({ code: errorCode(err), jobId: sweepJobId(at[0]?.getTime() ?? 0) }, 'sweep wake-up not added');
  }
}

/**
 * The worker is shutting down: what this run claimed and never handed off goes back to
 * pending, and a wake-up lets another worker's sweep take it at once.
 */
async function handOver(run: Run): Promise<void> {
  const released = await releaseUnsent(run.deps.db, run.token);
  if (released > 0) await wakeUp(run.deps, [new Date()], run.log, 0);
  run.log.info({ released }, 'worker stopping: sweep handed its unsent rows over');
}

async function keepUnrecorded(run: Run): Promise<number> {
  const count = Object.keys(run.unrecorded).length;
  if (count === 0) return 0;
  try {
    await run.job.updateData({ sent: run.unrecorded });
    return count;
  } catch {
    return 0;
  }
}

/** The error's code (SQLSTATE, errno), never its message: the log line carries ids only. */
function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
