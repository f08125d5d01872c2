import type { TRole } from '@convene/shared';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

/**
 * 401 without a signed-in session (or after the absolute timeout), 403 when the role does
 * not allow the route. Admins may do everything coordinators may.
 */
export function requireRole(role: TRole, absoluteMinutes: number): RequestHandler {
  return (req, _res, next) => {
    const user = req.session?.user;
    if (!user) throw new AppError(401, 'unauthenticated', 'Sign in first');
    const signedInAt = req.session.signedInAt ?? 0;
    if (Date.now() - signedInAt > absoluteMinutes * 60_000) {
      req.session.destroy(() => undefined);
      throw new AppError(401, 'session_expired', 'Your session has expired; sign in again');
    }
    if (role === 'admin' && user.role !== 'admin') throw new AppError(403, 'forbidden', 'Admins only');
    next();
  };
}
