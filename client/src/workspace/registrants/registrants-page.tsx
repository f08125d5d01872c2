import type { TAdminWebinar, TRegistrant } from '@convene/shared';
import { useCallback, useEffect, useRef } from 'react';
import { Link } from 'wouter';
import { listWebinars, queryString } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAnnouncer } from '../components/live-region';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useUrlFilters } from '../components/use-url-filters';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';
import { AttendanceImport } from './attendance-import';
import { RegistrantCounts } from './registrant-counts';
import { RegistrantFilters } from './registrant-filters';
import { registrantPermissions } from './registrant-permissions';
import {
  REGISTRANT_QUERY_KEYS,
  REGISTRANT_STATUSES,
  listRegistrants,
  registrantsCsvUrl,
  type RegistrantQuery,
} from './registrants-api';
import { RegistrantsTable, registrantAnchor } from './registrants-table';
import { useWebinarPhase } from './webinar-phase';

/** The filters of the address the API accepts (an unknown status is dropped, not sent). */
function queryOf(values: Partial<Record<string, string>>): RegistrantQuery {
  const status = (REGISTRANT_STATUSES as readonly string[]).includes(values.status ?? '') ? values.status : undefined;
  return { q: values.q, status };
}

function BackLinks({ webinarId }: { webinarId: string | null }) {
  const { t } = useAdminTranslation();
  return (
    <p className="button-row">
      <Link href="/webinars" className="back-link">
        {t('admin.webinars.back')}
      </Link>
      {webinarId && (
        <Link href={`/webinars/${webinarId}`} data-testid="registrants-webinar-link">
          {t('admin.registrantsPage.webinarLink')}
        </Link>
      )}
    </p>
  );
}

/**
 * /admin/webinars/:id/registrants: who registered for one webinar — the true counts, the list
 * searched and filtered (kept in the address), a CSV download, and what coordinators do for
 * registrants: give a waitlisted person a seat, cancel for someone, resend a confirmation,
 * record attendance by hand or from the video platform's report. Read-only where the API
 * refuses changes (a region- or theme-scoped coordinator).
 */
export function RegistrantsPage({ id }: { id: string }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const format = useInstantFormat();
  const user = useUser();
  const [webinars, reloadWebinars] = useResource('webinars', (signal) => listWebinars(signal));
  const { values, apply } = useUrlFilters(`/webinars/${id}/registrants`, REGISTRANT_QUERY_KEYS);
  const query = queryOf(values);
  const [list, reload, update] = useResource(`${id}${queryString(query)}`, (signal) =>
    listRegistrants(id, query, signal),
  );
  const [announce, liveRegion] = useAnnouncer();
  const webinar: TAdminWebinar | null =
    webinars.state === 'ok' ? (webinars.data.find((w) => w.id === id) ?? null) : null;
  const phase = useWebinarPhase(webinar);

  // After an action the focus goes to the registrant's name; when the reloaded list no longer
  // shows them (a filter), to the count of what it shows.
  const countLine = useRef<HTMLParagraphElement>(null);
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    const target = pendingFocus.current;
    if (!target || list.state !== 'ok' || list.refreshing) return;
    pendingFocus.current = null;
    if (document.activeElement && document.activeElement !== document.body) return;
    (document.getElementById(registrantAnchor(target)) ?? countLine.current)?.focus();
  }, [list]);

  const onChanged = useCallback(
    (changed: TRegistrant, message: string, moveFocus = false) => {
      update((l) => ({ ...l, registrants: l.registrants.map((r) => (r.id === changed.id ? changed : r)) }));
      announce(message);
      if (moveFocus) {
        pendingFocus.current = changed.id;
        requestAnimationFrame(() => document.getElementById(registrantAnchor(changed.id))?.focus());
      }
      // Counts change, and a cancellation may have given someone else a seat.
      reload();
    },
    [update, announce, reload],
  );

  if (webinars.state === 'loading') {
    return (
      <>
        <BackLinks webinarId={null} />
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      </>
    );
  }
  if (webinars.state === 'failed') {
    return (
      <>
        <BackLinks webinarId={null} />
        <ErrorNotice error={webinars.error} onRetry={reloadWebinars} />
      </>
    );
  }
  if (!webinar) {
    return (
      <>
        <PageTitle>{t('errors.not_found')}</PageTitle>
        <BackLinks webinarId={null} />
        <h1>{t('errors.not_found')}</h1>
        <p>{t('admin.webinars.notFound')}</p>
      </>
    );
  }

  const title = labels.localized(webinar.title);
  const permissions = registrantPermissions(user, webinar, phase);
  const filtered = Boolean(query.q || query.status);
  const data = list.state === 'ok' ? list.data : null;
  // Seats are held by confirmed registrations only. A scoped reader's counts cover their
  // regions: the webinar's own figure says how full it is.
  const seatsTaken = user.regionScope ? webinar.confirmedCount : (data?.counts.confirmed ?? webinar.confirmedCount);

  return (
    <div className="registrants-page" data-list={list.state === 'ok' && !list.refreshing ? 'ready' : 'loading'}>
      <PageTitle>{t('admin.registrantsPage.heading', { title })}</PageTitle>
      <BackLinks webinarId={webinar.id} />
      {liveRegion}
      <h1 dir="auto">
        {t('admin.registrantsPage.heading', { title })}
        <span className="heading-detail" data-testid="registrants-when">
          <time dateTime={webinar.startsAt}>{format.full(webinar.startsAt)}</time>{' '}
          <span className={`status-badge webinar-${webinar.status}`}>
            {t(`admin.webinars.statuses.${webinar.status}`)}
          </span>
        </span>
      </h1>
      {!permissions.manage && (
        <p className="notice" data-testid="registrants-read-only">
          {t('admin.registrantsPage.readOnly')}
        </p>
      )}
      {user.regionScope && <p className="hint">{t('admin.registrantsPage.scopedCounts')}</p>}

      {data && (
        <RegistrantCounts
          counts={data.counts}
          capacity={webinar.capacity}
          seatsTaken={seatsTaken}
          started={phase.started}
        />
      )}

      {permissions.importAttendance ? (
        <AttendanceImport webinarId={webinar.id} onImported={reload} />
      ) : (
        permissions.manage &&
        webinar.status === 'scheduled' &&
        !phase.started && (
          <p className="hint" data-testid="attendance-not-yet">
            {t('admin.registrantsPage.import.notYet', { date: format.short(webinar.startsAt) })}
          </p>
        )
      )}

      <RegistrantFilters values={query} onApply={apply} />
      <div className="list-toolbar">
        <p
          ref={countLine}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          className="list-count"
          data-testid="registrant-count"
        >
          {list.state === 'loading' || (list.state === 'ok' && list.refreshing)
            ? t('admin.loading')
            : data
              ? t('admin.registrantsPage.shown', { count: data.registrants.length })
              : ''}
        </p>
        <a
          className="button button-secondary button-small"
          href={registrantsCsvUrl(webinar.id)}
          download
          data-testid="export-registrants"
        >
          {t('admin.registrantsPage.export')}
        </a>
      </div>
      {filtered && <p className="hint">{t('admin.registrantsPage.exportAll')}</p>}
      <RegistrantsTable
        webinarId={webinar.id}
        rows={data?.registrants}
        refreshing={list.state === 'ok' && list.refreshing}
        error={list.state === 'failed' ? list.error : undefined}
        onRetry={reload}
        filtered={filtered}
        permissions={permissions}
        capacity={webinar.capacity}
        started={phase.started}
        onChanged={onChanged}
        announce={announce}
        onStale={reload}
      />
    </div>
  );
}
