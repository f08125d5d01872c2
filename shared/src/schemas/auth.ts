import { z } from 'zod';
import { ZEmail, ZUuid } from './common.js';

export const ZRole = z.enum(['admin', 'coordinator']);
export type TRole = z.infer<typeof ZRole>;

export const ZLogin = z.strictObject({
  email: ZEmail,
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024, { error: 'too_long' }),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZSessionUser = z.object({ id: ZUuid, email: z.string(), role: ZRole });
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZMe = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TMe = z.infer<typeof ZMe>;

export const ZCsrfToken = z.object({ csrfToken: z.string() });
