import { AppError } from '../../errors/app-error.js';

/**
 * A withdrawn report is a tombstone: the reporter took back its text and identity, so there is
 * nothing left to review, redact, re-tag, annotate, merge or translate, and an edit would only
 * put words back where the reporter asked for none. 409: the report is there, in a state that
 * takes no change (the client shows why from `withdrawnAt`).
 */
export function refuseWithdrawn(row: { withdrawnAt: Date | null }): void {
  if (row.withdrawnAt !== null) {
    throw new AppError(
      409,
      'report_withdrawn',
      'This report was withdrawn by its reporter and can no longer be changed',
    );
  }
}
