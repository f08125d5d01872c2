import { useTranslation } from '../../common/i18n/use-translation';
import { PrivacyLink } from './privacy-link';

/** Under every page: the privacy notice, one step from anywhere. */
export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <nav aria-label={t('privacy.link')}>
        <PrivacyLink />
      </nav>
    </footer>
  );
}
