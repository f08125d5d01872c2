import type { TOutboxMessage } from '@convene/shared';
import { listOutbox } from '../api/endpoints';
import { DataTable, type Column } from '../components/data-table';
import { Instant, useInstantFormat } from '../components/instant';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';

/** /admin/outbox: the mail the local outbox kept (no SMTP server configured), newest first. */
export function OutboxPage() {
  const { t } = useAdminTranslation();
  const { zoneName } = useInstantFormat();
  const [messages, reload] = useResource('outbox', (signal) => listOutbox(signal));
  const columns: Column<TOutboxMessage>[] = [
    {
      key: 'createdAt',
      header: (
        <>
          {t('admin.outbox.createdAt')}
          <span className="visually-hidden"> ({zoneName})</span>
        </>
      ),
      nowrap: true,
      cell: (m) => <Instant value={m.createdAt} />,
    },
    { key: 'to', header: t('admin.outbox.to'), dir: 'ltr', cell: (m) => m.to },
    { key: 'subject', header: t('admin.outbox.subject'), dir: 'auto', cell: (m) => m.subject },
    { key: 'messageId', header: t('admin.outbox.messageId'), dir: 'ltr', className: 'code', cell: (m) => m.messageId },
  ];

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
      <DataTable
        caption={t('admin.outbox.title')}
        columns={columns}
        rows={messages.state === 'ok' ? messages.data : undefined}
        rowKey={(m) => m.id}
        refreshing={messages.state === 'ok' && messages.refreshing}
        error={messages.state === 'failed' ? messages.error : undefined}
        onRetry={reload}
        empty={t('admin.outbox.empty')}
        testId="outbox-table"
        rowProps={() => ({ 'data-testid': 'outbox-row' })}
      />
    </div>
  );
}
