import { DUPLICATE_THRESHOLD, reportCode, type TDuplicateCandidate } from '@convene/shared';
import { tables, type Db, type Tx } from '@convene/shared/db';
import { sql } from 'drizzle-orm';
import type { Coordinator } from '../access/coordinator.js';
import { reportScope } from '../access/report-scope.js';

/** At most this many candidates per report: a reviewer merges a handful, never a hundred. */
const MAX_CANDIDATES = 10;

type CandidateRow = {
  for_id: string;
  id: string;
  number: number;
  status: TDuplicateCandidate['status'];
  created_at: Date | string;
  similarity: number;
};

/**
 * The possible duplicates of some reports, in one query for all of them: for each report not
 * merged, the other reports in the viewer's scope, not merged either, whose barriers are at
 * least DUPLICATE_THRESHOLD similar (pg_trgm), newest first. The `%` operator lets the trigram
 * GIN index (reports_barriers_trgm_idx) find the candidates; its threshold is set for this
 * transaction only, so no pooled connection keeps it.
 */
export async function findDuplicates(
  db: Db | Tx,
  ids: string[],
  viewer: Coordinator,
): Promise<Map<string, TDuplicateCandidate[]>> {
  const byReport = new Map<string, TDuplicateCandidate[]>();
  if (ids.length === 0) return byReport;
  const r = tables.reports;
  const scope = reportScope(viewer);
  const query = sql`
    select a.id as for_id, d.id, d.number, d.status, d.created_at, d.similarity
    from ${r} as a
    cross join lateral (
      select ${r.id} as id, ${r.number} as number, ${r.status} as status, ${r.createdAt} as created_at,
             similarity(${r.barriers}, a.barriers) as similarity
      from ${r}
      where ${r.barriers} % a.barriers
        and ${r.id} <> a.id
        and ${r.mergedInto} is null
        and ${scope ?? sql`true`}
      order by ${r.createdAt} desc, ${r.id} desc
      limit ${MAX_CANDIDATES}
    ) as d
    where a.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and a.merged_into is null`;
  const run = async (tx: Db | Tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(DUPLICATE_THRESHOLD)}, true)`);
    return tx.execute(query);
  };
  const result = await db.transaction((tx) => run(tx));
  const rows = (result as unknown as { rows: CandidateRow[] }).rows;
  for (const row of rows) {
    const list = byReport.get(row.for_id) ?? [];
    list.push({
      id: row.id,
      code: reportCode(Number(row.number)),
      // Two decimals: what the page shows as a percentage, stable across drivers.
      similarity: Math.round(Number(row.similarity) * 100) / 100,
      status: row.status,
      createdAt: new Date(row.created_at).toISOString(),
    });
    byReport.set(row.for_id, list);
  }
  return byReport;
}
