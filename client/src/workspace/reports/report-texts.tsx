import type { TAdminReport } from '@convene/shared';
import { useAdminTranslation } from '../i18n/admin-translation';

/** The report's texts as the reader may see them (redacted when redacted), as plain text. */
export function ReportTexts({ report }: { report: TAdminReport }) {
  const { t } = useAdminTranslation();
  const texts = [
    ['barriers', t('admin.report.barriers'), report.barriers],
    ['recommendations', t('admin.report.recommendations'), report.recommendations],
    ['source', t('admin.report.source'), report.source],
  ] as const;
  return (
    <section aria-labelledby="report-texts-title" className="panel">
      <h2 id="report-texts-title" className="visually-hidden">
        {t('admin.report.barriers')}, {t('admin.report.recommendations')}, {t('admin.report.source')}
      </h2>
      {report.redacted && <p className="notice">{t('admin.report.redactedNotice')}</p>}
      {texts.map(([name, label, text]) => (
        <div key={name} className="report-text">
          <h3>{label}</h3>
          {text ? (
            <p className="submitted-text" lang={report.language} dir="auto" data-testid={`report-${name}`}>
              {text}
            </p>
          ) : (
            <p className="hint">{t('admin.report.empty')}</p>
          )}
        </div>
      ))}
    </section>
  );
}
