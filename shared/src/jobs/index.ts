import { z } from 'zod';
import { ZUuid } from '../schemas/common.js';

/*
 * Queues and jobs. Payloads carry ids only — never an email address, a name or report
 * text — because Redis is transport, not the place for personal data.
 */
export const QUEUES = { mail: 'mail', schedules: 'schedules' } as const;

export const JOBS = {
  sendNotification: 'send-notification',
  reconcileOutbox: 'reconcile-outbox',
} as const;

export const ZSendNotificationJob = z.strictObject({ notificationId: ZUuid });
export type TSendNotificationJob = z.infer<typeof ZSendNotificationJob>;

export const ZReconcileOutboxJob = z.strictObject({});
export type TReconcileOutboxJob = z.infer<typeof ZReconcileOutboxJob>;

/** Deterministic BullMQ job id of a notification (ids must not contain ":"). */
export function notificationJobId(notificationId: string): string {
  return `notif-${notificationId}`;
}

/** The id of the reconciler's job scheduler. */
export const RECONCILER_SCHEDULER_ID = 'reconcile-outbox-every-minute';
export * from './retry-policy.js';
