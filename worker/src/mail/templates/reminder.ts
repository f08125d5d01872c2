import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { calendarFor, compose, joinBlocks, manageBlock, registrantMail, whenBlock } from './registrant-mail.js';

// Building an Intl formatter costs far more than using one: one per language.
const formats = new Map<string, Intl.RelativeTimeFormat>();

/** "in 7 days", "dans 1 jour", "خلال ساعة واحدة": the offset in the reader's language. */
export function relativeOffset(offsetMinutes: number, lang: string): string {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' })));
  if (offsetMinutes % (24 * 60) === 0) return format.format(offsetMinutes / (24 * 60), 'day');
  if (offsetMinutes % 60 === 0) return format.format(offsetMinutes / 60, 'hour');
  return format.format(offsetMinutes, 'minute');
}

/** A reminder before the start, with the join link and the .ics. */
export function renderReminder(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  const relative = relativeOffset(ctx.notification.offsetMinutes ?? 60, m.lang);
  return {
    ...compose(m, m.t('email.reminder.subject', { title: m.title, relative }), [
      m.t('email.reminder.intro', { title: m.title, relative }),
      whenBlock(m),
      ...joinBlocks(m),
      manageBlock(m),
    ]),
    calendar: calendarFor(m, 'REQUEST'),
  };
}
