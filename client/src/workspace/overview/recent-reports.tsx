import type { TAdminReport } from '@convene/shared';
import { Link } from 'wouter';
import { excerpt } from '../components/excerpt';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';

/** The latest reports: where from, about what, the start of their barriers (as text), a link to review. */
export function RecentReports({ reports }: { reports: TAdminReport[] }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { short } = useInstantFormat();
  if (reports.length === 0) return <p>{t('admin.overview.recent.empty')}</p>;
  return (
    <ul className="recent-reports" data-testid="recent-reports">
      {reports.map((report) => (
        <li key={report.id} className="recent-report" data-testid="recent-report" data-report-id={report.id}>
          <p className="recent-report-meta">
            <strong>{labels.region(report.region)}</strong>
            {report.countries.length > 0 && <> · {labels.list(report.countries.map(labels.country))}</>} ·{' '}
            <Instant value={report.createdAt} /> ·{' '}
            <span className={`status-badge status-${report.status}`}>{labels.status(report.status)}</span>
          </p>
          <p className="recent-report-themes">{report.themes.map((theme) => labels.theme(theme.slug)).join(' · ')}</p>
          <p className="submitted-text" lang={report.language} dir="auto" data-testid="recent-report-excerpt">
            {excerpt(report.barriers)}
          </p>
          <Link
            href={`/reports/${report.id}`}
            aria-label={t('admin.overview.recent.reviewReport', {
              region: labels.region(report.region),
              date: short(report.createdAt),
            })}
          >
            {t('admin.overview.recent.review')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
