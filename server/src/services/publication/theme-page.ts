import type { TThemePage } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { toPublicConsultation } from '../consultations/consultation-views.js';
import { listUpcomingConsultations } from '../consultations/list-consultations.js';
import { toPublicWebinar } from '../webinars/webinar-views.js';
import { listPublishedBriefs } from './published-briefs.js';

/**
 * A theme's public page: its description, its webinars (upcoming, and completed ones with
 * their recordings), its published briefs and its upcoming consultations. Inactive or unknown
 * themes are not public (404).
 */
export async function getThemePage(db: Db, slug: string, now = new Date()): Promise<TThemePage> {
  const [theme] = await db.select().from(tables.themes).where(eq(tables.themes.slug, slug));
  if (!theme || !theme.active) throw AppError.notFound('Theme');
  const w = tables.webinars;
  const [upcoming, completed, briefs, consultations] = await Promise.all([
    db
      .select()
      .from(w)
      .where(
        and(
          eq(w.themeSlug, slug),
          eq(w.status, 'scheduled'),
          sql`${w.startsAt} + make_interval(mins => ${w.durationMinutes}) > ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(asc(w.startsAt)),
    db
      .select()
      .from(w)
      .where(and(eq(w.themeSlug, slug), eq(w.status, 'completed')))
      .orderBy(desc(w.startsAt)),
    listPublishedBriefs(db, slug),
    listUpcomingConsultations(db, { themeSlug: slug }, now),
  ]);
  return {
    theme: {
      slug: theme.slug,
      kind: theme.kind,
      position: theme.position,
      name: theme.name,
      description: theme.description,
    },
    upcoming: upcoming.map(toPublicWebinar),
    completed: completed.map(toPublicWebinar),
    briefs,
    consultations: consultations.map(toPublicConsultation),
  };
}
