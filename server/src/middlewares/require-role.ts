import type { Db } from '@convene/shared/db';
import type { RequestHandler, Response } from 'express';
import { AppError } from '../errors/app-error.js';
import { loadCoordinator, type Coordinator } from '../services/access/coordinator.js';
import { isSessionVoided } from '../services/access/session-validity.js';

/**
 * 401 without a signed-in session, after the absolute timeout, or when the account has been
 * deactivated since; otherwise the account as it is now (role, scope) for the route.
 */
export function requireCoordinator(db: Db, absoluteMinutes: number): RequestHandler {
  return async (req, res, next) => {
    const user = req.session?.user;
    if (!user) throw new AppError(401, 'unauthenticated', 'Sign in first');
    const signedInAt = req.session.signedInAt ?? 0;
    if (Date.now() - signedInAt > absoluteMinutes * 60_000) {
      req.session.destroy(() => undefined);
      throw new AppError(401, 'session_expired', 'Your session has expired; sign in again');
    }
    const coordinator = await loadCoordinator(db, user.id);
    if (!coordinator) {
      req.session.destroy(() => undefined);
      throw new AppError(401, 'unauthenticated', 'This account is no longer active');
    }
    if (isSessionVoided(coordinator, req.session)) {
      req.session.destroy(() => undefined);
      throw new AppError(401, 'session_expired', 'The password was changed; sign in again');
    }
    res.locals.coordinator = coordinator;
    next();
  };
}

/** 403 unless the signed-in coordinator is an admin. After requireCoordinator. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (coordinatorOf(res).role !== 'admin') throw new AppError(403, 'forbidden', 'Admins only');
  next();
};

/** The coordinator requireCoordinator loaded for this request. */
export function coordinatorOf(res: Response): Coordinator {
  const coordinator = res.locals.coordinator as Coordinator | undefined;
  if (!coordinator) throw new AppError(401, 'unauthenticated', 'Sign in first');
  return coordinator;
}
