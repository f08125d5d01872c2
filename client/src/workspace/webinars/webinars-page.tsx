import { Link } from 'wouter';
import { listWebinars } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useUser } from '../session/session';

/** /admin/webinars: every webinar, any status, with its registrations; links to edit and schedule. */
export function WebinarsPage() {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  const [webinars, reload] = useResource('webinars', (signal) => listWebinars(signal));
  // Webinars are programme-wide: a scoped coordinator reads them but is not offered changes.
  const user = useUser();
  const canChange = !user.regionScope && !user.themeScope;
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
      {webinars.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {!canChange && <p className="notice">{t('admin.scopeLimits.webinarsReadOnly')}</p>}
      {webinars.state === 'failed' && <ErrorNotice error={webinars.error} onRetry={reload} />}
      {webinars.state === 'ok' && webinars.data.length === 0 && <p>{t('admin.webinars.empty')}</p>}
      {webinars.state === 'ok' && webinars.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="webinars-table">
            <caption className="visually-hidden">{t('admin.webinars.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.webinars.name')}</th>
                <th scope="col">{t('admin.webinars.kind')}</th>
                <th scope="col">{t('admin.webinars.theme')}</th>
                <th scope="col">
                  {t('admin.webinars.startsAt')}
                  <span className="visually-hidden"> ({zoneName})</span>
                </th>
                <th scope="col">{t('admin.webinars.status')}</th>
                <th scope="col" className="numeric">
                  {t('admin.webinars.registrations')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.webinars.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {webinars.data.map((w) => {
                const title = labels.localized(w.title);
                return (
                  <tr key={w.id} data-testid="webinar-row" data-webinar-id={w.id}>
                    <th scope="row" dir="auto">
                      {title}
                    </th>
                    <td>{t(`admin.webinars.kinds.${w.kind}`)}</td>
                    <td>{labels.theme(w.themeSlug)}</td>
                    <td className="nowrap">
                      <Instant value={w.startsAt} />
                    </td>
                    <td>
                      <span className={`status-badge webinar-${w.status}`}>
                        {t(`admin.webinars.statuses.${w.status}`)}
                      </span>
                    </td>
                    <td className="numeric" data-testid="webinar-registrations">
                      {w.capacity === null
                        ? w.registrationsCount
                        : t('admin.webinars.registrationsOf', { count: w.registrationsCount, capacity: w.capacity })}
                    </td>
                    <td>
                      {canChange ? (
                        <Link href={`/webinars/${w.id}`} aria-label={t('admin.webinars.editLabel', { title })}>
                          {t('admin.webinars.edit')}
                        </Link>
                      ) : (
                        <Link href={`/webinars/${w.id}`} aria-label={t('admin.scopeLimits.viewLabel', { title })}>
                          {t('admin.scopeLimits.view')}
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
