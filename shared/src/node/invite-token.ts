import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The token of an invitation's registration link: the contact id and an HMAC of the
 * webinar id keyed with the contact's own secret (its unsubscribe token). No global secret
 * has to be shared between server and worker, and a leaked link opens one pre-fill only.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(contactSecret: string, webinarId: string): string {
  return createHmac('sha256', contactSecret).update(`invite:${webinarId}`).digest('base64url').slice(0, 32);
}

export function signInviteToken(contactId: string, contactSecret: string, webinarId: string): string {
  return `${contactId}.${webinarId}.${mac(contactSecret, webinarId)}`;
}

/** The contact and webinar a token claims, before it is verified (null when malformed). */
export function parseInviteToken(token: string): { contactId: string; webinarId: string } | null {
  const [contactId, webinarId, signature, extra] = token.split('.');
  if (!contactId || !webinarId || !signature || extra !== undefined) return null;
  return UUID.test(contactId) && UUID.test(webinarId) ? { contactId, webinarId } : null;
}

/** True when the token was signed with this contact's secret for this webinar. */
export function verifyInviteToken(token: string, contactSecret: string, webinarId: string): boolean {
  const signature = Buffer.from(token.split('.')[2] ?? '');
  const expected = Buffer.from(mac(contactSecret, webinarId));
  // Compare byte lengths: a same-length string of multi-byte characters is longer in bytes.
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}
