import type { TAdminReport } from '@convene/shared';
import type { ReactNode } from 'react';
import { Instant } from '../components/instant';
import { useLabels } from '../components/labels';
import { useAdminTranslation } from '../i18n/admin-translation';

/** Everything about a report but its texts, as a description list. Submitted values are text. */
export function ReportFacts({ report }: { report: TAdminReport }) {
  const { t } = useAdminTranslation();
  const labels = useLabels();
  const rows: [string, ReactNode, string][] = [
    [t('admin.report.received'), <Instant value={report.createdAt} long />, 'received'],
    [t('admin.report.language'), labels.language(report.language), 'language'],
    [t('admin.report.region'), labels.region(report.region), 'region'],
    [t('admin.report.countries'), labels.list(report.countries.map(labels.country)) || t('admin.none'), 'countries'],
    [
      t('admin.report.corridor'),
      report.corridor
        ? t('admin.report.corridorValue', {
            origin: labels.country(report.corridor.origin),
            destination: labels.country(report.corridor.destination),
          })
        : t('admin.none'),
      'corridor',
    ],
    [t('admin.report.webinar'), report.webinarSlug ?? t('admin.none'), 'webinar'],
    [
      t('admin.report.affectedGroups'),
      labels.list(report.affectedGroups.map(labels.group)) || t('admin.none'),
      'affected-groups',
    ],
    [t('admin.report.consent'), labels.consent(report.consent), 'consent'],
    [
      t('admin.report.consentVersion'),
      report.consentVersion ?? t('admin.report.consentVersionNone'),
      'consent-version',
    ],
  ];
  return (
    <dl className="facts-list" data-testid="report-facts">
      {rows.map(([label, value, id]) => (
        <div className="facts-row" key={id}>
          <dt>{label}</dt>
          <dd data-testid={`fact-${id}`}>{value}</dd>
        </div>
      ))}
      <div className="facts-row">
        <dt>{t('admin.report.submitter')}</dt>
        <dd data-testid="fact-submitter">
          {report.anonymous ? (
            t('admin.report.anonymous')
          ) : (
            <ul className="plain-list">
              {report.organization && (
                <li>
                  {t('admin.report.organization')}: <span dir="auto">{report.organization}</span>
                </li>
              )}
              {report.contactName && (
                <li>
                  {t('admin.report.contactName')}: <span dir="auto">{report.contactName}</span>
                </li>
              )}
              {report.contactEmail && (
                <li>
                  {t('admin.report.contactEmail')}: <span dir="ltr">{report.contactEmail}</span>
                </li>
              )}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
