import type { ReactNode } from 'react';
import type { ApiError } from '../../common/api/http';
import { useAdminTranslation } from '../i18n/admin-translation';
import { ErrorNotice } from './errors';

/** One column of a DataTable: its header and how a row fills its cell. */
export type Column<Row> = {
  /** Stable React key of the column. */
  key: string;
  header: ReactNode;
  /** The header is read by screen readers only (an actions or icon column). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** This column names the row: rendered as <th scope="row"> (one column per table). */
  rowHeader?: boolean;
  /** Right-aligned (start/end aware), tabular figures. */
  numeric?: boolean;
  /** Keeps dates and times on one line. */
  nowrap?: boolean;
  /** `auto` for text in the writer's language, `ltr` for addresses, ids and codes. */
  dir?: 'auto' | 'ltr';
  className?: string;
  /** data-testid of each cell of the column. */
  testId?: string;
};

export type DataTableProps<Row> = {
  /** What the table lists; the accessible name of the table. */
  caption: string;
  /** Show the caption on screen (hidden by default: the page heading already says it). */
  captionVisible?: boolean;
  columns: Column<Row>[];
  /** `undefined` while the first load runs. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** A newer answer is on its way: the rows shown stay, marked busy. */
  refreshing?: boolean;
  /** The load failed: announced, with a retry when given. */
  error?: ApiError;
  onRetry?: () => void;
  /** Buttons or links at the end of each row, under a visually hidden "Actions" header. */
  rowActions?: (row: Row) => ReactNode;
  actionsHeader?: string;
  /** Extra attributes of each <tr> (data-testid, data-*-id…), kept for tests and styling. */
  rowProps?: (row: Row) => Record<`data-${string}`, string | undefined>;
  className?: string;
  testId?: string;
};

/**
 * The workspace's list: an accessible <table> (caption, column headers, a row header) in a
 * horizontally scrolling box, with its loading, failed and empty states, so that every list
 * page reads and behaves the same.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t } = useAdminTranslation();
  const { columns, rows, rowActions } = props;
  if (props.error && !rows) return <ErrorNotice error={props.error} onRetry={props.onRetry} />;
  if (!rows)
    return (
      <p role="status" className="status">
        {t('admin.loading')}
      </p>
    );
  if (rows.length === 0) return <>{typeof props.empty === 'string' ? <p>{props.empty}</p> : props.empty}</>;

  const cellClass = (c: Column<Row>) =>
    [c.numeric ? 'numeric' : '', c.nowrap ? 'nowrap' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;

  return (
    <>
      {props.error && <ErrorNotice error={props.error} onRetry={props.onRetry} />}
      <div className="table-scroll">
        <table
          className={['data-table', props.className].filter(Boolean).join(' ')}
          data-testid={props.testId}
          aria-busy={props.refreshing || undefined}
        >
          <caption className={props.captionVisible ? 'table-caption' : 'visually-hidden'}>{props.caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'numeric' : undefined}>
                  {c.headerHidden ? <span className="visually-hidden">{c.header}</span> : c.header}
                </th>
              ))}
              {rowActions && (
                <th scope="col">
                  <span className="visually-hidden">{props.actionsHeader ?? t('admin.blocks.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={props.rowKey(row)} {...props.rowProps?.(row)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={cellClass(c)} dir={c.dir} data-testid={c.testId}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={cellClass(c)} dir={c.dir} data-testid={c.testId}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
                {rowActions && <td className="row-actions">{rowActions(row)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
