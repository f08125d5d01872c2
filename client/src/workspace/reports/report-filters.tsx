import { CATALOG_LANGUAGES, countryOptions, REGIONS, REPORT_STATUSES } from '@convene/shared';
import { useMemo, useState, type FormEvent } from 'react';
import type { ReportQuery } from '../api/endpoints';
import { useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';

type Props = {
  query: ReportQuery;
  /** The address's query string: when it changes (back, forward, a link), the form follows. */
  queryKey: string;
  onApply: (query: ReportQuery) => void;
};

type Key = Exclude<keyof ReportQuery, 'page'>;

/** The filters of the reports list; applying them puts them in the address. */
export function ReportFilters({ query, queryKey, onApply }: Props) {
  const { t, language } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  const [values, setValues] = useState<ReportQuery>(query);
  const [shown, setShown] = useState(queryKey);
  if (shown !== queryKey) {
    setShown(queryKey);
    setValues(query);
  }
  const countries = useMemo(() => countryOptions(language), [language]);

  const set = (key: Key) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { page: _page, ...filters } = values;
    onApply(filters);
  };

  const select = (key: Key, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select id={`filter-${key}`} name={key} value={values[key] ?? ''} onChange={set(key)}>
        <option value="">{t('admin.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <form
      className="filters"
      onSubmit={submit}
      role="search"
      aria-labelledby="filters-title"
      data-testid="report-filters"
    >
      <h2 id="filters-title" className="visually-hidden">
        {t('admin.reports.filters')}
      </h2>
      <div className="field filters-q">
        <label htmlFor="filter-q">{t('admin.reports.q')}</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          value={values.q ?? ''}
          onChange={set('q')}
          maxLength={200}
          aria-describedby="filter-q-hint"
        />
        <span id="filter-q-hint" className="hint">
          {t('admin.reports.qHint')}
        </span>
      </div>
      {select(
        'theme',
        t('admin.reports.theme'),
        labels.themeList.map((theme) => ({ value: theme.slug, label: labels.theme(theme.slug) })),
      )}
      {select(
        'region',
        t('admin.reports.region'),
        REGIONS.map((r) => ({ value: r, label: labels.region(r) })),
      )}
      {select(
        'country',
        t('admin.reports.country'),
        countries.map((c) => ({ value: c.code, label: c.name })),
      )}
      {select(
        'language',
        t('admin.reports.language'),
        CATALOG_LANGUAGES.map((l) => ({ value: l, label: labels.language(l) })),
      )}
      {select(
        'status',
        t('admin.reports.status'),
        REPORT_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
      )}
      <div className="field">
        <label htmlFor="filter-from">{t('admin.reports.from')}</label>
        <input
          id="filter-from"
          name="from"
          type="date"
          value={values.from ?? ''}
          onChange={set('from')}
          aria-describedby="filter-dates-hint"
        />
      </div>
      <div className="field">
        <label htmlFor="filter-to">{t('admin.reports.to')}</label>
        <input
          id="filter-to"
          name="to"
          type="date"
          value={values.to ?? ''}
          onChange={set('to')}
          aria-describedby="filter-dates-hint"
        />
      </div>
      <p id="filter-dates-hint" className="hint filters-hint">
        {t('admin.reports.datesHint', { zone: zoneName })}
      </p>
      <div className="filters-actions">
        <button type="submit" className="button">
          {t('admin.reports.apply')}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setValues({});
            onApply({});
          }}
        >
          {t('admin.reports.reset')}
        </button>
      </div>
    </form>
  );
}
