import { z } from 'zod';
import { ZUuid } from './common.js';
import { ZRegion } from './report.js';

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

/**
 * The session's user with their scope as the database has it now (null = all), so that the
 * workspace hides what the API would refuse them.
 */
export const ZSignedInUser = ZSessionUser.extend({
  regionScope: z.array(ZRegion).nullable(),
  themeScope: z.array(z.string()).nullable(),
});
export type TSignedInUser = z.infer<typeof ZSignedInUser>;

export const ZMe = z.object({ user: ZSignedInUser, csrfToken: z.string() });
export type TMe = z.infer<typeof ZMe>;

export const ZCsrfToken = z.object({ csrfToken: z.string() });
