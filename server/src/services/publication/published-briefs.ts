import { ZCompilation, type TCompilation, type TLanguage, type TPublishedBrief } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { renderExport, type TRenderedExport } from '../compilations/render-export.js';

/** A theme's published briefs, newest first. Unpublished snapshots never appear. */
export async function listPublishedBriefs(db: Db, themeSlug: string): Promise<TPublishedBrief[]> {
  const c = tables.compilations;
  const rows = await db
    .select({ number: c.number, createdAt: c.createdAt, publishedAt: c.publishedAt, reportIds: c.reportIds })
    .from(c)
    .where(and(eq(c.themeSlug, themeSlug), isNotNull(c.publishedAt)))
    .orderBy(desc(c.number));
  return rows.map((r) => ({
    number: r.number,
    frozenAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt!.toISOString(),
    reports: r.reportIds.length,
  }));
}

/**
 * The frozen snapshot of a published brief; 404 when there is none or it is not published.
 * Snapshots frozen before display names existed name their coordinator by email address: a
 * public file gives the display name instead (or no one), never the address.
 */
export async function getPublishedBrief(db: Db, themeSlug: string, number: number): Promise<TCompilation> {
  const c = tables.compilations;
  const [row] = await db
    .select({ content: c.content, publishedAt: c.publishedAt, displayName: tables.coordinatorAccounts.displayName })
    .from(c)
    .leftJoin(tables.coordinatorAccounts, eq(tables.coordinatorAccounts.id, c.frozenBy))
    .where(and(eq(c.themeSlug, themeSlug), eq(c.number, number)));
  if (!row || !row.publishedAt) throw AppError.notFound('Brief');
  const compilation = ZCompilation.parse(row.content);
  if (compilation.frozenBy?.includes('@')) return { ...compilation, frozenBy: row.displayName ?? null };
  return compilation;
}

/**
 * The one place a public download is rendered: from the frozen snapshot (organizations only
 * as consented, which the compilation already applied), with the export renderers. The
 * brief is rendered in the reader's language (labels, headings, dates, translations).
 */
export function renderPublishedBrief(
  compilation: TCompilation,
  format: 'md' | 'docx',
  language: TLanguage,
): Promise<TRenderedExport> {
  return renderExport(compilation, format, language);
}

/** "brief-human-rights-inclusion-3.docx": ASCII only, as Content-Disposition needs no encoding. */
export function publishedBriefFileName(
  themeSlug: string,
  number: number,
  format: 'md' | 'docx',
  language: TLanguage = 'en',
): string {
  return `brief-${themeSlug}-${number}${language === 'en' ? '' : `-${language}`}.${format}`;
}
