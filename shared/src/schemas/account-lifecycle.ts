import { z } from 'zod';

const newPassword = z
  .string({ error: 'required' })
  .min(12, { error: 'password_too_short' })
  .max(1024, { error: 'too_long' });

/**
 * "Forgot password". The address is not checked for format: a stored account's address is
 * answered like any other, and a malformed one like an unknown one (no enumeration either way).
 */
export const ZPasswordResetRequest = z.strictObject({
  email: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(320, { error: 'too_long' }),
});
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

/** The mailed link's token and the new password. */
export const ZPasswordReset = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPassword,
});
export type TPasswordReset = z.infer<typeof ZPasswordReset>;

/** A signed-in coordinator changes their own password: the current one is required. */
export const ZChangePassword = z.strictObject({
  currentPassword: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024, { error: 'too_long' }),
  newPassword,
});
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** The answer to a reset request: the same whatever the address. */
export const ZPasswordResetRequested = z.object({ accepted: z.literal(true) });

/**
 * The signed-in coordinator's own profile: the name briefs and the workspace show for them
 * (a frozen brief's "frozen by"), never their email address. Empty: no name (briefs then say
 * "a coordinator").
 */
export const ZAccountProfile = z.object({
  displayName: z.string().trim().max(120, { error: 'too_long' }).nullable(),
});
export type TAccountProfile = z.infer<typeof ZAccountProfile>;
