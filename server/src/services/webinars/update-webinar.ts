import { englishError, type TAdminWebinar, type TUpdateWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { assertThemeExists } from './assert-theme-exists.js';
import { countActiveRegistrations } from './count-registrations.js';
import { toAdminWebinar } from './webinar-views.js';

/**
 * Edits a webinar. A change of start time bumps the version, so mail planned for the old
 * time is skipped at send time. Cancelled and completed webinars are frozen.
 */
export async function updateWebinar(db: Db, id: string, patch: TUpdateWebinar): Promise<TAdminWebinar> {
  return db.transaction(async (tx) => {
    const w = tables.webinars;
    const [current] = await tx.select().from(w).where(eq(w.id, id)).for('update');
    if (!current) throw AppError.notFound('Webinar');
    if (current.status === 'cancelled' || current.status === 'completed') {
      throw new AppError(409, 'webinar_closed', `A ${current.status} webinar cannot be edited`);
    }
    if (patch.themeSlug) await assertThemeExists(tx, patch.themeSlug);
    if (patch.slug && patch.slug !== current.slug) {
      const [taken] = await tx
        .select({ id: w.id })
        .from(w)
        .where(and(eq(w.slug, patch.slug), ne(w.id, id)));
      if (taken) {
        throw new AppError(409, 'slug_taken', 'A webinar with this slug exists', {
          slug: { code: 'invalid_slug', message: englishError('invalid_slug') },
        });
      }
    }
    const startsAt = patch.startsAt ? new Date(patch.startsAt) : undefined;
    const moved = startsAt !== undefined && startsAt.getTime() !== current.startsAt.getTime();
    const [row] = await tx
      .update(w)
      .set({
        ...patch,
        startsAt,
        version: moved ? current.version + 1 : current.version,
        updatedAt: new Date(),
      })
      .where(eq(w.id, id))
      .returning();
    if (!row) throw AppError.notFound('Webinar');
    const counts = (await countActiveRegistrations(tx, [id])).get(id);
    return toAdminWebinar(row, counts ?? 0);
  });
}
