import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import type { AccountRenderer } from './account-mail.js';
import { renderAccountInvitation } from './account-invitation.js';
import { renderCancellation } from './cancellation.js';
import { renderConfirmation } from './confirmation.js';
import { renderFollowUp } from './follow-up.js';
import { renderFollowUpAbsentee } from './follow-up-absentee.js';
import { renderInvitation } from './invitation.js';
import { renderPasswordReset } from './password-reset.js';
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

/** The notification kinds that have a renderer: every mail the worker can send. */
export function renderedKinds(): NotificationContext['notification']['kind'][] {
  return Object.keys(RENDERERS) as NotificationContext['notification']['kind'][];
}

/** Mails to coordinator accounts (no webinar behind them). */
const ACCOUNT_RENDERERS: Partial<Record<NotificationContext['notification']['kind'], AccountRenderer>> = {
  account_invitation: renderAccountInvitation,
  password_reset: renderPasswordReset,
};

export function accountRendererFor(kind: NotificationContext['notification']['kind']): AccountRenderer | undefined {
  return ACCOUNT_RENDERERS[kind];
}
