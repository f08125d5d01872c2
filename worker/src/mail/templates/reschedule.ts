import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { calendarFor, compose, joinBlocks, manageBlock, registrantMail, whenBlock } from './registrant-mail.js';

/** The one "rescheduled" message per registrant, with an updated .ics (same UID, higher SEQUENCE). */
export function renderReschedule(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  const confirmed = m.registration.status === 'confirmed';
  const mail = compose(m, m.t('email.reschedule.subject', { title: m.title }), [
    m.t('email.reschedule.intro', { title: m.title }),
    whenBlock(m),
    ...(confirmed ? joinBlocks(m) : []),
    manageBlock(m),
  ]);
  return confirmed ? { ...mail, calendar: calendarFor(m, 'REQUEST') } : mail;
}
