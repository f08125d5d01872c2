import type { NotificationContext } from '../../outbox/notification-context.js';
import type { MailSettings, OutgoingMail } from '../outgoing-mail.js';
import { renderConfirmation } from './confirmation.js';

type Renderer = (ctx: NotificationContext, settings: MailSettings) => OutgoingMail;

/** One renderer per notification kind; kinds without one are not sendable yet. */
const RENDERERS: Partial<Record<NotificationContext['notification']['kind'], Renderer>> = {
  confirmation: renderConfirmation,
};

export function rendererFor(kind: NotificationContext['notification']['kind']): Renderer | undefined {
  return RENDERERS[kind];
}
