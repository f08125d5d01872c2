import { CATALOG_LANGUAGES, type TOverview } from '@convene/shared';
import { useAdminTranslation } from '../i18n/admin-translation';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';

type Props = { registrations: TOverview['registrations'] };

/**
 * Registrations per webinar as a table whose rows carry a bar (registrations by language,
 * stacked): the figures are the table's text, the bar only draws them.
 */
export function RegistrationsChart({ registrations }: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  if (registrations.length === 0) return <p>{t('admin.overview.registrations.empty')}</p>;
  const totals = registrations.map((w) => w.confirmed + w.waitlisted);
  const max = Math.max(1, ...totals);
  return (
    <>
      <ul className="chart-legend" aria-hidden="true">
        {CATALOG_LANGUAGES.map((language) => (
          <li key={language}>
            <span className={`swatch lang-${language}`} />
            {labels.language(language)}
          </li>
        ))}
      </ul>
      <div className="table-scroll">
        <table className="data-table registrations-table" data-testid="registrations-table">
          <caption className="visually-hidden">{t('admin.overview.registrations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.overview.registrations.webinar')}</th>
              <th scope="col">
                {t('admin.overview.registrations.startsAt')}
                <span className="visually-hidden"> ({zoneName})</span>
              </th>
              <th scope="col" className="numeric">
                {t('admin.overview.registrations.total')}
              </th>
              <th scope="col" className="bar-column">
                <span className="visually-hidden">{t('admin.overview.registrations.chartLabel')}</span>
              </th>
              <th scope="col">{t('admin.overview.registrations.byLanguage')}</th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((w, i) => {
              let offset = 0;
              const byLanguage = CATALOG_LANGUAGES.filter((l) => (w.byLanguage[l] ?? 0) > 0);
              return (
                <tr key={w.webinarId} data-webinar={w.slug}>
                  <th scope="row">{labels.localized(w.title)}</th>
                  <td>
                    <Instant value={w.startsAt} />
                  </td>
                  <td className="numeric">
                    {totals[i]}
                    {w.waitlisted > 0 && (
                      <span className="hint">
                        {' '}
                        ({t('admin.overview.registrations.confirmed')} {w.confirmed},{' '}
                        {t('admin.overview.registrations.waitlisted')} {w.waitlisted})
                      </span>
                    )}
                  </td>
                  <td className="bar-column">
                    <svg
                      className="bar"
                      data-chart="registrations"
                      viewBox={`0 0 ${max} 1`}
                      preserveAspectRatio="none"
                      aria-hidden="true"
                      focusable="false"
                    >
                      {byLanguage.map((l) => {
                        const n = w.byLanguage[l] ?? 0;
                        const rect = <rect key={l} className={`lang-${l}`} x={offset} y={0} width={n} height={1} />;
                        offset += n;
                        return rect;
                      })}
                    </svg>
                  </td>
                  <td>
                    {byLanguage.length === 0
                      ? '—'
                      : labels.list(byLanguage.map((l) => `${labels.language(l)} ${w.byLanguage[l]}`))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
