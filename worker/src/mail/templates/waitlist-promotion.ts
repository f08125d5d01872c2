import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { calendarFor, compose, joinBlocks, manageBlock, registrantMail, whenBlock } from './registrant-mail.js';

/** A seat opened up: the first person on the waiting list is confirmed and told so. */
export function renderWaitlistPromotion(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  return {
    ...compose(m, m.t('email.promotion.subject', { title: m.title }), [
      m.t('email.promotion.intro', { title: m.title }),
      whenBlock(m),
      ...joinBlocks(m),
      manageBlock(m),
      m.t('email.calendar'),
    ]),
    calendar: calendarFor(m, 'REQUEST'),
  };
}
