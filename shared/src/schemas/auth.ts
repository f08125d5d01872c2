import { z } from 'zod';
import { ZUuid } from './common.js';

export const ZRole = z.enum(['admin', 'coordinator']);
export type TRole = z.infer<typeof ZRole>;

/*
 * Sign-in looks an address up; it does not judge its format. Accounts can hold addresses
 * that a strict email check refuses (the generated first admin is admin@localhost), so only
 * something address-like of a sane length is asked for, and the look-up decides.
 */
export const ZLoginEmail = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .max(254, { error: 'too_long' })
  .regex(/^[^\s@]+@[^\s@]+$/, { error: 'invalid_email' });

export const ZLogin = z.strictObject({
  email: ZLoginEmail,
  password: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024, { error: 'too_long' }),
});
export type TLogin = z.infer<typeof ZLogin>;

export const ZSessionUser = z.object({ id: ZUuid, email: z.string(), role: ZRole });
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZMe = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TMe = z.infer<typeof ZMe>;

export const ZCsrfToken = z.object({ csrfToken: z.string() });
