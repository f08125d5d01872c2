import { z } from 'zod';
import { ZEmail, ZInstant, ZSlug, ZUuid } from './common.js';
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

/** The invitation link (single use, expiring) goes to the invited person; the admin sees it once. */
export const ZInvitationCreated = z.object({ account: ZAccount, inviteUrl: z.string(), expiresAt: ZInstant });

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
