/**
 * A registrant's dedupe key in a given round: round 1 keeps the plain key; a cancelled
 * registrant who registers again (round 2, 3…) gets keys of their own, so the new round's
 * mails are planned once each without colliding with the mails of the earlier rounds.
 */
export function roundKey(key: string, round: number): string {
  return round > 1 ? `${key}:r${round}` : key;
}
