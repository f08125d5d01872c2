import { useInstantFormat } from '../components/instant';
import { useAdminTranslation } from '../i18n/admin-translation';

/**
 * What a coordinator sees of a report its reporter withdrew: when (in their zone, the zone
 * named), that its text and contact details are gone, and why nothing in it can be edited.
 * The page shows this in place of the texts and the editing panels.
 */
export function WithdrawnNotice({ withdrawnAt }: { withdrawnAt: string }) {
  const { t } = useAdminTranslation();
  const { full } = useInstantFormat();
  return (
    <section className="panel notice withdrawn-notice" aria-labelledby="withdrawn-title" data-testid="withdrawn-notice">
      <h2 id="withdrawn-title">{t('admin.report.withdrawnTitle')}</h2>
      <p>
        <time dateTime={withdrawnAt}>{t('admin.report.withdrawnNotice', { date: full(withdrawnAt) })}</time>
      </p>
      <p className="hint">{t('admin.report.withdrawnHint')}</p>
    </section>
  );
}
