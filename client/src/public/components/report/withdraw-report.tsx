import type { TReportReceipt } from '@convene/shared';
import { useEffect, useRef, useState } from 'react';
import { errorKeyOf, type ErrorKey } from '../../../common/api/error-key';
import { useTranslation } from '../../../common/i18n/use-translation';
import { withdrawReport } from '../../api/reports';

type Props = {
  receipt: TReportReceipt;
  /** The server's answer: the same receipt, now withdrawn. */
  onWithdrawn: (receipt: TReportReceipt) => void;
};

/**
 * "Withdraw this report", under the status the receipt code found, in two explicit steps: the
 * first button only asks, the focus lands on "keep it", and only the second button withdraws.
 */
export function WithdrawReport({ receipt, onWithdrawn }: Props) {
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
    const result = await withdrawReport(receipt.receiptCode);
    setSending(false);
    if (result.ok) onWithdrawn(result.data);
    else setError(result.error.status === 404 ? 'receipt_not_found' : errorKeyOf(result.error));
  }

  return (
    <section className="receipt-withdraw" aria-labelledby="receipt-withdraw-title">
      <h2 id="receipt-withdraw-title">{t('report.receiptPage.withdrawTitle')}</h2>
      <p className="hint">{t('report.receiptPage.withdrawHint')}</p>
      {!confirming ? (
        <button
          type="button"
          className="button button-secondary"
          data-testid="withdraw-report"
          onClick={() => setConfirming(true)}
        >
          {t('report.receiptPage.withdraw')}
        </button>
      ) : (
        <div role="group" aria-labelledby="receipt-withdraw-question" className="notice notice-error">
          <p id="receipt-withdraw-question">{t('report.receiptPage.confirmWithdraw')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              data-testid="confirm-withdraw-report"
              disabled={sending}
              aria-busy={sending}
              onClick={() => void confirm()}
            >
              {sending ? t('form.submitting') : t('report.receiptPage.confirmWithdrawYes')}
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
              {t('report.receiptPage.keep')}
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
