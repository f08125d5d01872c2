import { useTranslation } from '../../common/i18n/use-translation';
import { Link } from 'wouter';
import { DocumentTitle } from '../../common/components/document-title';

/** Any address that is not a page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <DocumentTitle>{`${t('errors.not_found')} · ${t('app.name')}`}</DocumentTitle>
      <h1>{t('errors.not_found')}</h1>
      <p>
        <Link href="/" className="back-link">
          {t('webinars.back')}
        </Link>
      </p>
    </>
  );
}
