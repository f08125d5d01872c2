import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import * as tables from '../db/schema.js';
import type { Tx } from '../db/client.js';

/**
 * Turns reports into tombstones: everything they said (barriers, recommendations, source, the
 * redacted copies, translations, coordinators' notes, quotes of them in brief editorials) and
 * everything that said who sent them (organization, name, email, the sealed identity) is erased; the row stays with
 * its number, region, countries, themes and status, so a citation like R-0142 still resolves —
 * to "withdrawn" — and counts stay whole. Reports merged into one of them stand alone again
 * (they no longer have a report to be counted under). Frozen compilations are left as sent.
 * Returns the ids actually withdrawn (a report withdrawn before is left alone).
 */
export async function withdrawReports(tx: Tx, ids: string[], now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const r = tables.reports;
  const withdrawn = await tx
    .update(r)
    .set({
      barriers: '',
      recommendations: '',
      source: '',
      redactedBarriers: null,
      redactedRecommendations: null,
      redactedSource: null,
      redactedAt: null,
      redactedBy: null,
      organization: null,
      contactName: null,
      contactEmail: null,
      // The sealed name, email and phone go too: nobody may read them later with the key.
      identityCiphertext: null,
      identityKeyId: null,
      mergedInto: null,
      detectedLanguage: null,
      identityErasedAt: sql`coalesce(${r.identityErasedAt}, ${now.toISOString()}::timestamptz)`,
      withdrawnAt: now,
      updatedAt: sql`now()`,
    })
    .where(and(inArray(r.id, ids), isNull(r.withdrawnAt)))
    .returning({ id: r.id });
  const done = withdrawn.map((w) => w.id);
  if (done.length === 0) return [];
  await tx
    .update(r)
    .set({ mergedInto: null, updatedAt: sql`now()` })
    .where(inArray(r.mergedInto, done));
  await tx.delete(tables.reportTranslations).where(inArray(tables.reportTranslations.reportId, done));
  await tx.delete(tables.reportNotes).where(inArray(tables.reportNotes.reportId, done));
  await dropQuotes(tx, done);
  return done;
}

/** Removes the live editorials' quotes of withdrawn reports (an excerpt is their text); claims keep only ids. */
async function dropQuotes(tx: Tx, reportIds: string[]): Promise<void> {
  const b = tables.briefEditorials;
  const quoting = or(
    ...reportIds.map((id) => sql`${b.content}->'quotes' @> ${JSON.stringify([{ reportId: id }])}::jsonb`),
  );
  const rows = await tx.select({ themeSlug: b.themeSlug, content: b.content }).from(b).where(quoting).for('update');
  const gone = new Set(reportIds);
  for (const row of rows) {
    const content = row.content as { quotes?: { reportId: string }[] };
    const quotes = (content.quotes ?? []).filter((q) => !gone.has(q.reportId));
    await tx
      .update(b)
      .set({ content: { ...content, quotes } })
      .where(eq(b.themeSlug, row.themeSlug));
  }
}
