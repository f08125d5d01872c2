import type { AccountMailContext } from '../../outbox/account-mail-context.js';
import { translatorFor } from '../i18n.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { composeAccountMail, mailTokenOf } from './account-mail.js';

/** "Forgot password": the single-use, short-lived link to choose a new one. */
export function renderPasswordReset(ctx: AccountMailContext, settings: MailSettings): OutgoingMail {
  const t = translatorFor(ctx.account.language);
  const url = `${settings.publicUrl}/admin/reset/${encodeURIComponent(mailTokenOf(ctx))}`;
  const minutes = Math.max(1, Math.round((ctx.link!.expiresAt.getTime() - Date.now()) / 60_000));
  return composeAccountMail(ctx, settings, 'email.accounts.passwordReset.subject', [
    t('email.accounts.passwordReset.intro', { email: ctx.account.email }),
    { text: t('email.accounts.passwordReset.link', { url }), href: url },
    t('email.accounts.passwordReset.expires', { minutes }),
    t('email.accounts.passwordReset.ignore'),
  ]);
}
