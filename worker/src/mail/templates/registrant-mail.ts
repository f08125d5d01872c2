import type { TLanguage } from '@convene/shared';
import type { TFunction } from 'i18next';
import type { NotificationContext, RegistrationRow, WebinarRow } from '../../outbox/notification-context.js';
import { renderHtml, renderText, type MailBlock } from '../html.js';
import { translatorFor } from '../i18n.js';
import { bareAddress, displayName } from '../addresses.js';
import { buildIcs, type CalendarInvite } from '../ics.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { privacyBlock } from '../privacy-link.js';
import { sharedPartsFor, type SharedParts } from '../render-cache.js';

/** Everything a mail to one registrant is built from, in their language and zone. */
export type RegistrantMail = {
  webinar: WebinarRow;
  registration: RegistrationRow;
  lang: TLanguage;
  t: TFunction;
  title: string;
  manageUrl: string;
  settings: MailSettings;
  /** What this mail shares with every other one about the webinar in this language and zone. */
  shared: SharedParts;
};

export function registrantMail(ctx: NotificationContext, settings: MailSettings): RegistrantMail {
  const { webinar, registration } = ctx;
  if (!registration) throw new Error(`${ctx.notification.kind} without registration`);
  return registrantMailFor(webinar, registration, settings);
}

/** The same, from the rows themselves (the manage page's calendar download has no outbox row). */
export function registrantMailFor(
  webinar: WebinarRow,
  registration: RegistrationRow,
  settings: MailSettings,
): RegistrantMail {
  const lang = registration.language;
  const shared = sharedPartsFor(webinar, lang, registration.timeZone);
  return {
    webinar,
    registration,
    lang,
    t: translatorFor(lang),
    title: shared.title,
    // ?lang= opens the page in the registration's language, not the browser's.
    manageUrl: `${settings.publicUrl}/manage/${registration.manageToken}?lang=${lang}`,
    settings,
    shared,
  };
}

/** When (reader's zone, named; host zone) and how long. */
export function whenBlock({ shared }: RegistrantMail): string {
  return shared.when;
}

/** The join link (secret: only registrants with a place get it). */
export function joinBlocks({ webinar, t }: RegistrantMail): MailBlock[] {
  return [{ text: t('email.join', { url: webinar.joinUrl }), href: webinar.joinUrl }, t('email.joinHint')];
}

export function manageBlock({ manageUrl, t }: RegistrantMail): MailBlock {
  return { text: t('email.manage', { url: manageUrl }), href: manageUrl };
}

/**
 * The registrant's calendar event. The UID is stable per registration and SEQUENCE follows
 * the webinar version, so an update or a cancel replaces the event already in the calendar.
 */
export function calendarFor(m: RegistrantMail, method: 'REQUEST' | 'CANCEL'): NonNullable<OutgoingMail['calendar']> {
  return { method, content: calendarEvent(m, method) };
}

/** The event itself, as iCalendar text: the mails' attachment, or the file the manage page offers (PUBLISH). */
export function calendarEvent(m: RegistrantMail, method: CalendarInvite['method']): string {
  const { webinar, registration, t, settings } = m;
  // Our own writer (ics.ts) is cheap enough per copy; the webinar's title comes from the cache.
  return buildIcs({
    uid: `registration-${registration.id}@convene`,
    // A cancel must carry a sequence above the last request's.
    sequence: method === 'CANCEL' ? webinar.version : webinar.version - 1,
    method,
    start: webinar.startsAt,
    durationMinutes: webinar.durationMinutes,
    title: m.title,
    description:
      method !== 'CANCEL'
        ? `${t('email.join', { url: webinar.joinUrl })}\n${t('email.manage', { url: m.manageUrl })}`
        : m.title,
    url: method !== 'CANCEL' ? webinar.joinUrl : undefined,
    organizer: { name: displayName(settings.mailFrom), email: bareAddress(settings.mailFrom) },
    attendee: { name: registration.name, email: registration.email },
  });
}

/** Greeting, the given blocks, signature — as text and HTML parts. */
export function compose(m: RegistrantMail, subject: string, blocks: MailBlock[]): OutgoingMail {
  const all: MailBlock[] = [
    m.t('email.greeting', { name: m.registration.name }),
    ...blocks,
    privacyBlock(m.t, m.settings.publicUrl, m.lang),
    `— ${m.t('email.signature')}`,
  ];
  return {
    to: { name: m.registration.name, address: m.registration.email },
    subject,
    text: renderText(m.lang, all),
    html: renderHtml(m.lang, all),
    language: m.lang,
  };
}
