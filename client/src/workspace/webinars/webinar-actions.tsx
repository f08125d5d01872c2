import type { TAdminWebinar } from '@convene/shared';
import { useRef } from 'react';
import { useResource } from '../components/use-resource';
import { useAdminTranslation } from '../i18n/admin-translation';
import { listWebinarRegistrations } from './attendance-api';
import { AttendanceSummary } from './attendance-summary';
import { CancelWebinarPanel } from './cancel-webinar-panel';
import { CompleteWebinarPanel } from './complete-webinar-panel';
import { WebinarDetailsForm } from './webinar-details-form';

type Props = {
  webinar: TAdminWebinar;
  /** False for a scoped coordinator: webinars are programme-wide, the API refuses their changes. */
  canChange: boolean;
  onChanged: (webinar: TAdminWebinar) => void;
  /** Loads the webinars again (when the server's copy turns out to differ). */
  reload: () => void;
  announce: (text: string) => void;
};

/**
 * Below an existing webinar's heading: its details form (edit, reschedule), its attendance,
 * and the actions its status allows (complete once over, cancel while open).
 */
export function WebinarActions({ webinar, canChange, onChanged, reload, announce }: Props) {
  const { t } = useAdminTranslation();
  // Counted again when the status moves on: completion freezes attendance and queues follow-ups.
  const [registrations, reloadRegistrations] = useResource(`registrations:${webinar.id}:${webinar.status}`, (signal) =>
    listWebinarRegistrations(webinar.id, signal),
  );
  const attendanceRef = useRef<HTMLHeadingElement>(null);
  const open = webinar.status === 'draft' || webinar.status === 'scheduled';
  return (
    <>
      {open && canChange && <WebinarDetailsForm webinar={webinar} onSaved={onChanged} />}
      {webinar.status !== 'draft' && (
        <AttendanceSummary
          webinar={webinar}
          registrations={registrations}
          onRetry={reloadRegistrations}
          headingRef={attendanceRef}
        />
      )}
      {webinar.status === 'scheduled' && canChange && (
        <CompleteWebinarPanel
          webinar={webinar}
          registrations={registrations}
          reloadRegistrations={reloadRegistrations}
          reloadWebinar={reload}
          onDone={(w) => {
            onChanged(w);
            announce(t('admin.webinars.complete.done'));
            // The panel goes with the scheduled status: the reader lands on what completion did.
            window.setTimeout(() => attendanceRef.current?.focus(), 0);
          }}
        />
      )}
      {open && canChange && (
        <CancelWebinarPanel
          webinar={webinar}
          onDone={(w) => {
            onChanged(w);
            announce(t('admin.webinars.cancel.done'));
          }}
        />
      )}
    </>
  );
}
