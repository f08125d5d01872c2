import { CATALOG_LANGUAGES, countryOptions, REGIONS, REPORT_STATUSES } from '@convene/shared';
import { useMemo } from 'react';
import type { ReportQuery } from '../api/endpoints';
import { FilterBar, type FilterField } from '../components/filter-bar';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';

type Props = {
  query: ReportQuery;
  /** The address's query string: when it changes (back, forward, a link), the form follows. */
  queryKey: string;
  onApply: (query: ReportQuery) => void;
};

/** The filters of the reports list; applying them puts them in the address. */
export function ReportFilters({ query, onApply }: Props) {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  const countries = useMemo(() => countryOptions(language), [language]);
  const { page: _page, ...filters } = query;

  const fields: FilterField[] = [
    { kind: 'search', name: 'q', label: t('admin.reports.q'), hint: t('admin.reports.qHint'), wide: true },
    {
      kind: 'select',
      name: 'theme',
      label: t('admin.reports.theme'),
      options: labels.themeList.map((theme) => ({ value: theme.slug, label: labels.theme(theme.slug) })),
    },
    {
      kind: 'select',
      name: 'region',
      label: t('admin.reports.region'),
      options: REGIONS.map((r) => ({ value: r, label: labels.region(r) })),
    },
    {
      kind: 'select',
      name: 'country',
      label: t('admin.reports.country'),
      options: countries.map((c) => ({ value: c.code, label: c.name })),
    },
    {
      kind: 'select',
      name: 'language',
      label: t('admin.reports.language'),
      options: CATALOG_LANGUAGES.map((l) => ({ value: l, label: labels.language(l) })),
    },
    {
      kind: 'select',
      name: 'status',
      label: t('admin.reports.status'),
      options: REPORT_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
    },
    {
      kind: 'select',
      name: 'merged',
      label: t('admin.duplicates.filter'),
      anyLabel: t('admin.duplicates.filterHidden'),
      options: [
        { value: 'include', label: t('admin.duplicates.filterInclude') },
        { value: 'only', label: t('admin.duplicates.filterOnly') },
      ],
    },
    {
      kind: 'select',
      name: 'withdrawn',
      label: t('admin.reports.withdrawnFilter'),
      anyLabel: t('admin.reports.withdrawnFilterInclude'),
      options: [
        { value: 'exclude', label: t('admin.reports.withdrawnFilterExclude') },
        { value: 'only', label: t('admin.reports.withdrawnFilterOnly') },
      ],
    },
    { kind: 'date', name: 'from', label: t('admin.reports.from'), describedBy: 'filter-dates-hint' },
    { kind: 'date', name: 'to', label: t('admin.reports.to'), describedBy: 'filter-dates-hint' },
  ];

  return (
    <FilterBar
      title={t('admin.reports.filters')}
      fields={fields}
      values={filters}
      onApply={(values) => onApply(values as ReportQuery)}
      applyLabel={t('admin.reports.apply')}
      clearLabel={t('admin.reports.reset')}
      testId="report-filters"
    >
      <p id="filter-dates-hint" className="hint filters-hint">
        {t('admin.reports.datesHint', { zone: zoneName })}
      </p>
    </FilterBar>
  );
}
