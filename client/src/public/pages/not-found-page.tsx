import { useTranslation } from '../../common/i18n/use-translation';
import { Link } from 'wouter';

/** Any address that is not a page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <title>{`${t('errors.not_found')} · ${t('app.name')}`}</title>
      <h1>{t('errors.not_found')}</h1>
      <p>
        <Link href="/" className="back-link">
          {t('webinars.back')}
        </Link>
      </p>
    </>
  );
}
