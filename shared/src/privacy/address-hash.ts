import { createHmac } from 'node:crypto';

/**
 * The keyed hash kept for an erased address: HMAC-SHA256 with the privacy key, so the table of
 * hashes cannot be reversed by hashing a list of guessed addresses without the key.
 */
export function addressHash(privacyKey: string, address: string): string {
  return createHmac('sha256', privacyKey).update(address.trim().toLowerCase()).digest('hex');
}
