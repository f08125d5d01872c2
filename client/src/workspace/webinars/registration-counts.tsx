import type { TAdminWebinar } from '@convene/shared';
import { useAdminTranslation } from '../i18n/admin-translation';

/**
 * Seats taken against the capacity, and the waiting list beside them: waitlisted people hold
 * no seat, so they are never counted "of" the capacity ("3 of 2" read as overbooked).
 */
export function RegistrationCounts({ webinar }: { webinar: TAdminWebinar }) {
  const { t } = useAdminTranslation();
  return (
    <>
      <span data-testid="webinar-confirmed">
        {webinar.capacity === null
          ? t('admin.outreach.confirmed', { count: webinar.confirmedCount })
          : t('admin.outreach.confirmedOf', { count: webinar.confirmedCount, capacity: webinar.capacity })}
      </span>
      {webinar.waitlistedCount > 0 && (
        <span className="hint count-detail" data-testid="webinar-waitlisted">
          {t('admin.outreach.waitlisted', { count: webinar.waitlistedCount })}
        </span>
      )}
    </>
  );
}
