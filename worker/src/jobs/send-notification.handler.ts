import { ZSendNotificationJob, type TSendNotificationJob } from '@convene/shared';
import { maskPersonalData, type Logger } from '@convene/shared/node';
import { UnrecoverableError, type Job } from 'bullmq';
import { accountRendererFor, rendererFor } from '../mail/templates/index.js';
import { isPermanentSmtpError, isThrottlingSmtpError } from '../mail/smtp-errors.js';
import {
  claimNotification,
  eraseMailToken,
  markAccountMailSent,
  markFailed,
  markHandedOff,
  markSent,
  markSkipped,
  markUndeliverable,
  newClaimToken,
  releaseClaim,
} from '../outbox/claim-notification.js';
import { isAccountMail, loadAccountMailContext, reasonToSkipAccountMail } from '../outbox/account-mail-context.js';
import { loadNotificationContext, type NotificationRow } from '../outbox/notification-context.js';
import type { OutgoingMail } from '../mail/outgoing-mail.js';
import { reasonToSkip } from '../outbox/still-valid.js';
import type { WorkerDeps } from './worker-deps.js';

/** A row that failed this many times in all is given up on (recorded as failed). */
const MAX_ROW_ATTEMPTS = 25;
/** How long the worker stops taking mail jobs after an SMTP 421 ("try again later"). */
const SLOW_DOWN_MS = 1_000;

type Claim = { row: NotificationRow; token: string; log: Logger };

/**
 * Sends one outbox row: claim, check it still makes sense, render, record the hand-off, send,
 * record the send. Run twice, it sends once — the second run cannot claim the row.
 *
 * A statement that fails after the claim never strands the row in "sending": before the
 * hand-off the claim is released (or, when even that fails, the job's retry resumes it); after
 * it, the mail is never sent again by this job's retry once SMTP accepted it — the message id
 * travels with the job, and the retry only records it.
 */
export async function handleSendNotification(job: Job, deps: WorkerDeps): Promise<void> {
  const payload = ZSendNotificationJob.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError('invalid send-notification payload');
  const id = payload.data.notificationId;

  const token = newClaimToken({ id: job.id, timestamp: job.timestamp });
  // An earlier run of this job that is over (it threw, or its worker died) may have handed the
  // mail to SMTP without recording the outcome: only then may a handed-off claim be resumed.
  const earlierRunOver = (job.attemptsMade ?? 0) > 0 || (job.stalledCounter ?? 0) > 0;
  const row = await claimNotification(deps.db, id, { token, resumeHandedOff: earlierRunOver });
  if (!row) {
    deps.logger.debug({ notificationId: id, jobId: job.id }, 'nothing to send: the row is not claimable');
    return;
  }
  const claim: Claim = { row, token, log: deps.logger.child({ notificationId: id, kind: row.kind, jobId: job.id }) };

  if (row.handedOffAt) {
    if (payload.data.sentMessageId) return recordSent(claim, deps, payload.data.sentMessageId);
    // The at-least-once window: the earlier run handed this mail to SMTP and stopped before
    // recording what happened. Sending again may deliver it twice.
    claim.log.warn('resending a mail an earlier run may have handed to SMTP');
  }

  let prepared: { mail: OutgoingMail; contactId: string | null } | null;
  try {
    prepared = await prepareMail(claim, deps);
    if (!prepared) return;
    if (!(await markHandedOff(deps.db, id, token))) {
      claim.log.info('claim taken over before sending: not sent');
      return;
    }
  } catch (err) {
    if (err instanceof UnrecoverableError) throw err;
    await giveBack(claim, deps, err);
    throw err;
  }

  // From here the mail may reach SMTP.
  let messageId: string;
  try {
    ({ messageId } = await deps.transport.send(prepared.mail, id));
  } catch (err) {
    const reason = (err as Error).message ?? String(err);
    const permanent = isPermanentSmtpError(err) || row.attempts >= MAX_ROW_ATTEMPTS;
    try {
      if (permanent) {
        await markFailed(deps.db, id, token, reason);
        if (isAccountMail(row.kind)) await eraseMailToken(deps.db, row);
        // A hard bounce of an invitation: never mail this contact again.
        if (isPermanentSmtpError(err) && prepared.contactId) await markUndeliverable(deps.db, prepared.contactId);
      } else {
        // SMTP did not take it: nothing went out, so the row goes back to pending.
        await releaseClaim(deps.db, id, token, reason);
      }
    } catch (dbErr) {
      claim.log.warn(
        { code: errorCode(dbErr) },
        'SMTP did not take the mail and recording that failed: the retry resumes it',
      );
      throw dbErr;
    }
    if (permanent) {
      claim.log.warn({ reason: maskPersonalData(reason) }, 'notification failed permanently');
      throw new UnrecoverableError(maskPersonalData(reason));
    }
    if (isThrottlingSmtpError(err)) await deps.slowDown?.(SLOW_DOWN_MS);
    throw err;
  }
  try {
    await recordSent(claim, deps, messageId);
  } catch (err) {
    // The mail is out; only its record is missing. The message id goes with the job (Redis,
    // not the database that just failed), so the retry records it instead of sending again.
    const kept = await keepSentMessageId(job, payload.data, messageId);
    claim.log.warn(
      { code: errorCode(err), kept },
      kept ? 'sent, but recording it failed: the retry records it' : 'sent, but recording it failed',
    );
    throw err;
  }
}

/** Loads what the mail needs and renders it; null when the row was skipped instead. */
async function prepareMail(
  { row, token, log }: Claim,
  deps: WorkerDeps,
): Promise<{ mail: OutgoingMail; contactId: string | null } | null> {
  if (isAccountMail(row.kind)) {
    const context = await loadAccountMailContext(deps.db, row);
    const skip = context ? reasonToSkipAccountMail(context) : 'account_deleted';
    if (skip || !context) {
      await markSkipped(deps.db, row.id, token, skip ?? 'account_deleted');
      await eraseMailToken(deps.db, row);
      log.info({ reason: skip }, 'notification skipped');
      return null;
    }
    const render = accountRendererFor(row.kind);
    if (!render) return noTemplate(deps, row, token);
    return { mail: render(context, deps.settings), contactId: null };
  }
  const context = await loadNotificationContext(deps.db, row);
  const skip = context ? reasonToSkip(context) : 'webinar_deleted';
  if (skip || !context) {
    await markSkipped(deps.db, row.id, token, skip ?? 'webinar_deleted');
    log.info({ reason: skip }, 'notification skipped');
    return null;
  }
  const render = rendererFor(row.kind);
  if (!render) return noTemplate(deps, row, token);
  return { mail: render(context, deps.settings), contactId: context.contact?.id ?? null };
}

async function recordSent({ row, token, log }: Claim, deps: WorkerDeps, messageId: string): Promise<void> {
  if (isAccountMail(row.kind)) await markAccountMailSent(deps.db, row.id, token, messageId);
  else await markSent(deps.db, row.id, token, messageId);
  log.info('notification sent');
}

/**
 * A statement between the claim and the hand-off failed: nothing was sent. The claim is given
 * back at once when the database allows; otherwise this job's retry resumes it (and, should
 * the job be lost, the reconciler releases it within a minute or two). Logged once, ids only.
 */
async function giveBack({ row, token, log }: Claim, deps: WorkerDeps, err: unknown): Promise<void> {
  const released = await releaseClaim(deps.db, row.id, token).catch(() => false);
  log.warn(
    { code: errorCode(err), released },
    released ? 'database error before sending: claim released' : 'database error before sending: the retry resumes it',
  );
}

async function keepSentMessageId(job: Job, data: TSendNotificationJob, messageId: string): Promise<boolean> {
  try {
    await job.updateData({ ...data, sentMessageId: messageId });
    return true;
  } catch {
    return false;
  }
}

/** The error's code (SQLSTATE, errno), never its message: the log line carries ids only. */
function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

async function noTemplate(deps: WorkerDeps, row: NotificationRow, token: string): Promise<never> {
  await markFailed(deps.db, row.id, token, `no template for ${row.kind}`);
  throw new UnrecoverableError(`no template for ${row.kind}`);
}
