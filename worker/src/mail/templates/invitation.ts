import { formatInstant, mainZoneOf, pickLocalized } from '@convene/shared';
import { signInviteToken } from '@convene/shared/node';
import type { ContactRow, NotificationContext, WebinarRow } from '../../outbox/notification-context.js';
import { renderHtml, renderText, type MailBlock } from '../html.js';
import { translatorFor } from '../i18n.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { privacyBlock } from '../privacy-link.js';

/**
 * The time line of an invitation: in the contact's own zone when known; else in the main
 * zone of their country, named as such; else in the host's zone.
 */
function invitationTime(webinar: WebinarRow, contact: ContactRow, t: ReturnType<typeof translatorFor>): string {
  const lang = contact.language;
  if (contact.timeZone) return t('email.when', { time: formatInstant(webinar.startsAt, contact.timeZone, lang).full });
  const countryZone = contact.country ? mainZoneOf(contact.country) : null;
  if (contact.country && countryZone) {
    const f = formatInstant(webinar.startsAt, countryZone, lang);
    const country = new Intl.DisplayNames([lang], { type: 'region' }).of(contact.country) ?? contact.country;
    const named = t('email.invitation.zoneOfCountry', { country });
    return t('email.whenCountry', { time: `${f.dateTime} ${f.zoneName} (${f.zoneId}, ${named})` });
  }
  return t('email.hostTime', { time: formatInstant(webinar.startsAt, webinar.hostTimeZone, lang).full });
}

/**
 * An invitation for one contact, in their language, with a registration link whose token
 * pre-fills the form, and RFC 8058 one-click unsubscribe headers.
 */
export function renderInvitationFor(webinar: WebinarRow, contact: ContactRow, settings: MailSettings): OutgoingMail {
  const lang = contact.language;
  const t = translatorFor(lang);
  const title = pickLocalized(webinar.title, lang);
  const token = signInviteToken(contact.id, contact.unsubscribeToken, webinar.id);
  const registerUrl = `${settings.publicUrl}/webinars/${webinar.slug}?invite=${encodeURIComponent(token)}&lang=${lang}`;
  const unsubscribeUrl = `${settings.publicUrl}/unsubscribe/${contact.unsubscribeToken}`;
  const blocks: MailBlock[] = [
    contact.name ? t('email.greeting', { name: contact.name }) : t('email.greetingNoName'),
    t('email.invitation.intro', { title }),
    pickLocalized(webinar.description, lang),
    [
      invitationTime(webinar, contact, t),
      // Without any zone of the reader's, the line above already is the host's time.
      ...(contact.timeZone || (contact.country && mainZoneOf(contact.country))
        ? [t('email.hostTime', { time: formatInstant(webinar.startsAt, webinar.hostTimeZone, lang).full })]
        : []),
      t('email.duration', { minutes: webinar.durationMinutes }),
    ].join('\n'),
    { text: t('email.invitation.register', { url: registerUrl }), href: registerUrl },
    `— ${t('email.signature')}`,
    t('email.invitation.why'),
    { text: t('email.invitation.unsubscribe', { url: unsubscribeUrl }), href: unsubscribeUrl },
    privacyBlock(t, settings.publicUrl, lang),
  ];
  return {
    to: { name: contact.name, address: contact.email },
    subject: t('email.invitation.subject', { title }),
    text: renderText(lang, blocks),
    html: renderHtml(lang, blocks),
    language: lang,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

export function renderInvitation(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  if (!ctx.contact) throw new Error('invitation without contact');
  return renderInvitationFor(ctx.webinar, ctx.contact, settings);
}
