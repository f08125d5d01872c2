import { z } from 'zod';
import { freeText, ZEmail, ZInstant, ZUuid } from './common.js';
import { PHONE_PATTERN, REPORT_LIMITS } from './report-limits.js';

/*
 * Contracts of the end-to-end encrypted identity of named reporters (format and crypto:
 * shared/src/crypto/identity-envelope.ts). The server checks shapes and sizes only: it can
 * read neither an envelope nor a wrapped key.
 */

const b64url = (min: number, max: number) =>
  z
    .string({ error: 'invalid_identity' })
    .min(min, { error: 'invalid_identity' })
    .max(max, { error: 'invalid_identity' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'invalid_identity' });

/** A P-256 public key as JWK; coordinates are 32 bytes, 43 base64url characters. */
export const ZEcPublicJwk = z.strictObject({
  kty: z.literal('EC', { error: 'invalid_identity' }),
  crv: z.literal('P-256', { error: 'invalid_identity' }),
  x: b64url(43, 43),
  y: b64url(43, 43),
});

/**
 * The sealed {name, email, phone}: the plain JSON is at most ≈ 2 KB (limits below, 4 bytes a
 * character at worst), so 4,096 base64url characters of ciphertext bound it with room.
 */
export const ZIdentityEnvelope = z.strictObject(
  {
    v: z.literal(1, { error: 'invalid_identity' }),
    kid: z.uuid({ error: 'invalid_identity' }),
    epk: ZEcPublicJwk,
    iv: b64url(16, 16),
    // 16 bytes of GCM tag at least.
    ct: b64url(22, 4096),
  },
  { error: 'invalid_identity' },
);
export type TIdentityEnvelope = z.infer<typeof ZIdentityEnvelope>;

/** What a named reporter types to be contacted; checked in the browser only, before sealing. */
export const ZReporterIdentity = z.strictObject({
  name: freeText(REPORT_LIMITS.contactName).optional().default(''),
  email: z
    .union([z.literal(''), ZEmail])
    .optional()
    .default(''),
  phone: z
    .string()
    .trim()
    .max(REPORT_LIMITS.contactPhone, { error: 'too_long' })
    .refine((p) => p === '' || (PHONE_PATTERN.test(p) && p.replace(/\D/g, '').length >= 4), {
      error: 'invalid_phone',
    })
    .optional()
    .default(''),
});
export type TReporterIdentity = z.infer<typeof ZReporterIdentity>;

/** The passphrase-wrapped private key, as an admin's browser made it. */
export const ZWrappedPrivateKey = z.strictObject({
  kdf: z.literal('PBKDF2-SHA256'),
  // OWASP's floor for PBKDF2-HMAC-SHA256; a ceiling so a bad value cannot hang an unlock.
  iterations: z.int().min(600_000).max(10_000_000),
  salt: b64url(22, 43),
  iv: b64url(16, 16),
  // PKCS#8 of a P-256 key (≈ 138 bytes) + tag.
  wrapped: b64url(100, 400),
});

/** POST /api/admin/reporter-keys: a new key pair, which becomes the one reports are sealed to. */
export const ZCreateReporterKey = z.strictObject({
  id: ZUuid,
  publicKey: ZEcPublicJwk,
  privateKey: ZWrappedPrivateKey,
});
export type TCreateReporterKey = z.infer<typeof ZCreateReporterKey>;

/** GET /api/reporter-key: the key the form seals to, or null while no admin has made one. */
export const ZPublicReporterKey = z.object({
  key: z.object({ kid: ZUuid, publicKey: ZEcPublicJwk }).nullable(),
});
export type TPublicReporterKey = z.infer<typeof ZPublicReporterKey>;

/** A key as admins list it: never the wrapped private key. */
export const ZReporterKeySummary = z.object({
  id: ZUuid,
  createdAt: ZInstant,
  createdBy: z.string().nullable(),
  retiredAt: ZInstant.nullable(),
  reports: z.int(),
});
export const ZReporterKeyList = z.object({ keys: z.array(ZReporterKeySummary) });
export type TReporterKeyList = z.infer<typeof ZReporterKeyList>;

/** POST /api/admin/reports/:id/identity: the envelope and the wrapped key that opens it (audited). */
export const ZIdentityReveal = z.object({
  clientSubmissionId: ZUuid,
  envelope: ZIdentityEnvelope,
  key: z.object({ id: ZUuid, privateKey: ZWrappedPrivateKey, retiredAt: ZInstant.nullable() }),
});
export type TIdentityReveal = z.infer<typeof ZIdentityReveal>;
