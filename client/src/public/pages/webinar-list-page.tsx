import type { TPublicWebinar } from '@convene/shared';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';
import { errorKeyOf, type ErrorKey } from '../../common/api/error-key';
import { fetchWebinars } from '../api/webinars';
import { WebinarCard } from '../components/webinar-card';
import { DocumentTitle } from '../../common/components/document-title';

type State = { kind: 'loading' } | { kind: 'failed'; error: ErrorKey } | { kind: 'loaded'; webinars: TPublicWebinar[] };

/** `/`: the upcoming webinars, soonest first. */
export function WebinarListPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    fetchWebinars(controller.signal).then(
      (result) =>
        setState(
          result.ok
            ? { kind: 'loaded', webinars: result.data.webinars }
            : { kind: 'failed', error: errorKeyOf(result.error) },
        ),
      () => undefined, // aborted on unmount
    );
    return () => controller.abort();
  }, [attempt]);

  return (
    <>
      <DocumentTitle>{`${t('webinars.title')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('webinars.title')}</h1>
      <p className="lead">{t('webinars.intro')}</p>
      {state.kind === 'loading' && (
        <p role="status" className="status">
          {t('webinars.loading')}
        </p>
      )}
      {state.kind === 'failed' && (
        <div role="alert" className="notice notice-error">
          <p>{t('webinars.loadError')}</p>
          {state.error !== 'network' && <p>{t(`errors.${state.error}`)}</p>}
          <button type="button" className="button button-secondary" onClick={retry}>
            {t('webinars.retry')}
          </button>
        </div>
      )}
      {state.kind === 'loaded' && state.webinars.length === 0 && <p className="status">{t('webinars.empty')}</p>}
      {state.kind === 'loaded' && state.webinars.length > 0 && (
        <ul className="cards">
          {state.webinars.map((w) => (
            <WebinarCard key={w.id} webinar={w} />
          ))}
        </ul>
      )}
    </>
  );
}
