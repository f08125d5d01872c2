import { formatInstant, pickLocalized } from '@convene/shared';
import type { NotificationContext } from '../../outbox/notification-context.js';
import { bareAddress, displayName } from '../addresses.js';
import { renderHtml, renderText, type MailBlock } from '../html.js';
import { translatorFor } from '../i18n.js';
import { buildIcs } from '../ics.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';

/**
 * The registration confirmation, in the registrant's language, with the start time in the
 * registrant's zone (named) and in the host's, the join link, the manage link and an .ics.
 * A waitlisted registrant gets the waitlist text and no join link or invitation.
 */
export function renderConfirmation(
  { webinar, registration }: NotificationContext,
  settings: MailSettings,
): OutgoingMail {
  if (!registration) throw new Error('confirmation without registration');
  const lang = registration.language;
  const t = translatorFor(lang);
  const title = pickLocalized(webinar.title, lang);
  const confirmed = registration.status === 'confirmed';
  const manageUrl = `${settings.publicUrl}/manage/${registration.manageToken}`;
  const readerTime = formatInstant(webinar.startsAt, registration.timeZone, lang).full;
  const hostTime = formatInstant(webinar.startsAt, webinar.hostTimeZone, lang).full;

  const blocks: MailBlock[] = [
    t('email.greeting', { name: registration.name }),
    confirmed ? t('email.confirmation.intro', { title }) : t('email.confirmation.waitlisted', { title }),
    [
      t('email.when', { time: readerTime }),
      t('email.hostTime', { time: hostTime }),
      t('email.duration', { minutes: webinar.durationMinutes }),
    ].join('\n'),
  ];
  if (confirmed) {
    blocks.push({ text: t('email.join', { url: webinar.joinUrl }), href: webinar.joinUrl }, t('email.joinHint'));
  }
  blocks.push({ text: t('email.manage', { url: manageUrl }), href: manageUrl });
  if (confirmed) blocks.push(t('email.calendar'));
  blocks.push(`— ${t('email.signature')}`);

  const mail: OutgoingMail = {
    to: { name: registration.name, address: registration.email },
    subject: confirmed
      ? t('email.confirmation.subject', { title })
      : t('email.confirmation.subjectWaitlisted', { title }),
    text: renderText(blocks),
    html: renderHtml(lang, blocks),
    language: lang,
  };
  if (confirmed) {
    mail.calendar = {
      method: 'REQUEST',
      content: buildIcs({
        uid: `registration-${registration.id}@convene`,
        sequence: webinar.version - 1,
        method: 'REQUEST',
        start: webinar.startsAt,
        durationMinutes: webinar.durationMinutes,
        title,
        description: `${t('email.join', { url: webinar.joinUrl })}\n${t('email.manage', { url: manageUrl })}`,
        url: webinar.joinUrl,
        organizer: { name: displayName(settings.mailFrom), email: bareAddress(settings.mailFrom) },
        attendee: { name: registration.name, email: registration.email },
      }),
    };
  }
  return mail;
}
