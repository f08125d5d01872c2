import type { TPublicWebinar } from '@convene/shared';
import { Link } from 'wouter';
import { useTranslation } from '../../common/i18n/use-translation';

/** Whether the webinar still takes registrations: the server's rule (scheduled and not over). */
function isOpen(webinar: TPublicWebinar, now = Date.now()): boolean {
  const endsAt = Date.parse(webinar.startsAt) + webinar.durationMinutes * 60_000;
  return webinar.status === 'scheduled' && endsAt > now;
}

/**
 * After cancelling: the way back to the registration form the cancellation mail promises,
 * saying first when a new registration would join the waiting list, or cannot be made.
 */
export function RegisterAgain({ webinar }: { webinar: TPublicWebinar }) {
  const { t } = useTranslation();
  const open = isOpen(webinar);
  const full = webinar.seatsLeft === 0;
  return (
    <section className="manage-section" aria-labelledby="manage-again-title" data-testid="manage-again">
      <h2 id="manage-again-title">{t('manageSelfService.againTitle')}</h2>
      {!open ? (
        <p className="notice" data-testid="manage-again-closed">
          {t('manageSelfService.againClosed')}
        </p>
      ) : (
        <>
          <p className={full ? 'notice' : undefined} data-testid={full ? 'manage-again-full' : undefined}>
            {full ? t('manageSelfService.againFull') : t('manageSelfService.againOpen')}
          </p>
          <p>
            <Link
              href={`/webinars/${encodeURIComponent(webinar.slug)}`}
              className="button"
              data-testid="manage-register-again"
            >
              {t('manageSelfService.registerAgain')}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
