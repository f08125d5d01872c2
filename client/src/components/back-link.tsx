import { useTranslation } from '../i18n/use-translation';
import { Link } from 'wouter';

/** "All webinars": the way back to the list from any single-webinar page. */
export function BackLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link href="/" className="back-link">
        {t('webinars.back')}
      </Link>
    </p>
  );
}
