import type { TPublication } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';

async function setPublication(db: Db, viewer: Coordinator, id: string, publish: boolean): Promise<TPublication> {
  // Like freezing: a public brief must cover every region, so only their coordinators publish.
  if (viewer.regionScope) throw new AppError(403, 'forbidden', 'Only coordinators of every region can publish a brief');
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tables.compilations).where(eq(tables.compilations.id, id)).for('update');
    if (!current) throw AppError.notFound('Compilation');
    if (viewer.themeScope && !viewer.themeScope.includes(current.themeSlug)) {
      throw new AppError(403, 'forbidden', 'This theme is outside your scope');
    }
    // Publishing twice keeps the first date: the page says since when the brief is public.
    const publishedAt = publish ? (current.publishedAt ?? new Date()) : null;
    const [row] = await tx
      .update(tables.compilations)
      .set({ publishedAt, publishedBy: publish ? (current.publishedBy ?? viewer.id) : null })
      .where(eq(tables.compilations.id, id))
      .returning();
    await recordAudit(tx, viewer, {
      action: publish ? 'compilation.publish' : 'compilation.unpublish',
      targetType: 'compilation',
      targetId: id,
      details: { themeSlug: row!.themeSlug, number: row!.number },
    });
    return {
      id: row!.id,
      themeSlug: row!.themeSlug,
      number: row!.number,
      publishedAt: row!.publishedAt?.toISOString() ?? null,
    };
  });
}

/** Puts a frozen compilation on its theme's public page (audited; coordinators of every region). */
export function publishCompilation(db: Db, viewer: Coordinator, id: string): Promise<TPublication> {
  return setPublication(db, viewer, id, true);
}

/** Takes a published compilation off the public page; its downloads answer 404 again. */
export function unpublishCompilation(db: Db, viewer: Coordinator, id: string): Promise<TPublication> {
  return setPublication(db, viewer, id, false);
}

/** Whether a frozen compilation is public, for the workspace's control. */
export async function getPublication(db: Db, id: string): Promise<TPublication> {
  const [row] = await db.select().from(tables.compilations).where(eq(tables.compilations.id, id));
  if (!row) throw AppError.notFound('Compilation');
  return {
    id: row.id,
    themeSlug: row.themeSlug,
    number: row.number,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}
