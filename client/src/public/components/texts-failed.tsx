import { useResourcesTranslation } from '../i18n/resources-translation';

/** The page's texts could not be downloaded (a slow or lost connection). */
export function TextsFailed({ retry }: { retry: () => void }) {
  const { t } = useResourcesTranslation();
  return (
    <div role="alert" className="notice notice-error">
      <p>{t('errors.network')}</p>
      <button type="button" className="button button-secondary" onClick={retry}>
        {t('webinars.retry')}
      </button>
    </div>
  );
}
