import { useTranslation } from '../../common/i18n/use-translation';
import { Link, useRoute } from 'wouter';
import { LanguageSelect } from './language-select';
import { TimeZoneSelect } from './time-zone-select';

/** Brand, navigation and the two reader preferences (language, time zone). */
export function SiteHeader() {
  const { t } = useTranslation();
  const [onList] = useRoute('/');
  const [onReport] = useRoute('/report');
  const [onConsultations] = useRoute('/consultations');
  const [onReceipt] = useRoute('/report/status');
  // Leaving a report page replaces its history entry: at most the current entry is ever a
  // report page, and "leave quickly" replaces that one (components/report/leave-quickly.tsx).
  const replace = onReport || onReceipt;
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <div className="brand">
          <div className="brand-line">
            <Link href="/" className="brand-name" replace={replace}>
              {t('app.name')}
            </Link>
            <nav aria-label={t('nav.webinars')} className="site-nav">
              <Link href="/" replace={replace} aria-current={onList ? 'page' : undefined}>
                {t('nav.webinars')}
              </Link>
              <Link href="/consultations" replace={replace} aria-current={onConsultations ? 'page' : undefined}>
                {t('publicResources.nav')}
              </Link>
              <Link href="/report" replace={replace} aria-current={onReport ? 'page' : undefined}>
                {t('report.nav')}
              </Link>
            </nav>
          </div>
          <p className="brand-tagline">{t('app.tagline')}</p>
        </div>
        <div className="preferences">
          <LanguageSelect />
          <TimeZoneSelect />
        </div>
      </div>
    </header>
  );
}
