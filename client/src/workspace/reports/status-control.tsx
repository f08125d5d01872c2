import type { TAdminReport, TReportStatus } from '@convene/shared';
import { updateReport } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAction } from '../components/use-action';
import { useAdminTranslation, type AdminKey } from '../i18n/admin-translation';

const CHOICES: { status: TReportStatus; key: AdminKey }[] = [
  { status: 'reviewed', key: 'admin.report.status.markReviewed' },
  { status: 'included', key: 'admin.report.status.markIncluded' },
  { status: 'excluded', key: 'admin.report.status.markExcluded' },
];

type Props = { report: TAdminReport; onChange: (report: TAdminReport) => void; announce: (text: string) => void };

/** Reviewed / included / excluded: one press each; the current one is shown pressed. */
export function StatusControl({ report, onChange, announce }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const action = useAction((status: TReportStatus) => updateReport(report.id, { status }));
  return (
    <section aria-labelledby="status-title" className="panel">
      <h2 id="status-title">{t('admin.report.status.title')}</h2>
      <p data-testid="report-status" data-status={report.status}>
        {t('admin.report.status.current', { status: labels.status(report.status) })}
      </p>
      <div className="button-row" role="group" aria-labelledby="status-title">
        {CHOICES.map(({ status, key }) => (
          <button
            key={status}
            type="button"
            className={`button ${report.status === status ? '' : 'button-secondary'}`}
            aria-pressed={report.status === status}
            disabled={action.busy}
            data-testid={`status-${status}`}
            onClick={async () => {
              const updated = await action.run(status);
              if (updated) {
                onChange(updated);
                announce(t('admin.report.status.changed', { status: labels.status(updated.status) }));
              }
            }}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {action.error && <ErrorNotice error={action.error} />}
    </section>
  );
}
