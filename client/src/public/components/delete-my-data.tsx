import { useEffect, useRef, useState } from 'react';
import { errorKeyOf, type ErrorKey } from '../../common/api/error-key';
import { useTranslation } from '../../common/i18n/use-translation';
import { deleteManagedRegistration } from '../api/registrations';

type Props = {
  token: string;
  /** Deleted now, or found deleted already (410): the page says so in place of the registration. */
  onDeleted: () => void;
  /** The token stopped being valid meanwhile. */
  onGone: () => void;
};

/**
 * "Delete my registration and data", in two explicit steps: the first button only opens the
 * question, the focus lands on "keep", and only the second, differently worded button deletes.
 */
export function DeleteMyData({ token, onDeleted, onGone }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorKey | null>(null);
  const keepRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);

  async function confirm() {
    if (sending) return;
    setSending(true);
    setError(null);
    const result = await deleteManagedRegistration(token);
    setSending(false);
    if (result.ok || result.error.status === 410) onDeleted();
    else if (result.error.status === 404) onGone();
    else setError(errorKeyOf(result.error));
  }

  return (
    <section className="manage-delete" aria-labelledby="manage-delete-title">
      <h2 id="manage-delete-title">{t('manage.deleteTitle')}</h2>
      <p className="hint">{t('manage.deleteHint')}</p>
      {!confirming ? (
        <button
          type="button"
          className="button button-secondary"
          data-testid="manage-delete"
          onClick={() => setConfirming(true)}
        >
          {t('manage.delete')}
        </button>
      ) : (
        <div role="group" aria-labelledby="manage-delete-question" className="notice notice-error manage-confirm">
          <p id="manage-delete-question">{t('manage.confirmDelete')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              data-testid="manage-confirm-delete"
              disabled={sending}
              aria-busy={sending}
              onClick={() => void confirm()}
            >
              {sending ? t('form.submitting') : t('manage.confirmDeleteYes')}
            </button>
            <button
              ref={keepRef}
              type="button"
              className="button button-secondary"
              disabled={sending}
              onClick={() => {
                setConfirming(false);
                setError(null);
              }}
            >
              {t('manage.keep')}
            </button>
          </div>
          {error && (
            <p role="alert" className="notice notice-error">
              {t(`errors.${error}`)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
