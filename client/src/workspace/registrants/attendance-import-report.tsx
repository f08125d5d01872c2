import type { TAttendanceImportResult } from '@convene/shared';
import { DataTable } from '../components/data-table';
import { useAdminTranslation } from '../i18n/admin-translation';

type Unmatched = TAttendanceImportResult['unmatched'][number];

/**
 * What an attendance import did, as the API answers it: the column the addresses came from,
 * the counts, and each line that marked nobody with the reason (line numbers, never addresses).
 */
export function AttendanceImportReport({ result }: { result: TAttendanceImportResult }) {
  const { t } = useAdminTranslation();
  return (
    <div className="import-report" data-testid="attendance-report">
      <p className="notice" data-testid="attendance-result">
        {t('admin.registrantsPage.import.result', {
          lines: result.lines,
          marked: result.marked,
          alreadyMarked: result.alreadyMarked,
        })}{' '}
        {t('admin.registrantsPage.import.lines', {
          matched: result.matchedLines,
          unmatched: result.unmatchedLines,
        })}{' '}
        <span dir="auto">{t('admin.registrantsPage.import.column', { column: result.emailColumn })}</span>
      </p>
      {result.unmatched.length > 0 && (
        <>
          <DataTable<Unmatched>
            caption={t('admin.registrantsPage.import.unmatchedCaption')}
            captionVisible
            className="compact"
            testId="attendance-unmatched"
            columns={[
              {
                key: 'line',
                header: t('admin.registrantsPage.import.line'),
                numeric: true,
                rowHeader: true,
                cell: (u) => u.line,
              },
              {
                key: 'why',
                header: t('admin.registrantsPage.import.why'),
                cell: (u) => t(`admin.registrantsPage.import.codes.${u.code}`),
              },
            ]}
            rows={result.unmatched}
            rowKey={(u) => String(u.line)}
            rowProps={(u) => ({ 'data-testid': 'unmatched-line', 'data-line': String(u.line), 'data-code': u.code })}
            empty={null}
          />
          {result.unmatchedLines > result.unmatched.length && (
            <p className="hint">
              {t('admin.registrantsPage.import.more', {
                shown: result.unmatched.length,
                total: result.unmatchedLines,
              })}
            </p>
          )}
        </>
      )}
    </div>
  );
}
