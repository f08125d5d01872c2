import { EVENTS } from '@convene/shared';
import { loadAdminSchemas } from '../api/admin-request';
import { useLiveEvent } from '../live/live-connection';

/**
 * Calls `onWithdrawn(reportId)` for each `report:withdrawn` event: a reporter took a report back
 * (the event carries its id only; what to show is read again from the API).
 */
export function useReportWithdrawn(onWithdrawn: (reportId: string) => void): void {
  useLiveEvent(EVENTS.reportWithdrawn, (payload) => {
    loadAdminSchemas().then(
      (s) => {
        const parsed = s.ZReportWithdrawnEvent.safeParse(payload);
        if (parsed.success) onWithdrawn(parsed.data.reportId);
      },
      () => undefined, // no schemas: the page shows it at the next load
    );
  });
}
