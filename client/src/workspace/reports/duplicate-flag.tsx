import type { TAdminReport, TReportRef } from '@convene/shared';
import { Fragment } from 'react';
import { Link } from 'wouter';
import { useAdminTranslation } from '../i18n/admin-translation';

/** A report code (R-0042), kept left-to-right inside Arabic text. */
export function ReportCode({ code }: { code: string }) {
  return (
    <bdi dir="ltr" className="report-code">
      {code}
    </bdi>
  );
}

/** 0.83 → "83 %" in the reader's language. */
export function usePercent(): (ratio: number) => string {
  const { language } = useAdminTranslation();
  const format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  return (ratio) => format.format(ratio);
}

/** Codes as links to their reports, separated as a list. */
export function CodeLinks({ refs }: { refs: TReportRef[] }) {
  return (
    <>
      {refs.map((ref, i) => (
        <Fragment key={ref.id}>
          {i > 0 && ', '}
          <Link href={`/reports/${ref.id}`}>
            <ReportCode code={ref.code} />
          </Link>
        </Fragment>
      ))}
    </>
  );
}

/**
 * What a row of the reports list says about duplicates: "possible duplicate of R-0042 (83 %
 * similar)" linking to it (+N when there are more), or the merge lineage.
 */
export function DuplicateFlag({ report }: { report: TAdminReport }) {
  const { t } = useAdminTranslation();
  const percent = usePercent();
  const [first, ...others] = report.duplicates;
  return (
    <>
      {first && (
        <p className="duplicate-flag" data-testid="duplicate-flag" data-duplicate-of={first.id}>
          <Link href={`/reports/${first.id}`}>
            {t('admin.duplicates.flag', { code: first.code, similarity: percent(first.similarity) })}
          </Link>
          {others.length > 0 && <span className="hint"> {t('admin.duplicates.more', { count: others.length })}</span>}
        </p>
      )}
      {report.mergedInto && (
        <p className="hint" data-testid="row-merged-into">
          {t('admin.duplicates.mergedIntoShort', { code: report.mergedInto.code })}
        </p>
      )}
      {report.mergedReports.length > 0 && (
        <p className="hint" data-testid="row-lineage">
          {t('admin.duplicates.lineageShort', { codes: report.mergedReports.map((r) => r.code).join(', ') })}
        </p>
      )}
    </>
  );
}
