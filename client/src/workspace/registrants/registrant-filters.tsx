import { FilterBar, type FilterField, type FilterValues } from '../components/filter-bar';
import { useAdminTranslation } from '../i18n/admin-translation';
import { REGISTRANT_STATUSES } from './registrants-api';

/** Search words (name, email, organization) and one status, applied together. */
export function RegistrantFilters({
  values,
  onApply,
}: {
  values: FilterValues;
  onApply: (values: FilterValues) => void;
}) {
  const { t } = useAdminTranslation();
  const fields: FilterField[] = [
    {
      kind: 'search',
      name: 'q',
      label: t('admin.registrantsPage.q'),
      hint: t('admin.registrantsPage.qHint'),
      wide: true,
    },
    {
      kind: 'select',
      name: 'status',
      label: t('admin.registrantsPage.status'),
      anyLabel: t('admin.registrantsPage.anyStatus'),
      options: REGISTRANT_STATUSES.map((s) => ({ value: s, label: t(`admin.registrantsPage.statuses.${s}`) })),
    },
  ];
  return (
    <FilterBar
      title={t('admin.registrantsPage.filters')}
      fields={fields}
      values={values}
      onApply={onApply}
      idPrefix="registrants-filter"
      testId="registrant-filters"
    />
  );
}
