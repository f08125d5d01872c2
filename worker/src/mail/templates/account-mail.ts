import type { TLanguage } from '@convene/shared';
import type { AccountMailContext } from '../../outbox/account-mail-context.js';
import { renderHtml, renderText, type MailBlock } from '../html.js';
import { translatorFor } from '../i18n.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { privacyBlock } from '../privacy-link.js';

/** A mail to a coordinator account, in the account's language: greeting, blocks, signature. */
export function composeAccountMail(
  ctx: AccountMailContext,
  settings: MailSettings,
  subjectKey: string,
  body: MailBlock[],
): OutgoingMail {
  const lang: TLanguage = ctx.account.language;
  const t = translatorFor(lang);
  const blocks: MailBlock[] = [
    t('email.greetingNoName'),
    ...body,
    privacyBlock(t, settings.publicUrl, lang),
    `— ${t('email.signature')}`,
  ];
  return {
    to: { name: '', address: ctx.account.email },
    subject: t(subjectKey),
    text: renderText(lang, blocks),
    html: renderHtml(lang, blocks),
    language: lang,
  };
}

/** The secret of the mailed link; the still-valid check has made sure it is there. */
export function mailTokenOf(ctx: AccountMailContext): string {
  const token = ctx.link?.mailToken;
  if (!token) throw new Error('account mail without its link');
  return token;
}

export type AccountRenderer = (ctx: AccountMailContext, settings: MailSettings) => OutgoingMail;
