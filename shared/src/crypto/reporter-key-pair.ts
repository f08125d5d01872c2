/*
 * The coalition's reporter key pair, made in an admin's browser.
 *
 * The private key leaves the browser only wrapped: its PKCS#8 bytes encrypted with
 * AES-256-GCM under a key derived from the admin's passphrase by PBKDF2-SHA256
 * (600,000 iterations — OWASP's 2023 figure for PBKDF2-HMAC-SHA256 — and a 16-byte random
 * salt), with the key id as AAD so a wrapped key cannot be passed off as another. The server
 * stores the public JWK and the wrapped bytes, and can open neither an envelope nor the key.
 */
import { fromBase64Url, toBase64Url } from './base64url.js';
import type { AesUsage, WebCryptoKey, WebCryptoKeyPair } from './web-crypto-types.js';
import type { EcPublicJwk } from './identity-envelope.js';

export const PBKDF2_ITERATIONS = 600_000;

/** The private key as stored: wrapped, plus what unwrapping it needs (but the passphrase). */
export type WrappedPrivateKey = {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  iv: string;
  wrapped: string;
};

export type NewReporterKey = { id: string; publicKey: EcPublicJwk; privateKey: WrappedPrivateKey };

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const encoder = new TextEncoder();

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number, usage: AesUsage) {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Makes a key pair and wraps its private half with the passphrase; nothing here is sent yet. */
export async function createReporterKey(
  id: string,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<NewReporterKey> {
  const pair = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as WebCryptoKeyPair;
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapKey = await passphraseKey(passphrase, salt, iterations, 'encrypt');
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
    wrapKey,
    pkcs8,
  );
  return {
    id,
    publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' },
    privateKey: {
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: toBase64Url(salt),
      iv: toBase64Url(iv),
      wrapped: toBase64Url(new Uint8Array(wrapped)),
    },
  };
}

/**
 * Unwraps a reporter key's private half with the passphrase, as a non-extractable key that
 * can only derive envelope keys. Throws (OperationError) on a wrong passphrase.
 */
export async function unwrapReporterKey(
  id: string,
  privateKey: WrappedPrivateKey,
  passphrase: string,
): Promise<WebCryptoKey> {
  const wrapKey = await passphraseKey(passphrase, fromBase64Url(privateKey.salt), privateKey.iterations, 'decrypt');
  const pkcs8 = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64Url(privateKey.iv), additionalData: encoder.encode(id) },
    wrapKey,
    fromBase64Url(privateKey.wrapped),
  );
  return crypto.subtle.importKey('pkcs8', pkcs8, ECDH, false, ['deriveBits']);
}
