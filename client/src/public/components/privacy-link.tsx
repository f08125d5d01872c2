import { Link, useRoute } from 'wouter';
import { useTranslation } from '../../common/i18n/use-translation';

/**
 * The link to the privacy notice, in the reader's language: beside every consent and identity
 * field, on the manage and receipt pages and in the footer. From a report page it replaces
 * the history entry, like every link there (see site-header.tsx).
 */
export function PrivacyLink({ long = false, className }: { long?: boolean; className?: string }) {
  const { t } = useTranslation();
  const [onReport] = useRoute('/report');
  const [onReceipt] = useRoute('/report/status');
  return (
    <Link href="/privacy" replace={onReport || onReceipt} className={className} data-testid="privacy-link">
      {long ? t('privacy.formLink') : t('privacy.link')}
    </Link>
  );
}
