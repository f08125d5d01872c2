import { z } from 'zod';
import { ZEmail, ZInstant, ZLanguage, ZSlug, ZUuid } from './common.js';
import { ZRole } from './auth.js';
import { ZRegion } from './report.js';

/** A coordinator account as admins see it. A null scope means every region / every theme. */
export const ZAccount = z.object({
  id: ZUuid,
  email: z.string(),
  role: ZRole,
  regionScope: z.array(ZRegion).nullable(),
  themeScope: z.array(z.string()).nullable(),
  active: z.boolean(),
  /** Invited and not yet accepted. */
  invited: z.boolean(),
  /** The language of the account's mails. */
  language: ZLanguage,
  lastLoginAt: ZInstant.nullable(),
  createdAt: ZInstant,
});
export type TAccount = z.infer<typeof ZAccount>;

const scope = <T extends z.ZodType>(item: T) => z.array(item).max(50, { error: 'too_many' }).nullable().optional();

export const ZInviteAccount = z.strictObject({
  email: ZEmail,
  role: ZRole,
  regionScope: scope(ZRegion),
  themeScope: scope(ZSlug),
  /** The language of the invitation mail (and the account's later mails). */
  language: ZLanguage.default('en'),
});
export type TInviteAccount = z.infer<typeof ZInviteAccount>;

export const ZUpdateAccount = z
  .strictObject({
    role: ZRole.optional(),
    regionScope: scope(ZRegion),
    themeScope: scope(ZSlug),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, { error: 'empty_update' });
export type TUpdateAccount = z.infer<typeof ZUpdateAccount>;

/**
 * The invitation link (single use, expiring) is mailed to the invited person. Only when mail
 * stays in the local outbox (no SMTP) does the admin see it, once, to pass it on.
 */
export const ZInvitationCreated = z.object({
  account: ZAccount,
  inviteUrl: z.string().nullable(),
  expiresAt: ZInstant,
});

export const ZAcceptInvitation = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string({ error: 'required' }).min(12, { error: 'password_too_short' }).max(1024, { error: 'too_long' }),
});
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

export const ZAuditEntry = z.object({
  id: ZUuid,
  actorEmail: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: ZInstant,
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
