import { useAnnouncer } from '../components/live-region';
import { ErrorNotice } from '../components/errors';
import { Instant } from '../components/instant';
import { useAction } from '../components/use-action';
import { useResource } from '../components/use-resource';
import { withNode } from '../components/with-node';
import { getPublication, setPublication } from '../consultations/consultations-api';
import { useAdminTranslation } from '../i18n/admin-translation';

/**
 * Whether a frozen brief is on its theme's public page, and the button that changes it. The
 * public page serves the frozen snapshot itself, so what is published never drifts from it.
 */
export function PublishControl({ id, themeSlug, number }: { id: string; themeSlug: string; number: number }) {
  const { t } = useAdminTranslation();
  const [announce, liveRegion] = useAnnouncer();
  const [state, reload, update] = useResource(`publication:${id}`, (signal) => getPublication(id, signal));
  const change = useAction((publish: boolean) => setPublication(id, publish));
  if (state.state === 'loading') return null;
  if (state.state === 'failed') return <ErrorNotice error={state.error} onRetry={reload} />;
  const { publishedAt } = state.data;
  const toggle = async () => {
    const next = await change.run(publishedAt === null);
    if (!next) return;
    update(() => next);
    announce(
      t(next.publishedAt ? 'admin.publicResources.publishedNow' : 'admin.publicResources.unpublishedNow', { number }),
    );
  };
  return (
    <div className="publish-control" data-testid="publish-control">
      {liveRegion}
      <p>
        {publishedAt
          ? withNode(t('admin.publicResources.published'), 'date', <Instant value={publishedAt} />)
          : t('admin.publicResources.notPublished')}
        {publishedAt && (
          <>
            {' · '}
            <a href={`/themes/${encodeURIComponent(themeSlug)}`}>{t('admin.publicResources.viewPublic')}</a>
          </>
        )}
      </p>
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={change.busy}
        onClick={() => void toggle()}
        data-testid={publishedAt ? 'unpublish-brief' : 'publish-brief'}
      >
        {publishedAt ? t('admin.publicResources.unpublish') : t('admin.publicResources.publish')}
      </button>
      {change.error && <ErrorNotice error={change.error} />}
    </div>
  );
}
