import type { NotificationContext } from './notification-context.js';

/**
 * Checked at send time, after the claim: mail that no longer makes sense is skipped, so a
 * stale delayed job never sends anything. Returns the reason to skip, or null to send.
 */
export function reasonToSkip({ notification, webinar, registration, contact }: NotificationContext): string | null {
  if (notification.registrationId && !registration) return 'registration_deleted';
  if (notification.contactId && !contact) return 'contact_deleted';
  const registrationCancelled = registration?.status === 'cancelled';
  switch (notification.kind) {
    case 'confirmation':
      // Rendered with the webinar as it is now, so a change of time does not void it.
      if (webinar.status === 'cancelled') return 'webinar_cancelled';
      return registrationCancelled ? 'registration_cancelled' : null;
    case 'cancellation':
      return webinar.status === 'cancelled' || registrationCancelled ? null : 'nothing_cancelled';
    case 'follow_up':
      if (webinar.status !== 'completed') return 'webinar_not_completed';
      return registrationCancelled ? 'registration_cancelled' : null;
    case 'follow_up_absentee':
      if (webinar.status !== 'completed') return 'webinar_not_completed';
      if (registrationCancelled) return 'registration_cancelled';
      // Marked as attended since: the "sorry we missed you" would be wrong.
      return registration?.attendedAt ? 'registration_attended' : null;
    case 'invitation':
      if (webinar.status !== 'scheduled') return `webinar_${webinar.status}`;
      if (webinar.startsAt.getTime() + webinar.durationMinutes * 60_000 <= Date.now()) return 'webinar_over';
      if (contact?.unsubscribedAt) return 'contact_unsubscribed';
      if (contact?.undeliverableAt) return 'contact_undeliverable';
      return null;
    case 'reminder':
    case 'waitlist_promotion':
      if (webinar.status !== 'scheduled') return `webinar_${webinar.status}`;
      if (notification.webinarVersion !== webinar.version) return 'webinar_version_changed';
      return registration?.status === 'confirmed' ? null : 'registration_not_confirmed';
    default:
      if (webinar.status !== 'scheduled') return `webinar_${webinar.status}`;
      if (notification.webinarVersion !== webinar.version) return 'webinar_version_changed';
      return registrationCancelled ? 'registration_cancelled' : null;
  }
}
