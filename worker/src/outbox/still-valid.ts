import type { NotificationContext } from './notification-context.js';

/**
 * Checked at send time, after the claim: mail that no longer makes sense is skipped, so a
 * stale delayed job never sends anything. Returns the reason to skip, or null to send.
 */
export function reasonToSkip({ notification, webinar, registration }: NotificationContext): string | null {
  if (notification.registrationId && !registration) return 'registration_deleted';
  switch (notification.kind) {
    case 'confirmation':
      // Rendered with the webinar as it is now, so a change of time does not void it.
      if (webinar.status === 'cancelled') return 'webinar_cancelled';
      if (registration?.status === 'cancelled') return 'registration_cancelled';
      return null;
    default:
      if (webinar.status === 'cancelled') return 'webinar_cancelled';
      if (notification.webinarVersion !== webinar.version) return 'webinar_version_changed';
      if (registration?.status === 'cancelled') return 'registration_cancelled';
      return null;
  }
}
