import type { TSessionUser, TSignedInUser } from '@convene/shared';
import type { Db } from '@convene/shared/db';
import { AppError } from '../../errors/app-error.js';
import { loadCoordinator } from './coordinator.js';

/**
 * The session's user with their current role and scope, for the workspace to hide what the
 * API would refuse (the API still decides). 401 when the account is gone or deactivated.
 */
export async function signedInUser(db: Db, user: TSessionUser): Promise<TSignedInUser> {
  const coordinator = await loadCoordinator(db, user.id);
  if (!coordinator) throw new AppError(401, 'unauthenticated', 'This account is no longer active');
  return {
    id: coordinator.id,
    email: coordinator.email,
    role: coordinator.role,
    regionScope: coordinator.regionScope,
    themeScope: coordinator.themeScope,
  };
}
