import type { TOverview } from '@convene/shared';
import { useId, useMemo, useState } from 'react';
import { useAdminTranslation } from '../i18n/admin-translation';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "28 Nov" for a "2026-11-28" UTC day, in the reader's language. */
function dayLabel(day: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** Reports per (UTC) day over 30 days: a small bar chart, a sentence that sums it up and the figures. */
export function ReportsOverTime({ overTime }: { overTime: TOverview['overTime'] }) {
  const { t, language } = useAdminTranslation();
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const total = overTime.reduce((n, d) => n + d.count, 0);
  const busiest = useMemo(
    () =>
      overTime.reduce<(typeof overTime)[number] | null>((best, d) => (!best || d.count > best.count ? d : best), null),
    [overTime],
  );
  const max = Math.max(1, ...overTime.map((d) => d.count));
  const width = overTime.length * 10;
  return (
    <>
      <p data-testid="over-time-summary">
        {total === 0 || !busiest
          ? t('admin.overview.overTime.summaryNone')
          : t('admin.overview.overTime.summary', {
              total,
              day: `${dayLabel(busiest.day, language)} (UTC)`,
              count: busiest.count,
            })}
      </p>
      <svg
        className="over-time-chart"
        data-chart="over-time"
        viewBox={`0 0 ${width} 42`}
        aria-hidden="true"
        focusable="false"
      >
        <line className="axis" x1={0} y1={40.5} x2={width} y2={40.5} />
        {overTime.map((d, i) => {
          const h = (d.count / max) * 38;
          return <rect key={d.day} className="bar-day" x={i * 10 + 1} y={40 - h} width={8} height={h} />;
        })}
      </svg>
      <div className="over-time-axis" aria-hidden="true">
        <span>{overTime[0] ? dayLabel(overTime[0].day, language) : ''}</span>
        <span>{overTime.at(-1) ? `${dayLabel(overTime.at(-1)!.day, language)} (UTC)` : ''}</span>
      </div>
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? t('admin.overview.overTime.hideTable') : t('admin.overview.overTime.showTable')}
      </button>
      <div id={tableId} hidden={!showTable} className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">{t('admin.overview.overTime.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.overview.overTime.day')}</th>
              <th scope="col" className="numeric">
                {t('admin.overview.overTime.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overTime.map((d) => (
              <tr key={d.day}>
                <th scope="row">
                  <time dateTime={d.day}>{dayLabel(d.day, language)}</time>
                </th>
                <td className="numeric">{d.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
