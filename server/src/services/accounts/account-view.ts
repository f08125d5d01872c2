import type { TAccount, TRegion } from '@convene/shared';
import type { tables } from '@convene/shared/db';

type AccountRow = typeof tables.coordinatorAccounts.$inferSelect;

/** An account row as the API shows it: never its password hash. */
export function toAccount(row: AccountRow, invited: boolean): TAccount {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    regionScope: row.regionScope && row.regionScope.length > 0 ? (row.regionScope as TRegion[]) : null,
    themeScope: row.themeScope && row.themeScope.length > 0 ? row.themeScope : null,
    active: row.active,
    invited,
    language: row.language,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
