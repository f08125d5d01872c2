import { ZSendNotificationJob } from '@convene/shared';
import { maskPersonalData } from '@convene/shared/node';
import { UnrecoverableError, type Job } from 'bullmq';
import { accountRendererFor, rendererFor } from '../mail/templates/index.js';
import { isPermanentSmtpError, isThrottlingSmtpError } from '../mail/smtp-errors.js';
import {
  claimNotification,
  eraseMailToken,
  markAccountMailSent,
  markFailed,
  markSent,
  markSkipped,
  markUndeliverable,
  reclaimStalled,
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

/**
 * Sends one outbox row: claim, check it still makes sense, render, send, record. Run twice,
 * it sends once — the second run cannot claim the row.
 */
export async function handleSendNotification(job: Job, deps: WorkerDeps): Promise<void> {
  const payload = ZSendNotificationJob.safeParse(job.data);
  if (!payload.success) throw new UnrecoverableError('invalid send-notification payload');
  const id = payload.data.notificationId;

  // A stalled job (its worker died mid-send) may take over the row that worker claimed.
  const claimed =
    (await claimNotification(deps.db, id)) ?? (job.stalledCounter > 0 ? await reclaimStalled(deps.db, id) : null);
  if (!claimed) return;
  const log = deps.logger.child({ notificationId: id, kind: claimed.kind, jobId: job.id });

  let mail: OutgoingMail;
  let contactId: string | null = null;
  if (isAccountMail(claimed.kind)) {
    const context = await loadAccountMailContext(deps.db, claimed);
    const skip = context ? reasonToSkipAccountMail(context) : 'account_deleted';
    if (skip || !context) {
      await skipRow(deps, claimed, skip ?? 'account_deleted');
      log.info({ reason: skip }, 'notification skipped');
      return;
    }
    const render = accountRendererFor(claimed.kind);
    if (!render) return noTemplate(deps, claimed);
    mail = render(context, deps.settings);
  } else {
    const context = await loadNotificationContext(deps.db, claimed);
    const skip = context ? reasonToSkip(context) : 'webinar_deleted';
    if (skip || !context) {
      await markSkipped(deps.db, id, skip ?? 'webinar_deleted');
      log.info({ reason: skip }, 'notification skipped');
      return;
    }
    const render = rendererFor(claimed.kind);
    if (!render) return noTemplate(deps, claimed);
    mail = render(context, deps.settings);
    contactId = context.contact?.id ?? null;
  }

  let messageId: string;
  try {
    ({ messageId } = await deps.transport.send(mail, id));
  } catch (err) {
    const reason = (err as Error).message ?? String(err);
    if (isPermanentSmtpError(err) || claimed.attempts >= MAX_ROW_ATTEMPTS) {
      await markFailed(deps.db, id, reason);
      if (isAccountMail(claimed.kind)) await eraseMailToken(deps.db, claimed);
      // A hard bounce of an invitation: never mail this contact again.
      if (isPermanentSmtpError(err) && contactId) await markUndeliverable(deps.db, contactId);
      log.warn({ reason: maskPersonalData(reason) }, 'notification failed permanently');
      throw new UnrecoverableError(maskPersonalData(reason));
    }
    await releaseClaim(deps.db, id, reason);
    if (isThrottlingSmtpError(err)) await deps.slowDown?.(SLOW_DOWN_MS);
    throw err;
  }
  if (isAccountMail(claimed.kind)) await markAccountMailSent(deps.db, id, messageId);
  else await markSent(deps.db, id, messageId);
  log.info('notification sent');
}

async function skipRow(deps: WorkerDeps, row: NotificationRow, reason: string): Promise<void> {
  await markSkipped(deps.db, row.id, reason);
  await eraseMailToken(deps.db, row);
}

async function noTemplate(deps: WorkerDeps, row: NotificationRow): Promise<never> {
  await markFailed(deps.db, row.id, `no template for ${row.kind}`);
  throw new UnrecoverableError(`no template for ${row.kind}`);
}
