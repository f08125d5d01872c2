import type { TAccount } from '@convene/shared';
import { resendInvitation, revokeInvitation } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useAction } from '../components/use-action';
import { useAdminTranslation } from '../i18n/admin-translation';

/**
 * Resend (a new link, mailed; the old one stops working) and withdraw, for an account that has
 * not accepted its invitation. Each outcome is reported through `onDone`.
 */
export function InvitationActions({
  account,
  onDone,
}: {
  account: TAccount;
  onDone: (account: TAccount, message: string) => void;
}) {
  const { t } = useAdminTranslation();
  const resend = useAction(resendInvitation);
  const revoke = useAction(revokeInvitation);
  if (account.active) return null;
  const busy = resend.busy || revoke.busy;
  const error = resend.error ?? revoke.error;

  const onResend = async () => {
    revoke.clearError();
    const created = await resend.run(account.id);
    if (created) onDone(created.account, t('admin.accountLifecycle.resent', { email: account.email }));
  };
  const onRevoke = async () => {
    resend.clearError();
    const revoked = await revoke.run(account.id);
    if (revoked) onDone(revoked, t('admin.accountLifecycle.revoked', { email: account.email }));
  };

  return (
    <div className="button-row invitation-actions">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        aria-disabled={busy}
        aria-label={t('admin.accountLifecycle.resendLabel', { email: account.email })}
        onClick={() => void onResend()}
        data-testid="invitation-resend"
      >
        {t('admin.accountLifecycle.resend')}
      </button>
      {account.invited && (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={busy}
          aria-disabled={busy}
          aria-label={t('admin.accountLifecycle.revokeLabel', { email: account.email })}
          onClick={() => void onRevoke()}
          data-testid="invitation-revoke"
        >
          {t('admin.accountLifecycle.revoke')}
        </button>
      )}
      {error &&
        (error.code === 'no_pending_invitation' ? (
          <p role="alert" className="field-error">
            {t('admin.accountLifecycle.noPendingInvitation')}
          </p>
        ) : (
          <ErrorNotice error={error} />
        ))}
    </div>
  );
}
