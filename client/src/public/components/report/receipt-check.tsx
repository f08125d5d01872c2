import { formatInstant, readReceiptCode, type TReportReceipt } from '@convene/shared';
import { useState, type FormEvent } from 'react';
import { errorKeyOf, type ErrorKey } from '../../../common/api/error-key';
import { checkReceipt } from '../../api/reports';
import { useTranslation } from '../../../common/i18n/use-translation';
import { useTimeZone } from '../../../common/components/time-zone-context';
import { WithdrawReport } from './withdraw-report';

type Outcome =
  { kind: 'found'; receipt: TReportReceipt; justWithdrawn?: boolean } | { kind: 'error'; error: ErrorKey } | null;

/** Look up a report's status by its receipt code: when it arrived, where it is in review; withdraw it. */
export function ReceiptCheck() {
  const { t, language } = useTranslation();
  const { zone } = useTimeZone();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The schema's rule without zod, which this page does not load before a request.
    const parsed = readReceiptCode(code);
    if (parsed === null) {
      setOutcome({ kind: 'error', error: 'invalid_receipt' });
      return;
    }
    setBusy(true);
    const result = await checkReceipt(parsed);
    setBusy(false);
    if (result.ok) setOutcome({ kind: 'found', receipt: result.data });
    else
      setOutcome({
        kind: 'error',
        error: result.error.status === 404 ? 'receipt_not_found' : errorKeyOf(result.error),
      });
  }

  return (
    <section className="receipt-check" aria-labelledby="receipt-check-title">
      <h1 id="receipt-check-title">{t('report.receiptPage.title')}</h1>
      <form className="form form-inline" noValidate onSubmit={submit} aria-busy={busy}>
        <div className="field">
          <label htmlFor="receipt-code">{t('report.receiptPage.code')}</label>
          <input
            id="receipt-code"
            name="receiptCode"
            type="text"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={20}
            value={code}
            aria-describedby={outcome ? 'receipt-check-outcome' : undefined}
            onChange={(e) => setCode(e.target.value)}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={busy}>
          {t('report.receiptPage.check')}
        </button>
      </form>
      <div id="receipt-check-outcome" role="status" aria-live="polite">
        {/* A withdrawn report's review status means nothing any more: the notice below says what happened. */}
        {outcome?.kind === 'found' && !outcome.receipt.withdrawn && (
          <p className="notice">
            {t('report.receiptPage.status', { status: t(`report.status.${outcome.receipt.status}`) })}
            <br />
            {t('report.receiptPage.receivedAt', {
              date: formatInstant(outcome.receipt.receivedAt, zone, language).full,
            })}
          </p>
        )}
        {outcome?.kind === 'found' && outcome.receipt.withdrawn && (
          <p className="notice notice-success" data-testid="report-withdrawn">
            {t(outcome.justWithdrawn ? 'report.receiptPage.withdrawn' : 'report.receiptPage.withdrawnStatus')}
          </p>
        )}
        {outcome?.kind === 'error' && <p className="notice notice-error">{t(`errors.${outcome.error}`)}</p>}
      </div>
      {outcome?.kind === 'found' && !outcome.receipt.withdrawn && (
        <WithdrawReport
          receipt={outcome.receipt}
          onWithdrawn={(receipt) => setOutcome({ kind: 'found', receipt, justWithdrawn: true })}
        />
      )}
    </section>
  );
}
