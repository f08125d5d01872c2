import { listOutbox } from '../api/endpoints';
import { ErrorNotice } from '../components/errors';
import { Instant, useInstantFormat } from '../components/instant';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';

/** /admin/outbox: the mail the local outbox kept (no SMTP server configured), newest first. */
export function OutboxPage() {
  const { t } = useAdminTranslation();
  const { zoneName } = useInstantFormat();
  const [messages, reload] = useResource('outbox', (signal) => listOutbox(signal));
  return (
    <div className="outbox-page">
      <PageTitle>{t('admin.outbox.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.outbox.title')}</h1>
        <button type="button" className="button button-secondary button-small" onClick={reload}>
          {t('admin.outbox.refresh')}
        </button>
      </div>
      <p className="lead">{t('admin.outbox.intro')}</p>
      {messages.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {messages.state === 'failed' && <ErrorNotice error={messages.error} onRetry={reload} />}
      {messages.state === 'ok' && messages.data.length === 0 && <p>{t('admin.outbox.empty')}</p>}
      {messages.state === 'ok' && messages.data.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="outbox-table">
            <caption className="visually-hidden">{t('admin.outbox.title')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {t('admin.outbox.createdAt')}
                  <span className="visually-hidden"> ({zoneName})</span>
                </th>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.messageId')}</th>
              </tr>
            </thead>
            <tbody>
              {messages.data.map((m) => (
                <tr key={m.id} data-testid="outbox-row">
                  <td className="nowrap">
                    <Instant value={m.createdAt} />
                  </td>
                  <td dir="ltr">{m.to}</td>
                  <td dir="auto">{m.subject}</td>
                  <td className="code" dir="ltr">
                    {m.messageId}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
