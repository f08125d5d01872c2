import { EVENTS, type TOverview } from '@convene/shared';
import { useCallback, useEffect, useRef } from 'react';
import { loadAdminSchemas } from '../api/admin-request';
import { getOverview } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useLive, useLiveEvent, useResync } from '../live/live-connection';
import { CoverageHeatMap } from './coverage-heat-map';
import { countReport } from './live-overview';
import { RecentReports } from './recent-reports';
import { RegistrationsChart } from './registrations-chart';
import { ReportsOverTime } from './reports-over-time';
import { useReportWithdrawn } from '../reports/use-report-withdrawn';

// New reports often come in bursts (a network's offline queue emptying): one refetch per burst.
const REFETCH_DELAY_MS = 400;

function LiveStatus() {
  const { t } = useAdminTranslation();
  const { status } = useLive();
  const text =
    status === 'connected'
      ? t('admin.live.connected')
      : status === 'connecting'
        ? t('admin.live.connecting')
        : t('admin.live.disconnected');
  return (
    <p className={`live-status live-${status}`} data-testid="live-status" data-state={status}>
      <span className="live-dot" aria-hidden="true" />
      {text}
    </p>
  );
}

/**
 * /admin/overview: registrations, coverage, reports over time and the latest reports, kept
 * current by the `report:submitted` events and refetched after a reconnection.
 */
export function OverviewPage() {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const [overview, reload, update] = useResource<TOverview>('overview', (signal) => getOverview(signal));
  const [announce, liveRegion] = useAnnouncer();

  // Events since the last refetch began: its answer may predate them, so it must not undo them.
  const eventsSinceFetch = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const fetching = useRef<AbortController | null>(null);

  const refetch = useCallback(() => {
    window.clearTimeout(timer.current);
    fetching.current?.abort();
    const controller = new AbortController();
    fetching.current = controller;
    eventsSinceFetch.current = 0;
    getOverview(controller.signal).then(
      (result) => {
        if (!result.ok) return; // the counts stay as the events made them; the next event tries again
        if (eventsSinceFetch.current === 0) update(() => result.data);
        else update((current) => ({ ...current, recent: result.data.recent }));
      },
      () => undefined, // aborted by a newer refetch
    );
  }, [update]);

  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      fetching.current?.abort();
    },
    [],
  );

  useLiveEvent(EVENTS.reportSubmitted, (payload) => {
    loadAdminSchemas().then(
      (s) => {
        const parsed = s.ZReportSubmittedEvent.safeParse(payload);
        if (!parsed.success) return;
        eventsSinceFetch.current += 1;
        update((current) => countReport(current, parsed.data));
        announce(t('admin.live.newReport', { region: labels.region(parsed.data.region) }));
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(refetch, REFETCH_DELAY_MS);
      },
      () => undefined, // no schemas, no update: the next refetch brings it
    );
  });

  // A withdrawn report leaves every count and the latest reports: read them again (the event
  // names the report only, so nothing can be subtracted here).
  useReportWithdrawn(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(refetch, REFETCH_DELAY_MS);
  });

  // Events missed while disconnected: read everything again.
  useResync(refetch);

  return (
    <div className="overview">
      <PageTitle>{t('admin.overview.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.overview.title')}</h1>
        <LiveStatus />
      </div>
      {liveRegion}
      {overview.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {overview.state === 'failed' && <ErrorNotice error={overview.error} onRetry={reload} />}
      {overview.state === 'ok' && (
        <>
          <p className="lead" data-testid="overview-totals">
            {t('admin.overview.totals', {
              reports: overview.data.totals.reports,
              registrations: overview.data.totals.registrations,
            })}
          </p>
          <div className="overview-grid">
            <section aria-labelledby="coverage-title" className="panel panel-wide">
              <h2 id="coverage-title">{t('admin.overview.coverage.title')}</h2>
              <p className="hint">
                {t('admin.overview.coverage.hint')} {t('admin.overviewLinks.cellHint')}
              </p>
              <CoverageHeatMap coverage={overview.data.coverage} />
            </section>
            <section aria-labelledby="recent-title" className="panel">
              <h2 id="recent-title">{t('admin.overview.recent.title')}</h2>
              <RecentReports reports={overview.data.recent} />
            </section>
            <section aria-labelledby="over-time-title" className="panel">
              <h2 id="over-time-title">{t('admin.overview.overTime.title')}</h2>
              <ReportsOverTime overTime={overview.data.overTime} />
            </section>
            <section aria-labelledby="registrations-title" className="panel panel-wide">
              <h2 id="registrations-title">{t('admin.overview.registrations.title')}</h2>
              <RegistrationsChart registrations={overview.data.registrations} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
