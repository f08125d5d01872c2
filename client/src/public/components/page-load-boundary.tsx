import { Component, type ReactNode } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';

/** A page's code could not be fetched (it is loaded on demand, see app.tsx). */
export class PageLoadError extends Error {
  constructor(cause: unknown) {
    super('A page of the site could not be loaded', { cause });
    this.name = 'PageLoadError';
  }
}

type State = { error: unknown };

/**
 * Shows "no connection, try again" when a page's chunk fails to download, on the slow or
 * flaky links readers may be on. Any other error goes on up, as it would without this.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (error instanceof PageLoadError) return <PageLoadFailed />;
    throw error;
  }
}

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="notice notice-error">
      <p>{t('errors.network')}</p>
      {/* React caches the failed import: only a reload fetches it again. */}
      <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
        {t('webinars.retry')}
      </button>
    </div>
  );
}
