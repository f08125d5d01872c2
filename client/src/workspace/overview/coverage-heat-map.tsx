import type { TOverview } from '@convene/shared';
import { Link } from 'wouter';
import { queryString } from '../api/endpoints';
import { useAdminTranslation } from '../i18n/admin-translation';
import { useLabels } from '../components/labels';
import { pluralKey } from '../components/plural';

/** 0 for none, else 1–4 by the share of the largest cell: the shade of a cell. */
function level(count: number, max: number): number {
  return count === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4));
}

/**
 * Reports per theme × region as a table: every count is text, shading only repeats it, and a
 * cell without reports says "no input" in words and with a hatched background. A count is a
 * link to the reports list filtered by its theme and region ("3 reports on … in Africa").
 */
export function CoverageHeatMap({ coverage }: { coverage: TOverview['coverage'] }) {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const max = Math.max(
    1,
    ...coverage.themes.flatMap((theme) => coverage.regions.map((r) => coverage.counts[theme.slug]?.[r] ?? 0)),
  );
  return (
    <div className="table-scroll">
      <table className="data-table heat-map" data-testid="coverage-heat-map">
        <caption className="visually-hidden">{t('admin.overview.coverage.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.overview.coverage.theme')}</th>
            {coverage.regions.map((region) => (
              <th scope="col" key={region} className="numeric">
                {labels.region(region)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {coverage.themes.map((theme) => {
            const name = labels.localized(theme.name);
            return (
              <tr key={theme.slug}>
                <th scope="row">{name}</th>
                {coverage.regions.map((region) => {
                  const count = coverage.counts[theme.slug]?.[region] ?? 0;
                  return (
                    <td
                      key={region}
                      className={`numeric heat heat-${level(count, max)}`}
                      data-testid="coverage-cell"
                      data-theme={theme.slug}
                      data-region={region}
                      data-count={count}
                    >
                      {count === 0 ? (
                        <span className="no-input">{t('admin.overview.coverage.noInput')}</span>
                      ) : (
                        <Link
                          href={`/reports${queryString({ theme: theme.slug, region })}`}
                          className="heat-link"
                          data-testid="coverage-link"
                          aria-label={t(pluralKey('admin.overviewLinks.cell', language, count), {
                            count,
                            theme: name,
                            region: labels.region(region),
                          })}
                        >
                          {count}
                        </Link>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
