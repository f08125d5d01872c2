import { z } from 'zod';
import { ZInstant, ZUuid } from './common.js';

/** One message kept by the local outbox transport (used when SMTP_URL is unset). */
export const ZOutboxMessage = z.object({
  id: ZUuid,
  notificationId: ZUuid,
  to: z.string(),
  subject: z.string(),
  messageId: z.string(),
  createdAt: ZInstant,
});
export const ZOutboxList = z.object({ messages: z.array(ZOutboxMessage) });
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;
