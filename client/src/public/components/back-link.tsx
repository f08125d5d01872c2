import { useTranslation } from '../../common/i18n/use-translation';
import { Link } from 'wouter';

/** "All webinars" back to the list, or "Send a report" back to the input form. */
export function BackLink({ href = '/' }: { href?: '/' | '/report' }) {
  const { t } = useTranslation();
  return (
    <p>
      {/* Between the report pages the entry is replaced: see report-page.tsx. */}
      <Link href={href} className="back-link" replace={href === '/report'}>
        {href === '/' ? t('webinars.back') : t('report.nav')}
      </Link>
    </p>
  );
}
