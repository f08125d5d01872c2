import type { TAdminReport } from '@convene/shared';
import { Link } from 'wouter';
import { getReport } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { DuplicatesPanel } from './duplicates-panel';
import { IdentityPanel } from './identity-panel';
import { RedactionEditor } from './redaction-editor';
import { ReportFacts } from './report-facts';
import { ReportNotes } from './report-notes';
import { ReportTexts } from './report-texts';
import { StatusControl } from './status-control';
import { ThemeEditor } from './theme-editor';
import { TranslationPanel } from './translation-panel';
import { useReportWithdrawn } from './use-report-withdrawn';
import { WithdrawnNotice } from './withdrawn-notice';

/** /admin/reports/:id: a report in full, with status, themes, redaction and notes. */
export function ReportDetailPage({ id }: { id: string }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [report, reload, update] = useResource<TAdminReport>(id, (signal) => getReport(id, signal));
  const [announce, liveRegion] = useAnnouncer();
  const replace = (next: TAdminReport) => update(() => next);
  // Withdrawn while open: read again, the page then shows the tombstone.
  useReportWithdrawn((withdrawnId) => withdrawnId === id && reload());

  const back = (
    <p>
      <Link href="/reports" className="back-link">
        {t('admin.report.back')}
      </Link>
    </p>
  );

  if (report.state === 'loading') {
    return (
      <>
        {back}
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      </>
    );
  }
  if (report.state === 'failed') {
    return (
      <>
        {back}
        {report.error.status === 404 || report.error.status === 400 ? (
          <>
            <PageTitle>{t('errors.not_found')}</PageTitle>
            <h1>{t('errors.not_found')}</h1>
            <p>{t('admin.report.notFound')}</p>
          </>
        ) : (
          <ErrorNotice error={report.error} onRetry={reload} />
        )}
      </>
    );
  }

  const r = report.data;
  // A withdrawn report takes no edits (the API answers 409 report_withdrawn): no editing panels.
  const open = r.withdrawnAt === null;
  const title = t('admin.duplicates.heading', {
    code: r.code,
    title: t('admin.report.title', { region: labels.region(r.region) }),
  });
  return (
    <article className="report-detail" data-testid="report-detail" data-report-id={r.id}>
      <PageTitle>{title}</PageTitle>
      {back}
      {liveRegion}
      <h1>
        {title}{' '}
        <span className={`status-badge status-${r.status}`} data-testid="report-status-badge">
          {labels.status(r.status)}
        </span>
      </h1>
      <div className="detail-grid">
        <div className="detail-main">
          {r.withdrawnAt !== null && <WithdrawnNotice withdrawnAt={r.withdrawnAt} />}
          {open && <DuplicatesPanel report={r} onChange={replace} announce={announce} />}
          {open && <ReportTexts report={r} />}
          {open && <TranslationPanel report={r} />}
          {open && <RedactionEditor report={r} onChange={replace} announce={announce} />}
          {open && <ReportNotes report={r} onChange={replace} announce={announce} />}
        </div>
        <div className="detail-side">
          <section aria-labelledby="facts-title" className="panel">
            <h2 id="facts-title">{t('admin.report.facts')}</h2>
            <ReportFacts report={r} />
          </section>
          {/* A withdrawn report's identity is erased: its notice says so, not "no contact details were left". */}
          {open && <IdentityPanel report={r} />}
          {open && <StatusControl report={r} onChange={replace} announce={announce} />}
          {open && <ThemeEditor report={r} onChange={replace} announce={announce} />}
        </div>
      </div>
    </article>
  );
}
