import type { Logger } from '@convene/shared/node';
import { accountRendererFor, rendererFor } from '../mail/templates/index.js';
import type { MailSettings, OutgoingMail } from '../mail/outgoing-mail.js';
import type { Db } from '@convene/shared/db';
import { isAccountMail, loadAccountMailContext, reasonToSkipAccountMail } from './account-mail-context.js';
import { markBatchSkipped } from './claim-batch.js';
import { eraseMailToken, markFailed, markSkipped } from './claim-notification.js';
import type { NotificationRow } from './notification-context.js';
import { loadNotificationContexts } from './notification-contexts.js';
import { reasonToSkip } from './still-valid.js';

/** A claimed row rendered and ready to hand to SMTP. */
export type ReadyMail = { row: NotificationRow; mail: OutgoingMail; contactId: string | null };

/**
 * Decides about and renders a claimed batch: its contexts in one query, mail that no longer
 * makes sense skipped (one statement per reason), the rest rendered. A row that cannot be
 * rendered is failed on its own; the batch goes on.
 */
export async function prepareBatch(
  db: Db,
  rows: NotificationRow[],
  token: string,
  settings: MailSettings,
  log: Logger,
): Promise<ReadyMail[]> {
  const ready: ReadyMail[] = [];
  const skipped = new Map<string, string[]>();
  const skip = (id: string, reason: string) => skipped.set(reason, [...(skipped.get(reason) ?? []), id]);
  const contexts = await loadNotificationContexts(db, rows);
  for (const row of rows) {
    if (isAccountMail(row.kind)) {
      const mail = await prepareAccountMail(db, row, token, settings, log);
      if (mail) ready.push({ row, mail, contactId: null });
      continue;
    }
    const context = contexts.get(row.id);
    const reason = context ? reasonToSkip(context) : 'webinar_deleted';
    if (reason || !context) {
      skip(row.id, reason ?? 'webinar_deleted');
      continue;
    }
    const render = rendererFor(row.kind);
    try {
      if (!render) throw new Error(`no template for ${row.kind}`);
      ready.push({ row, mail: render(context, settings), contactId: context.contact?.id ?? null });
    } catch (err) {
      await markFailed(db, row.id, token, (err as Error).message ?? String(err));
      log.warn({ notificationId: row.id, kind: row.kind }, 'notification failed: it cannot be rendered');
    }
  }
  for (const [reason, ids] of skipped) {
    await markBatchSkipped(db, ids, token, reason);
    log.info({ count: ids.length, reason }, 'notifications skipped');
  }
  return ready;
}

async function prepareAccountMail(
  db: Db,
  row: NotificationRow,
  token: string,
  settings: MailSettings,
  log: Logger,
): Promise<OutgoingMail | null> {
  const context = await loadAccountMailContext(db, row);
  const skip = context ? reasonToSkipAccountMail(context) : 'account_deleted';
  if (skip || !context) {
    await markSkipped(db, row.id, token, skip ?? 'account_deleted');
    await eraseMailToken(db, row);
    log.info({ notificationId: row.id, reason: skip }, 'notification skipped');
    return null;
  }
  const render = accountRendererFor(row.kind);
  if (!render) {
    await markFailed(db, row.id, token, `no template for ${row.kind}`);
    return null;
  }
  return render(context, settings);
}
