import { reportCode, ZCompilation, type TCompilation } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, desc, eq, inArray, isNotNull, max } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { compileTheme, type CompileOptions } from './compile-theme.js';

export type FrozenCompilation = { id: string; compilation: TCompilation; reportIds: string[] };

/**
 * Freezes a theme's compilation as it is now, numbered 1, 2, 3… per theme, with who and
 * when: its content is stored, so every later export of it gives the same files whatever
 * happens to the reports afterwards. Only coordinators who see every region may freeze: a
 * brief must not silently miss regions.
 */
export async function freezeCompilation(
  db: Db,
  themeSlug: string,
  viewer: Coordinator,
  now = new Date(),
  options: CompileOptions = {},
) {
  if (viewer.regionScope) throw new AppError(403, 'forbidden', 'Only coordinators of every region can freeze a brief');
  const { compilation, reportIds } = await compileTheme(db, themeSlug, viewer, now, options);
  // A brief travels outside the coalition: it names who froze it by display name, never by
  // email address (null: the brief says "a coordinator" in its language).
  const [account] = await db
    .select({ displayName: tables.coordinatorAccounts.displayName })
    .from(tables.coordinatorAccounts)
    .where(eq(tables.coordinatorAccounts.id, viewer.id));
  const frozenBy = account?.displayName?.trim() || null;
  return db.transaction(async (tx) => {
    // The unique (theme, number) index settles two freezes at once: the second one fails, cleanly.
    const [last] = await tx
      .select({ n: max(tables.compilations.number) })
      .from(tables.compilations)
      .where(eq(tables.compilations.themeSlug, themeSlug));
    const number = (last?.n ?? 0) + 1;
    const frozen: TCompilation = { ...compilation, number, frozenAt: now.toISOString(), frozenBy };
    const [row] = await tx
      .insert(tables.compilations)
      .values({ themeSlug, number, frozenBy: viewer.id, reportIds, content: frozen, createdAt: now })
      .returning({ id: tables.compilations.id });
    await recordAudit(tx, viewer, {
      action: 'compilation.freeze',
      targetType: 'compilation',
      targetId: row!.id,
      details: { themeSlug, number, reports: reportIds.length },
    });
    return { id: row!.id, compilation: frozen, reportIds } satisfies FrozenCompilation;
  });
}

/** A frozen compilation, as stored. */
export async function getFrozenCompilation(db: Db, id: string, viewer: Coordinator): Promise<FrozenCompilation> {
  const [row] = await db.select().from(tables.compilations).where(eq(tables.compilations.id, id));
  if (!row) throw AppError.notFound('Compilation');
  if (viewer.themeScope && !viewer.themeScope.includes(row.themeSlug)) {
    throw new AppError(403, 'forbidden', 'This theme is outside your scope');
  }
  if (viewer.regionScope) throw new AppError(403, 'forbidden', 'Briefs cover every region');
  return { id: row.id, compilation: ZCompilation.parse(row.content), reportIds: row.reportIds };
}

/** The frozen compilations, newest first, optionally of one theme. */
export async function listCompilations(db: Db, viewer: Coordinator, themeSlug?: string) {
  const rows = await db
    .select({
      id: tables.compilations.id,
      themeSlug: tables.compilations.themeSlug,
      number: tables.compilations.number,
      createdAt: tables.compilations.createdAt,
      frozenBy: tables.coordinatorAccounts.displayName,
      reportIds: tables.compilations.reportIds,
    })
    .from(tables.compilations)
    .leftJoin(tables.coordinatorAccounts, eq(tables.coordinatorAccounts.id, tables.compilations.frozenBy))
    .where(and(themeSlug ? eq(tables.compilations.themeSlug, themeSlug) : undefined))
    .orderBy(desc(tables.compilations.createdAt));
  const visible = rows.filter((r) => !viewer.themeScope || viewer.themeScope.includes(r.themeSlug));
  const withdrawn = await withdrawnAmong(db, [...new Set(visible.flatMap((r) => r.reportIds))]);
  return visible.map((r) => ({
    id: r.id,
    themeSlug: r.themeSlug,
    number: r.number,
    frozenAt: r.createdAt.toISOString(),
    frozenBy: r.frozenBy,
    reports: r.reportIds.length,
    withdrawnSince: r.reportIds.flatMap((id) => {
      const w = withdrawn.get(id);
      return w && w.at > r.createdAt ? [w.code] : [];
    }),
  }));
}

/** The withdrawn reports among these ids: when, and their codes (one query for the whole list). */
async function withdrawnAmong(db: Db, ids: string[]): Promise<Map<string, { at: Date; code: string }>> {
  if (ids.length === 0) return new Map();
  const r = tables.reports;
  const rows = await db
    .select({ id: r.id, number: r.number, withdrawnAt: r.withdrawnAt })
    .from(r)
    .where(and(inArray(r.id, ids), isNotNull(r.withdrawnAt)));
  return new Map(rows.map((row) => [row.id, { at: row.withdrawnAt!, code: reportCode(row.number) }]));
}
