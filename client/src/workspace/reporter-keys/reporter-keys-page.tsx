import type { TReporterKeyList } from '@convene/shared';
import { ErrorNotice } from '../components/errors';
import { Instant, useInstantFormat } from '../components/instant';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { CreateKeyForm } from './create-key-form';
import { useKeyring } from './keyring';
import { listReporterKeys, shortKeyId } from './reporter-keys-api';

/**
 * /admin/reporter-keys (admins): the keys named reporters' contact details are sealed to, newest
 * (active) first, and the form that makes a new one. The list carries no key material.
 */
export function ReporterKeysPage() {
  const { t } = useAdminTranslation();
  const { zoneName } = useInstantFormat();
  const keyring = useKeyring();
  const [keys, reload, update] = useResource<TReporterKeyList>('reporter-keys', (signal) => listReporterKeys(signal));

  return (
    <div className="reporter-keys-page">
      <PageTitle>{t('admin.reporterKeys.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.reporterKeys.title')}</h1>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('admin.reporterKeys.refresh')}
        </button>
      </div>
      <p className="lead">{t('admin.reporterKeys.intro')}</p>
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">{t('admin.reporterKeys.listTitle')}</h2>
        {keys.state === 'loading' && (
          <p role="status" className="status">
            {t('admin.loading')}
          </p>
        )}
        {keys.state === 'failed' && <ErrorNotice error={keys.error} onRetry={reload} />}
        {keys.state === 'ok' && keys.data.keys.length === 0 && (
          <p data-testid="reporter-keys-empty">{t('admin.reporterKeys.empty')}</p>
        )}
        {keys.state === 'ok' && keys.data.keys.length > 0 && (
          <div className="table-scroll">
            <table className="data-table compact" data-testid="reporter-keys-table" aria-busy={keys.refreshing}>
              <caption className="visually-hidden">{t('admin.reporterKeys.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.reporterKeys.key')}</th>
                  <th scope="col">
                    {t('admin.reporterKeys.created')}
                    <span className="visually-hidden"> ({zoneName})</span>
                  </th>
                  <th scope="col">{t('admin.reporterKeys.by')}</th>
                  <th scope="col">{t('admin.reporterKeys.status')}</th>
                  <th scope="col">{t('admin.reporterKeys.reports')}</th>
                </tr>
              </thead>
              <tbody>
                {keys.data.keys.map((k) => (
                  <tr
                    key={k.id}
                    data-testid="reporter-key-row"
                    data-key-id={k.id}
                    data-state={k.retiredAt ? 'retired' : 'active'}
                  >
                    <th scope="row" className="code" dir="ltr" title={k.id}>
                      {shortKeyId(k.id)}
                    </th>
                    <td className="nowrap">
                      <Instant value={k.createdAt} />
                    </td>
                    <td dir="auto">{k.createdBy ?? t('admin.reporterKeys.byUnnamed')}</td>
                    <td data-testid="reporter-key-status">
                      {k.retiredAt ? (
                        <>
                          {t('admin.reporterKeys.retired')} <Instant value={k.retiredAt} />
                        </>
                      ) : (
                        <strong>{t('admin.reporterKeys.active')}</strong>
                      )}
                      {keyring.unlocked.has(k.id) && (
                        <>
                          {' '}
                          <span className="hint">({t('admin.reporterKeys.unlocked')})</span>
                        </>
                      )}
                    </td>
                    <td>{k.reports}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {keyring.unlocked.size > 0 && (
          <p>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => keyring.lock()}
              data-testid="lock-all-keys"
            >
              {t('admin.reporterKeys.lockAll')}
            </button>
          </p>
        )}
      </section>
      <CreateKeyForm onCreated={(list) => update(() => list)} />
    </div>
  );
}
