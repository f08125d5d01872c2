import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { calendarFor, compose, joinBlocks, manageBlock, registrantMail, whenBlock } from './registrant-mail.js';

/**
 * The registration confirmation, with the join link, the manage link and an .ics. A
 * waitlisted registrant gets the waitlist text and no join link or invitation.
 */
export function renderConfirmation(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  const { t, title } = m;
  if (m.registration.status !== 'confirmed') {
    return compose(m, t('email.confirmation.subjectWaitlisted', { title }), [
      t('email.confirmation.waitlisted', { title }),
      whenBlock(m),
      manageBlock(m),
    ]);
  }
  return {
    ...compose(m, t('email.confirmation.subject', { title }), [
      t('email.confirmation.intro', { title }),
      whenBlock(m),
      ...joinBlocks(m),
      manageBlock(m),
      t('email.calendar'),
    ]),
    calendar: calendarFor(m, 'REQUEST'),
  };
}
