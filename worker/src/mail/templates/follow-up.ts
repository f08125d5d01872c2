import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailBlock } from '../html.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { compose, registrantMail } from './registrant-mail.js';

/** The regional input form, pre-set to the webinar's theme (the form is its own issue). */
export function inputFormUrl(publicUrl: string, themeSlug: string, webinarSlug: string): string {
  const params = new URLSearchParams({ theme: themeSlug, webinar: webinarSlug });
  return `${publicUrl}/report?${params.toString()}`;
}

/** After the webinar: thanks, the recording when there is one, and the link to send regional input. */
export function renderFollowUp(ctx: NotificationContext, settings: MailSettings): OutgoingMail {
  const m = registrantMail(ctx, settings);
  const formUrl = `${inputFormUrl(settings.publicUrl, m.webinar.themeSlug, m.webinar.slug)}&lang=${m.lang}`;
  const blocks: MailBlock[] = [m.t('email.followUp.intro', { title: m.title })];
  if (m.webinar.recordingUrl) {
    blocks.push({
      text: m.t('email.followUp.recording', { url: m.webinar.recordingUrl }),
      href: m.webinar.recordingUrl,
    });
  }
  blocks.push({ text: m.t('email.followUp.input', { url: formUrl }), href: formUrl });
  return compose(m, m.t('email.followUp.subject', { title: m.title }), blocks);
}
