import { ZSendNotificationJob } from '@convene/shared';
import { maskPersonalData } from '@convene/shared/node';
import { UnrecoverableError, type Job } from 'bullmq';
import { rendererFor } from '../mail/templates/index.js';
import { isPermanentSmtpError, isThrottlingSmtpError } from '../mail/smtp-errors.js';
import {
  claimNotification,
  markFailed,
  markSent,
  markSkipped,
  markUndeliverable,
  reclaimStalled,
  releaseClaim,
} from '../outbox/claim-notification.js';
import { loadNotificationContext } from '../outbox/notification-context.js';
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

  const context = await loadNotificationContext(deps.db, claimed);
  const skip = context ? reasonToSkip(context) : 'webinar_deleted';
  if (skip || !context) {
    await markSkipped(deps.db, id, skip ?? 'webinar_deleted');
    log.info({ reason: skip }, 'notification skipped');
    return;
  }
  const render = rendererFor(claimed.kind);
  if (!render) {
    await markFailed(deps.db, id, `no template for ${claimed.kind}`);
    throw new UnrecoverableError(`no template for ${claimed.kind}`);
  }

  let messageId: string;
  try {
    ({ messageId } = await deps.transport.send(render(context, deps.settings), id));
  } catch (err) {
    const reason = (err as Error).message ?? String(err);
    if (isPermanentSmtpError(err) || claimed.attempts >= MAX_ROW_ATTEMPTS) {
      await markFailed(deps.db, id, reason);
      // A hard bounce of an invitation: never mail this contact again.
      if (isPermanentSmtpError(err) && context.contact) await markUndeliverable(deps.db, context.contact.id);
      log.warn({ reason: maskPersonalData(reason) }, 'notification failed permanently');
      throw new UnrecoverableError(maskPersonalData(reason));
    }
    await releaseClaim(deps.db, id, reason);
    if (isThrottlingSmtpError(err)) await deps.slowDown?.(SLOW_DOWN_MS);
    throw err;
  }
  await markSent(deps.db, id, messageId);
  log.info('notification sent');
}
