import type { TTranslatedField } from '@convene/shared';
import { tables, type Tx } from '@convene/shared/db';
import { and, eq, inArray } from 'drizzle-orm';
import { readableTexts, TRANSLATED_FIELDS } from './translation-view.js';

type ReportRow = typeof tables.reports.$inferSelect;

/**
 * A redaction (set, changed or lifted) changes what coordinators read: translations of the
 * texts it changed were made from the old wording — which may hold the very details it took
 * out — so they go, in the redaction's own transaction. Returns the fields whose translations went.
 */
export async function discardOutdatedTranslations(
  tx: Tx,
  before: ReportRow,
  redaction: { barriers: string; recommendations: string; source: string } | null,
): Promise<TTranslatedField[]> {
  const old = readableTexts(before);
  const next: Record<TTranslatedField, string> = redaction ?? {
    barriers: before.barriers,
    recommendations: before.recommendations,
    source: before.source,
  };
  const changed = TRANSLATED_FIELDS.filter((f) => old[f] !== next[f]);
  if (changed.length === 0) return [];
  const t = tables.reportTranslations;
  await tx.delete(t).where(and(eq(t.reportId, before.id), inArray(t.field, [...changed])));
  return changed;
}
