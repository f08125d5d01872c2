import { formatInstant } from '@convene/shared';
import { useSyncExternalStore } from 'react';
import { waitText } from '../../../common/api/limit-text';
import { useTranslation } from '../../../common/i18n/use-translation';
import { flushQueue, forget, getQueueState, subscribeToQueue, type RejectedReport } from '../../offline/report-queue';
import { useTimeZone } from '../../../common/components/time-zone-context';

type Props = {
  /** Reopens a refused report in the form, to correct it. */
  onCorrect: (report: RejectedReport) => void;
};

/**
 * What this device still holds for the reporter: reports waiting to be sent (and why),
 * receipts of those the server has, and reports it refused. Announced politely as it changes.
 */
export function ReportQueuePanel({ onCorrect }: Props) {
  const { t, language } = useTranslation();
  const { zone } = useTimeZone();
  const { queued, sent, rejected } = useSyncExternalStore(subscribeToQueue, getQueueState);
  const when = (iso: string) => formatInstant(iso, zone, language).full;
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  // Rate limited: say how long the server asked to wait (the queue retries by itself then).
  const waitUntil = Math.max(0, ...queued.map((q) => (q.notBefore ? Date.parse(q.notBefore) : 0)));
  const waitSeconds = (waitUntil - Date.now()) / 1000;

  return (
    <section className="report-queue" aria-labelledby="report-queue-title">
      <h2 id="report-queue-title" className="visually-hidden">
        {t('report.queueTitle')}
      </h2>
      <div role="status" aria-live="polite">
        {queued.length > 0 && (
          <div className="notice notice-queued" data-state="queued">
            <p>{offline || queued.every((q) => q.attempts === 0) ? t('report.queued') : t('report.queuedRetry')}</p>
            {!offline && waitSeconds > 0 && <p data-testid="report-wait">{waitText(t, language, waitSeconds)}</p>}
            <ul>
              {queued.map((q) => (
                <li key={q.id}>{t('report.queueItem', { date: when(q.queuedAt) })}</li>
              ))}
            </ul>
          </div>
        )}
        {sent
          .slice()
          .reverse()
          .map((s) => (
            <div key={s.id} className="notice notice-success receipt" data-state="sent">
              <p>{t('report.sent')}</p>
              <p>
                {t('report.receipt')}:{' '}
                <strong className="receipt-code" dir="ltr" translate="no">
                  {s.receipt.receiptCode}
                </strong>
              </p>
              <p className="hint">{t('report.receiptHint')}</p>
              <button type="button" className="button button-secondary" onClick={() => void forget(s.id)}>
                {t('report.dismissReceipt')}
              </button>
            </div>
          ))}
      </div>
      {queued.length > 0 && (
        <button type="button" className="button button-secondary" onClick={() => void flushQueue()}>
          {t('report.sendNow')}
        </button>
      )}
      {rejected.map((r) => (
        <div key={r.id} className="notice notice-error" role="alert" data-state="rejected">
          <p>{t('report.rejected')}</p>
          <button type="button" className="button button-secondary" onClick={() => onCorrect(r)}>
            {t('report.correct')}
          </button>
        </div>
      ))}
    </section>
  );
}
