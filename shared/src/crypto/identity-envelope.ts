/*
 * The sealed identity of a named reporter, envelope version 1.
 *
 * The browser encrypts {name, email, phone} to the coalition's public key before the report
 * is saved on the device or sent; only an admin's browser holding the unwrapped private key
 * can open it. The server checks the envelope's shape and size and stores it as it came.
 *
 *   envelope = { v: 1, kid, epk, iv, ct }
 *     kid  the reporter key's id (uuid): which private key opens it (old keys stay usable)
 *     epk  an ephemeral ECDH P-256 public key, JWK {kty: "EC", crv: "P-256", x, y}, one per report
 *     iv   12 random bytes, base64url
 *     ct   AES-256-GCM ciphertext + 16-byte tag, base64url, of the UTF-8 JSON {name, email, phone}
 *   key  = HKDF-SHA256(ECDH(epk, reporter key), salt = empty, info = "convene-identity/v1/" + kid)
 *   AAD  = "convene-identity/v1/" + kid + "/" + clientSubmissionId
 *
 * The AAD binds the envelope to its report: moved onto another report (another submission
 * id) or relabelled with another kid, it no longer opens. WebCrypto only, so the same code
 * runs in the browser, in Node's tests and nowhere on the server's request path.
 */
import { fromBase64Url, toBase64Url } from './base64url.js';
import type { AesUsage, WebCryptoKey, WebCryptoKeyPair } from './web-crypto-types.js';

export const IDENTITY_ENVELOPE_VERSION = 1;

/** What a named reporter may leave to be contacted; every part may be empty. */
export type ReporterIdentity = { name: string; email: string; phone: string };

export type EcPublicJwk = { kty: 'EC'; crv: 'P-256'; x: string; y: string };

export type IdentityEnvelope = { v: 1; kid: string; epk: EcPublicJwk; iv: string; ct: string };

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const encoder = new TextEncoder();

const label = (kid: string) => `convene-identity/v${IDENTITY_ENVELOPE_VERSION}/${kid}`;

async function contentKey(privateKey: WebCryptoKey, publicKey: WebCryptoKey, kid: string, usage: AesUsage) {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(label(kid)) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const aad = (kid: string, clientSubmissionId: string) => encoder.encode(`${label(kid)}/${clientSubmissionId}`);

const publicJwk = (jwk: { x?: string; y?: string }): EcPublicJwk => ({
  kty: 'EC',
  crv: 'P-256',
  x: jwk.x ?? '',
  y: jwk.y ?? '',
});

/** Imports a reporter key's public JWK (as GET /api/reporter-key serves it). */
export function importReporterPublicKey(jwk: EcPublicJwk): Promise<WebCryptoKey> {
  return crypto.subtle.importKey('jwk', jwk, ECDH, true, []);
}

/** Seals an identity to a reporter key, for the report with this client submission id. */
export async function sealIdentity(
  identity: ReporterIdentity,
  key: { kid: string; publicKey: EcPublicJwk },
  clientSubmissionId: string,
): Promise<IdentityEnvelope> {
  const recipient = await importReporterPublicKey(key.publicKey);
  const ephemeral = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as WebCryptoKeyPair;
  const aesKey = await contentKey(ephemeral.privateKey, recipient, key.kid, 'encrypt');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify({ name: identity.name, email: identity.email, phone: identity.phone }));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(key.kid, clientSubmissionId) },
    aesKey,
    plain,
  );
  const epk = publicJwk(await crypto.subtle.exportKey('jwk', ephemeral.publicKey));
  return { v: 1, kid: key.kid, epk, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/**
 * Opens an envelope with the reporter key's private key (ECDH, deriveBits). Throws when the
 * ciphertext was altered, the envelope belongs to another report, or the key is not its key.
 */
export async function openIdentity(
  envelope: IdentityEnvelope,
  privateKey: WebCryptoKey,
  clientSubmissionId: string,
): Promise<ReporterIdentity> {
  if (envelope.v !== IDENTITY_ENVELOPE_VERSION) throw new Error(`Unknown identity envelope version ${envelope.v}`);
  const ephemeral = await importReporterPublicKey(envelope.epk);
  const aesKey = await contentKey(privateKey, ephemeral, envelope.kid, 'decrypt');
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(envelope.iv), additionalData: aad(envelope.kid, clientSubmissionId) },
    aesKey,
    fromBase64Url(envelope.ct),
  );
  const parsed = JSON.parse(new TextDecoder().decode(plain)) as Partial<ReporterIdentity>;
  return { name: String(parsed.name ?? ''), email: String(parsed.email ?? ''), phone: String(parsed.phone ?? '') };
}
