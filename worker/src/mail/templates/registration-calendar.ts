import type { RegistrationRow, WebinarRow } from '../../outbox/notification-context.js';
import type { MailSettings } from '../outgoing-mail.js';
import { calendarEvent, registrantMailFor } from './registrant-mail.js';

/**
 * A registration's calendar event as a file to download (METHOD:PUBLISH), built by the same
 * code as the mails' attachments: same UID, same SEQUENCE, the registrant's language.
 */
export function registrationIcs(webinar: WebinarRow, registration: RegistrationRow, settings: MailSettings): string {
  return calendarEvent(registrantMailFor(webinar, registration, settings), 'PUBLISH');
}
