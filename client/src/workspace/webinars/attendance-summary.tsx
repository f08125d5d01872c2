import type { TAdminWebinar, TRegistrantList } from '@convene/shared';
import type { Ref } from 'react';
import { ErrorNotice } from '../components/errors';
import type { Resource } from '../components/use-resource';
import { useAdminTranslation, type AdminKey } from '../i18n/admin-translation';
import { usePassed } from './webinar-timing';

type Props = {
  webinar: TAdminWebinar;
  registrations: Resource<TRegistrantList>;
  onRetry: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
};

/**
 * A webinar's attendance at a glance, from its registrations' true counts: places and the
 * waiting list; who attended and who missed it once it has started; once completed, the
 * follow-ups that completion queued (one per attendee, one per confirmed absentee).
 */
export function AttendanceSummary({ webinar, registrations, onRetry, headingRef }: Props) {
  const { t } = useAdminTranslation();
  const started = usePassed(Date.parse(webinar.startsAt));
  const attendanceKnown = started && webinar.status !== 'cancelled' && webinar.status !== 'draft';

  const rows = (counts: TRegistrantList['counts']): [string, AdminKey, number][] => [
    ['confirmed', 'admin.webinarCompletion.summary.confirmed', counts.confirmed],
    ['waitlisted', 'admin.webinarCompletion.summary.waitlisted', counts.waitlisted],
    ...(attendanceKnown
      ? ([
          ['attended', 'admin.webinarCompletion.summary.attended', counts.attended],
          ['absent', 'admin.webinarCompletion.summary.absent', counts.absentees],
        ] as [string, AdminKey, number][])
      : []),
    ...(webinar.status === 'completed'
      ? ([
          ['follow-ups-attendees', 'admin.webinarCompletion.summary.followUpAttendees', counts.attended],
          ['follow-ups-absentees', 'admin.webinarCompletion.summary.followUpAbsentees', counts.absentees],
        ] as [string, AdminKey, number][])
      : []),
  ];

  return (
    <section aria-labelledby="attendance-title" className="panel" data-testid="attendance-summary">
      <h2 id="attendance-title" ref={headingRef} tabIndex={-1}>
        {t('admin.webinarCompletion.summary.title')}
      </h2>
      {registrations.state === 'loading' && (
        <p role="status" className="status">
          {t('admin.loading')}
        </p>
      )}
      {registrations.state === 'failed' && <ErrorNotice error={registrations.error} onRetry={onRetry} />}
      {registrations.state === 'ok' && (
        <dl className="facts-list" aria-busy={registrations.refreshing || undefined}>
          {rows(registrations.data.counts).map(([name, label, count]) => (
            <div key={name} className="facts-row">
              <dt>{t(label)}</dt>
              <dd data-testid={`attendance-${name}`}>{count}</dd>
            </div>
          ))}
        </dl>
      )}
      {!started && webinar.status === 'scheduled' && (
        <p className="hint">{t('admin.webinarCompletion.summary.notStarted')}</p>
      )}
    </section>
  );
}
