import { useState } from 'react';
import { AUDIT_PAGE_SIZE, listAudit } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { Instant, useInstantFormat } from '../components/instant';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';

/** The details of an entry as one line of JSON (ids and field names, never report text). */
function compactJson(details: Record<string, unknown>): string {
  return Object.keys(details).length === 0 ? '' : JSON.stringify(details);
}

/** /admin/audit (admins): what coordinators did, newest first, paged back in time by `before`. */
export function AuditPage() {
  const { t } = useAdminTranslation();
  const { zoneName } = useInstantFormat();
  const [before, setBefore] = useState<string | null>(null);
  const [entries, reload] = useResource(`audit|${before ?? ''}`, (signal) => listAudit(before, signal));
  const last = entries.state === 'ok' ? entries.data.at(-1) : undefined;
  const hasOlder = entries.state === 'ok' && entries.data.length === AUDIT_PAGE_SIZE && last !== undefined;

  return (
    <div className="audit-page">
      <PageTitle>{t('admin.audit.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.audit.title')}</h1>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('admin.audit.refresh')}
        </button>
      </div>
      <p className="lead">{t('admin.audit.intro')}</p>
      {entries.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {entries.state === 'failed' && <ErrorNotice error={entries.error} onRetry={reload} />}
      {entries.state === 'ok' && entries.data.length === 0 && <p>{t('admin.audit.empty')}</p>}
      {entries.state === 'ok' && entries.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact" data-testid="audit-table" aria-busy={entries.refreshing}>
            <caption className="visually-hidden">{t('admin.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t('admin.audit.time')}
                  <span className="visually-hidden"> ({zoneName})</span>
                </th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.map((e) => (
                <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                  <td className="nowrap">
                    <Instant value={e.createdAt} />
                  </td>
                  <td dir="ltr">{e.actorEmail}</td>
                  <td className="code" dir="ltr">
                    {e.action}
                  </td>
                  <td className="code" dir="ltr">
                    {e.targetId ? `${e.targetType} ${e.targetId}` : e.targetType}
                  </td>
                  <td className="code audit-details" dir="ltr">
                    {compactJson(e.details)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        {before !== null && (
          <button type="button" className="button button-secondary button-small" onClick={() => setBefore(null)}>
            {t('admin.audit.newest')}
          </button>
        )}
        {hasOlder && (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => setBefore(last.createdAt)}
            data-testid="audit-older"
          >
            {t('admin.audit.older')}
          </button>
        )}
      </div>
    </div>
  );
}
