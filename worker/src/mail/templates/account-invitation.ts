import type { AccountMailContext } from '../../outbox/account-mail-context.js';
import { translatorFor } from '../i18n.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { composeAccountMail, mailTokenOf } from './account-mail.js';

/** An admin invited this person: the link to choose a password and open the account. */
export function renderAccountInvitation(ctx: AccountMailContext, settings: MailSettings): OutgoingMail {
  const t = translatorFor(ctx.account.language);
  const url = `${settings.publicUrl}/admin/invitation/${encodeURIComponent(mailTokenOf(ctx))}`;
  const hours = Math.max(1, Math.round((ctx.link!.expiresAt.getTime() - Date.now()) / 3600_000));
  return composeAccountMail(ctx, settings, 'email.accounts.invitation.subject', [
    t('email.accounts.invitation.intro', { email: ctx.account.email }),
    { text: t('email.accounts.invitation.link', { url }), href: url },
    t('email.accounts.invitation.expires', { hours }),
    t('email.accounts.invitation.ignore'),
  ]);
}
