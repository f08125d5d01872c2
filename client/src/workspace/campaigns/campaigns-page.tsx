import { EVENTS, type TCampaign } from '@convene/shared';
import { useEffect, useMemo } from 'react';
import { Link } from 'wouter';
import { loadAdminSchemas } from '../api/admin-request';
import { listCampaigns, listWebinars } from '../api/endpoints';
import { DataTable, type Column } from '../components/data-table';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { PageTitle } from '../components/page-title';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useLive, useLiveEvent, useResync } from '../live/live-connection';
import { CampaignProgress } from './campaign-progress';

/** Asks the server for the progress of every unfinished campaign, now and after each reconnection. */
function useWatchCampaigns(ids: string[]) {
  const { socket, status } = useLive();
  const key = ids.join(',');
  useEffect(() => {
    if (!socket || status !== 'connected' || !key) return;
    for (const campaignId of key.split(',')) socket.emit(EVENTS.watchCampaign, { campaignId });
  }, [socket, status, key]);
}

/** /admin/campaigns: invitation campaigns with live progress bars. */
export function CampaignsPage() {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  const [campaigns, reload, update] = useResource('campaigns', (signal) => listCampaigns(signal));
  const [webinars] = useResource('campaign-webinars', (signal) => listWebinars(signal));
  const titles = useMemo(
    () => new Map(webinars.state === 'ok' ? webinars.data.map((w) => [w.id, labels.localized(w.title)]) : []),
    [webinars, labels],
  );

  const unfinished = campaigns.state === 'ok' ? campaigns.data.filter((c) => !c.progress.done).map((c) => c.id) : [];
  useWatchCampaigns(unfinished);
  useResync(reload);
  useLiveEvent(EVENTS.campaignProgress, (payload) => {
    loadAdminSchemas().then(
      (s) => {
        const parsed = s.ZCampaignProgress.safeParse(payload);
        if (!parsed.success) return;
        const progress = parsed.data;
        update((list: TCampaign[]) =>
          list.map((c) =>
            c.id === progress.campaignId
              ? { ...c, progress, status: progress.done ? 'sent' : c.status === 'draft' ? 'sending' : c.status }
              : c,
          ),
        );
      },
      () => undefined,
    );
  });

  const titleOf = (c: TCampaign) => titles.get(c.webinarId) ?? c.webinarId;
  const columns: Column<TCampaign>[] = [
    { key: 'webinar', header: t('admin.campaigns.webinar'), rowHeader: true, dir: 'auto', cell: titleOf },
    {
      key: 'created',
      header: (
        <>
          {t('admin.campaigns.created')}
          <span className="visually-hidden"> ({zoneName})</span>
        </>
      ),
      nowrap: true,
      cell: (c) => <Instant value={c.createdAt} />,
    },
    { key: 'status', header: t('admin.campaigns.status'), cell: (c) => t(`admin.campaigns.statuses.${c.status}`) },
    {
      key: 'progress',
      header: t('admin.campaigns.progress'),
      cell: (c) => (
        <CampaignProgress progress={c.progress} label={t('admin.campaigns.progressLabel', { title: titleOf(c) })} />
      ),
    },
  ];

  return (
    <div className="campaigns-page">
      <PageTitle>{t('admin.campaigns.title')}</PageTitle>
      <div className="page-heading">
        <h1>{t('admin.campaigns.title')}</h1>
        <Link href="/campaigns/new" className="button" data-testid="new-campaign">
          {t('admin.campaigns.create')}
        </Link>
      </div>
      <DataTable
        caption={t('admin.campaigns.title')}
        columns={columns}
        rows={campaigns.state === 'ok' ? campaigns.data : undefined}
        rowKey={(c) => c.id}
        refreshing={campaigns.state === 'ok' && campaigns.refreshing}
        error={campaigns.state === 'failed' ? campaigns.error : undefined}
        onRetry={reload}
        empty={t('admin.campaigns.empty')}
        testId="campaigns-table"
        rowProps={(c) => ({ 'data-testid': 'campaign-row', 'data-campaign-id': c.id })}
      />
    </div>
  );
}
