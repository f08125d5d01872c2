import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { calendarFor, compose, registrantMail } from './registrant-mail.js';

/**
 * A cancellation: of the whole webinar, or of this registration (from the manage link).
 * Whoever had a place gets an iCalendar CANCEL that removes the event from their calendar.
 */
export function renderCancellation(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  const { t, title } = m;
  const webinarCancelled = m.webinar.status === 'cancelled';
  // Only someone who had a place ever received the calendar event a CANCEL would remove.
  const hadPlace = m.registration.confirmedAt !== null;
  const mail = webinarCancelled
    ? compose(m, t('email.cancellation.subjectWebinar', { title }), [
        t('email.cancellation.webinar', { title }),
        ...(hadPlace ? [t('email.cancellation.calendar')] : []),
      ])
    : compose(m, t('email.cancellation.subjectRegistration', { title }), [
        t('email.cancellation.registration', { title }),
        ...(hadPlace ? [t('email.cancellation.calendar')] : []),
      ]);
  return hadPlace ? { ...mail, calendar: calendarFor(m, 'CANCEL') } : mail;
}
