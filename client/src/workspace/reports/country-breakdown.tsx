import { countriesOf, REGIONS, type TRegion } from '@convene/shared';
import { useId } from 'react';
import { Link } from 'wouter';
import { queryString, type ReportQuery } from '../api/endpoints';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';

type Props = {
  /** Matching reports per country over every page (the list's `byCountry`). */
  byCountry: Record<string, number>;
  /** The list's filters: a region, maybe a theme. */
  query: ReportQuery;
};

const isRegion = (value: string | undefined): value is TRegion =>
  value !== undefined && (REGIONS as readonly string[]).includes(value);

/**
 * The reports of a region (and theme) counted per country of that region, a report about
 * several countries once under each, as the brief counts them. Each country filters the list
 * further; countries named from outside the region are listed apart, the region's unnamed
 * countries counted, so that missing input shows too.
 */
export function CountryBreakdown({ byCountry, query }: Props) {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const headingId = useId();
  const region = query.region;
  if (!isRegion(region)) return null;
  const regionName = labels.region(region);
  const members = new Set(countriesOf(region));
  const byCount = (a: [string, number], b: [string, number]) =>
    b[1] - a[1] || labels.country(a[0]).localeCompare(labels.country(b[0]), language);
  const entries = Object.entries(byCountry).filter(([, n]) => n > 0);
  const inside = entries.filter(([code]) => members.has(code)).sort(byCount);
  const outside = entries.filter(([code]) => !members.has(code)).sort(byCount);
  const unnamed = members.size - inside.length;
  const { page: _page, ...filters } = query;

  return (
    <section aria-labelledby={headingId} className="panel country-breakdown" data-testid="country-breakdown">
      <h2 id={headingId}>
        {query.theme
          ? t('admin.overviewLinks.byCountry.title', { theme: labels.theme(query.theme), region: regionName })
          : t('admin.overviewLinks.byCountry.titleRegion', { region: regionName })}
      </h2>
      <p className="hint">{t('admin.overviewLinks.byCountry.hint')}</p>
      {inside.length === 0 ? (
        <p>{t('admin.overviewLinks.byCountry.none', { region: regionName })}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption className="visually-hidden">{t('admin.overviewLinks.byCountry.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.overviewLinks.byCountry.country')}</th>
                <th scope="col" className="numeric">
                  {t('admin.overviewLinks.byCountry.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {inside.map(([code, n]) => (
                <tr key={code} data-testid="country-count" data-country={code} data-count={n}>
                  <th scope="row">
                    {query.country === code ? (
                      labels.country(code)
                    ) : (
                      <Link href={`/reports${queryString({ ...filters, country: code })}`}>{labels.country(code)}</Link>
                    )}
                  </th>
                  <td className="numeric">{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outside.length > 0 && (
        <p data-testid="countries-outside">
          {t('admin.overviewLinks.byCountry.outside', {
            region: regionName,
            countries: labels.list(outside.map(([code, n]) => `${labels.country(code)} ${n}`)),
          })}
        </p>
      )}
      {unnamed > 0 && (
        <p className="hint">{t('admin.overviewLinks.byCountry.unnamed', { region: regionName, count: unnamed })}</p>
      )}
    </section>
  );
}
