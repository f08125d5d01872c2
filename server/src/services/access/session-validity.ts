import type { SessionData } from 'express-session';
import type { Coordinator } from './coordinator.js';

/**
 * Whether a session was ended by a password reset or change: it proved the password (signed
 * in, or changed it itself) before the account's sessions_valid_after.
 */
export function isSessionVoided(coordinator: Coordinator, session: Partial<SessionData>): boolean {
  const validAfter = coordinator.sessionsValidAfter?.getTime();
  if (validAfter === undefined) return false;
  return (session.credentialAt ?? session.signedInAt ?? 0) < validAfter;
}
