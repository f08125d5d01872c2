import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { renderCancellation } from './cancellation.js';
import { renderConfirmation } from './confirmation.js';
import { renderFollowUp } from './follow-up.js';
import { renderFollowUpAbsentee } from './follow-up-absentee.js';
import { renderInvitation } from './invitation.js';
import { renderReminder } from './reminder.js';
import { renderReschedule } from './reschedule.js';
import { renderWaitlistPromotion } from './waitlist-promotion.js';

type Renderer = (ctx: NotificationContext, settings: MailSettings) => OutgoingMail;

/** One renderer per notification kind; kinds without one are not sendable yet. */
const RENDERERS: Partial<Record<NotificationContext['notification']['kind'], Renderer>> = {
  invitation: renderInvitation,
  confirmation: renderConfirmation,
  reminder: renderReminder,
  reschedule: renderReschedule,
  cancellation: renderCancellation,
  waitlist_promotion: renderWaitlistPromotion,
  follow_up: renderFollowUp,
  follow_up_absentee: renderFollowUpAbsentee,
};

export function rendererFor(kind: NotificationContext['notification']['kind']): Renderer | undefined {
  return RENDERERS[kind];
}
