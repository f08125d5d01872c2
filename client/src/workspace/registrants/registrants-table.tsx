import type { TRegistrant } from '@convene/shared';
import type { ApiError } from '../../common/api/http';
import { DataTable, type Column } from '../components/data-table';
import { Instant, useInstantFormat } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';
import { AttendanceCheckbox } from './attendance-checkbox';
import { RegistrantActions } from './registrant-actions';
import type { RegistrantPermissions } from './registrant-permissions';

/** The id of the element naming a registrant's row: the focus goes there after an action on them. */
export const registrantAnchor = (id: string) => `registrant-${id}`;

type Props = {
  webinarId: string;
  rows: readonly TRegistrant[] | undefined;
  refreshing: boolean;
  error?: ApiError;
  onRetry: () => void;
  /** Filters are in force: an empty list says nobody matches, not that nobody registered. */
  filtered: boolean;
  permissions: RegistrantPermissions;
  capacity: number | null;
  /** The attendance column exists once the webinar has started. */
  started: boolean;
  onChanged: (registrant: TRegistrant, message: string, moveFocus?: boolean) => void;
  announce: (message: string) => void;
  onStale: () => void;
};

/** A webinar's registrants in the order they registered (the waiting list's order), with their actions. */
export function RegistrantsTable(props: Props) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const { zoneName } = useInstantFormat();
  const { permissions } = props;

  const columns: Column<TRegistrant>[] = [
    {
      key: 'name',
      header: t('admin.registrantsPage.columns.name'),
      rowHeader: true,
      dir: 'auto',
      cell: (r) => (
        <span id={registrantAnchor(r.id)} tabIndex={-1}>
          {r.erasedAt ? <em>{t('admin.registrantsPage.erased')}</em> : r.name}
        </span>
      ),
    },
    { key: 'email', header: t('admin.registrantsPage.columns.email'), dir: 'ltr', cell: (r) => r.email },
    {
      key: 'organization',
      header: t('admin.registrantsPage.columns.organization'),
      dir: 'auto',
      cell: (r) => r.organization,
    },
    { key: 'country', header: t('admin.registrantsPage.columns.country'), cell: (r) => labels.country(r.country) },
    { key: 'language', header: t('admin.registrantsPage.columns.language'), cell: (r) => labels.language(r.language) },
    {
      key: 'registeredAt',
      header: (
        <>
          {t('admin.registrantsPage.columns.registeredAt')}
          <span className="visually-hidden"> ({zoneName})</span>
        </>
      ),
      nowrap: true,
      cell: (r) => <Instant value={r.registeredAt} />,
    },
    {
      // Which consent wording they agreed to (consent-versions.ts), and when.
      key: 'consent',
      header: t('admin.registrantsPage.columns.consent'),
      testId: 'registrant-consent',
      nowrap: true,
      cell: (r) => r.consentVersion ?? t('admin.report.consentVersionNone'),
    },
    {
      key: 'status',
      header: t('admin.registrantsPage.columns.status'),
      testId: 'registrant-status',
      cell: (r) => (
        <span className={`status-badge registrant-${r.status}`} data-status={r.status}>
          {t(`admin.registrantsPage.statuses.${r.status}`)}
        </span>
      ),
    },
    ...(props.started
      ? [
          {
            key: 'attended',
            header: t('admin.registrantsPage.columns.attended'),
            testId: 'registrant-attended',
            cell: (r: TRegistrant) =>
              r.status === 'cancelled' ? null : (
                <AttendanceCheckbox
                  webinarId={props.webinarId}
                  registrant={r}
                  editable={permissions.tick(r)}
                  onChanged={props.onChanged}
                />
              ),
          },
        ]
      : []),
  ];

  return (
    <DataTable
      caption={t('admin.registrantsPage.listCaption')}
      columns={columns}
      rows={props.rows}
      rowKey={(r) => r.id}
      refreshing={props.refreshing}
      error={props.error}
      onRetry={props.onRetry}
      empty={props.filtered ? t('admin.registrantsPage.noMatch') : t('admin.registrantsPage.nobody')}
      testId="registrants-table"
      rowProps={(r) => ({ 'data-testid': 'registrant-row', 'data-registrant-id': r.id, 'data-email': r.email })}
      actionsHeader={t('admin.registrantsPage.columns.actions')}
      rowActions={
        permissions.manage
          ? (r) => (
              <RegistrantActions
                webinarId={props.webinarId}
                registrant={r}
                permissions={permissions}
                capacity={props.capacity}
                onChanged={props.onChanged}
                announce={props.announce}
                onStale={props.onStale}
              />
            )
          : undefined
      }
    />
  );
}
