import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailBlock } from '../html.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { inputFormUrl } from './follow-up.js';
import { compose, registrantMail } from './registrant-mail.js';

/**
 * To a confirmed registrant who did not attend: sorry we missed you, the recording when there
 * is one, and the same input form link as the attendees' follow-up. Its own subject, so it is
 * never mistaken for the thank-you.
 */
export function renderFollowUpAbsentee(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  const formUrl = `${inputFormUrl(settings.publicUrl, m.webinar.themeSlug, m.webinar.slug)}&lang=${m.lang}`;
  const blocks: MailBlock[] = [m.t('email.followUpAbsentee.intro', { title: m.title })];
  if (m.webinar.recordingUrl) {
    blocks.push({
      text: m.t('email.followUpAbsentee.recording', { url: m.webinar.recordingUrl }),
      href: m.webinar.recordingUrl,
    });
  }
  blocks.push({ text: m.t('email.followUpAbsentee.input', { url: formUrl }), href: formUrl });
  return compose(m, m.t('email.followUpAbsentee.subject', { title: m.title }), blocks);
}
