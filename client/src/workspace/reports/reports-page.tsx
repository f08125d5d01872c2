import type { TAdminReportList } from '@convene/shared';
import { useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { getReport, listReports, queryString, reportsCsvUrl, type ReportQuery } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useSearch } from '../components/navigation';
import { excerpt } from '../components/excerpt';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { pluralKey } from '../components/plural';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { CountryBreakdown } from './country-breakdown';
import { DuplicateFlag, ReportCode } from './duplicate-flag';
import { ReportFilters } from './report-filters';
import { apiReportQuery, readReportQuery } from './report-query';
import { useLive } from '../live/live-connection';
import { useNewReports, type NewReportsNotice } from './use-new-reports';
import { useReportWithdrawn } from './use-report-withdrawn';

/**
 * The polite notice of reports that arrived since the list was loaded, and its button: the
 * list itself never moves under the reader until they ask. The region stays in the page,
 * empty, so that what appears in it is announced.
 */
function NewReportsButton({ notice, onShow }: { notice: NewReportsNotice; onShow: () => void }) {
  const { t, language } = useAdminTranslation();
  const { status } = useLive();
  const text =
    notice.kind === 'new'
      ? t(pluralKey('admin.overviewLinks.live.newReports', language, notice.count), { count: notice.count })
      : notice.kind === 'maybe'
        ? t(pluralKey('admin.overviewLinks.live.mayMatch', language, notice.count), { count: notice.count })
        : notice.kind === 'changed'
          ? t('admin.overviewLinks.live.changed')
          : null;
  return (
    <div className="live-notice" role="status" aria-live="polite" data-testid="new-reports-notice" data-live={status}>
      {text && (
        <p>
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="show-new-reports"
            data-kind={notice.kind}
            onClick={onShow}
          >
            {text}
          </button>
        </p>
      )}
    </div>
  );
}

function Pagination({ list, query }: { list: TAdminReportList; query: ReportQuery }) {
  const { t } = useAdminTranslation();
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages <= 1) return null;
  const hrefOf = (page: number) => `/reports${queryString({ ...query, page: page === 1 ? undefined : String(page) })}`;
  return (
    <nav aria-label={t('admin.reports.pagination')} className="pagination">
      {list.page > 1 ? (
        <Link href={hrefOf(list.page - 1)} rel="prev" data-testid="page-previous">
          {t('admin.reports.previous')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
      <span aria-current="page">{t('admin.reports.page', { page: list.page, pages })}</span>
      {list.page < pages ? (
        <Link href={hrefOf(list.page + 1)} rel="next" data-testid="page-next">
          {t('admin.reports.next')}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

/** /admin/reports: the filter form and one page of matching reports, newest (or best match) first. */
export function ReportsPage() {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { zone, zoneName, short } = useInstantFormat();
  const search = useSearch();
  const [, navigate] = useLocation();
  const query = readReportQuery(search);
  const apiQuery = apiReportQuery(query, zone);
  const key = queryString(apiQuery);
  const [list, reload, update] = useResource(key, (signal) => listReports(apiQuery, signal));
  const { notice, clear } = useNewReports(key, apiQuery, list);
  const [announce, liveRegion] = useAnnouncer();

  // A listed report withdrawn meanwhile: its row is read again and replaced in place (marked,
  // its text gone), the rest of the list stays where the reader left it.
  useReportWithdrawn((reportId) => {
    if (list.state !== 'ok' || !list.data.reports.some((report) => report.id === reportId)) return;
    getReport(reportId).then(
      (result) => {
        if (!result.ok) return;
        const withdrawn = result.data;
        update((data) => ({
          ...data,
          reports: data.reports.map((report) => (report.id === withdrawn.id ? withdrawn : report)),
        }));
        announce(t('admin.reports.withdrawnLive', { code: withdrawn.code }));
      },
      () => undefined,
    );
  });
  const countRef = useRef<HTMLParagraphElement>(null);

  // The new reports come first (newest first): back to page 1, or the same page read again.
  const showNew = () => {
    clear();
    if (query.page) navigate(`/reports${queryString({ ...query, page: undefined })}`);
    else reload();
    // The button goes away: the focus goes to the count, which then says what is listed.
    countRef.current?.focus();
  };

  return (
    <div className="reports-page">
      <PageTitle>{t('admin.reports.title')}</PageTitle>
      <h1>{t('admin.reports.title')}</h1>
      <ReportFilters query={query} queryKey={search} onApply={(next) => navigate(`/reports${queryString(next)}`)} />
      <div className="list-toolbar">
        <p
          role="status"
          aria-live="polite"
          className="list-count"
          data-testid="report-count"
          ref={countRef}
          tabIndex={-1}
        >
          {list.state === 'loading' || (list.state === 'ok' && list.refreshing)
            ? t('admin.loading')
            : list.state === 'ok'
              ? t('admin.reports.count', { total: list.data.total })
              : ''}
        </p>
        <a className="button button-secondary button-small" href={reportsCsvUrl(apiQuery)} download>
          {t('admin.reports.exportCsv')}
        </a>
      </div>
      <NewReportsButton notice={notice} onShow={showNew} />
      {liveRegion}
      {list.state === 'failed' && <ErrorNotice error={list.error} onRetry={reload} />}
      {list.state === 'ok' && query.region && <CountryBreakdown byCountry={list.data.byCountry} query={query} />}
      {list.state === 'ok' && list.data.reports.length === 0 && <p>{t('admin.reports.empty')}</p>}
      {list.state === 'ok' && list.data.reports.length > 0 && (
        <>
          <div className="table-scroll">
            <table
              className="data-table reports-table"
              data-testid="reports-table"
              aria-busy={list.refreshing || undefined}
            >
              <caption className="visually-hidden">{t('admin.reports.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.duplicates.code')}</th>
                  <th scope="col">
                    {t('admin.reports.received')}
                    <span className="visually-hidden"> ({zoneName})</span>
                  </th>
                  <th scope="col">{t('admin.reports.region')}</th>
                  <th scope="col">{t('admin.reports.themes')}</th>
                  <th scope="col">{t('admin.reports.status')}</th>
                  <th scope="col">{t('admin.reports.excerpt')}</th>
                  <th scope="col">{t('admin.reports.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.reports.map((report) => (
                  <tr
                    key={report.id}
                    data-testid="report-row"
                    data-report-id={report.id}
                    data-duplicates={report.duplicates.length}
                    data-withdrawn={report.withdrawnAt !== null || undefined}
                  >
                    <td className="nowrap" data-testid="report-code">
                      <ReportCode code={report.code} />
                    </td>
                    <td className="nowrap">
                      <Instant value={report.createdAt} />
                    </td>
                    <td>
                      {labels.region(report.region)}
                      {report.countries.length > 0 && (
                        <span className="hint"> · {labels.list(report.countries.map(labels.country))}</span>
                      )}
                    </td>
                    <td>{report.themes.map((theme) => labels.theme(theme.slug)).join(' · ')}</td>
                    <td>
                      <span className={`status-badge status-${report.status}`}>{labels.status(report.status)}</span>
                      {report.redacted && <span className="hint"> · {t('admin.reports.redacted')}</span>}
                      {report.withdrawnAt !== null && (
                        <>
                          {' '}
                          <span className="status-badge status-withdrawn" data-testid="withdrawn-badge">
                            {t('admin.reports.withdrawn')}
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      {report.withdrawnAt !== null ? (
                        <p className="hint">{t('admin.reports.withdrawnExcerpt')}</p>
                      ) : (
                        <p className="submitted-text excerpt" lang={report.language} dir="auto">
                          {excerpt(report.barriers, 160)}
                        </p>
                      )}
                      <DuplicateFlag report={report} />
                    </td>
                    <td>
                      <Link
                        href={`/reports/${report.id}`}
                        aria-label={`${report.code} · ${t('admin.reports.openReport', {
                          region: labels.region(report.region),
                          date: short(report.createdAt),
                        })}`}
                      >
                        {t('admin.reports.open')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination list={list.data} query={query} />
        </>
      )}
    </div>
  );
}
