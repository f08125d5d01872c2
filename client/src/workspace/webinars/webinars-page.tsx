import type { TAdminWebinar } from '@convene/shared';
import { Link } from 'wouter';
import { listWebinars } from '../api/endpoints';
import { DataTable, type Column } from '../components/data-table';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';
import { RegistrationCounts } from './registration-counts';

/** /admin/webinars: every webinar, any status, with its registrations; links to edit, registrants and schedule. */
export function WebinarsPage() {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  const [webinars, reload] = useResource('webinars', (signal) => listWebinars(signal));
  // Webinars are programme-wide: a scoped coordinator reads them but is not offered changes.
  const user = useUser();
  const canChange = !user.regionScope && !user.themeScope;

  const columns: Column<TAdminWebinar>[] = [
    {
      key: 'title',
      header: t('admin.webinars.name'),
      rowHeader: true,
      dir: 'auto',
      cell: (w) => labels.localized(w.title),
    },
    { key: 'kind', header: t('admin.webinars.kind'), cell: (w) => t(`admin.webinars.kinds.${w.kind}`) },
    { key: 'theme', header: t('admin.webinars.theme'), cell: (w) => labels.theme(w.themeSlug) },
    {
      key: 'startsAt',
      header: (
        <>
          {t('admin.webinars.startsAt')}
          <span className="visually-hidden"> ({zoneName})</span>
        </>
      ),
      nowrap: true,
      cell: (w) => <Instant value={w.startsAt} />,
    },
    {
      key: 'status',
      header: t('admin.webinars.status'),
      cell: (w) => (
        <span className={`status-badge webinar-${w.status}`}>{t(`admin.webinars.statuses.${w.status}`)}</span>
      ),
    },
    {
      key: 'registrations',
      header: t('admin.webinars.registrations'),
      numeric: true,
      testId: 'webinar-registrations',
      cell: (w) => <RegistrationCounts webinar={w} />,
    },
  ];

  return (
    <div className="webinars-page">
      <PageTitle>{t('admin.webinars.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.webinars.title')}</h1>
        {canChange && (
          <Link href="/webinars/new" className="button" data-testid="new-webinar">
            {t('admin.webinars.create')}
          </Link>
        )}
      </div>
      {!canChange && <p className="notice">{t('admin.scopeLimits.webinarsReadOnly')}</p>}
      <DataTable
        caption={t('admin.webinars.title')}
        columns={columns}
        rows={webinars.state === 'ok' ? webinars.data : undefined}
        rowKey={(w) => w.id}
        refreshing={webinars.state === 'ok' && webinars.refreshing}
        error={webinars.state === 'failed' ? webinars.error : undefined}
        onRetry={reload}
        empty={t('admin.webinars.empty')}
        testId="webinars-table"
        rowProps={(w) => ({ 'data-testid': 'webinar-row', 'data-webinar-id': w.id })}
        actionsHeader={t('admin.webinars.edit')}
        rowActions={(w) => {
          const title = labels.localized(w.title);
          return (
            <>
              {canChange ? (
                <Link href={`/webinars/${w.id}`} aria-label={t('admin.webinars.editLabel', { title })}>
                  {t('admin.webinars.edit')}
                </Link>
              ) : (
                <Link href={`/webinars/${w.id}`} aria-label={t('admin.scopeLimits.viewLabel', { title })}>
                  {t('admin.scopeLimits.view')}
                </Link>
              )}
              <Link
                href={`/webinars/${w.id}/registrants`}
                aria-label={t('admin.outreach.registrantsLabel', { title })}
                data-testid="webinar-registrants"
              >
                {t('admin.outreach.registrants')}
              </Link>
            </>
          );
        }}
      />
    </div>
  );
}
