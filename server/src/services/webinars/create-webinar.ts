import { randomBytes } from 'node:crypto';
import { englishError, type TAdminWebinar, type TCreateWebinar } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { slugify } from './slugify.js';
import { NO_REGISTRATIONS } from './count-registrations.js';
import { toAdminWebinar } from './webinar-views.js';
import { assertThemeExists } from './assert-theme-exists.js';

/** Schedules a webinar. The slug comes from the title when none is given. */
export async function createWebinar(db: Db, input: TCreateWebinar): Promise<TAdminWebinar> {
  await assertThemeExists(db, input.themeSlug);
  const baseSlug = input.slug ?? slugify(input.title.en ?? Object.values(input.title)[0] ?? 'webinar');
  if (input.slug) {
    const [taken] = await db
      .select({ id: tables.webinars.id })
      .from(tables.webinars)
      .where(eq(tables.webinars.slug, input.slug));
    if (taken) {
      throw new AppError(409, 'slug_taken', 'A webinar with this slug exists', {
        slug: { code: 'invalid_slug', message: englishError('invalid_slug') },
      });
    }
  }
  const slug = input.slug ?? (await freeSlug(db, baseSlug));
  const [row] = await db
    .insert(tables.webinars)
    .values({
      slug,
      kind: input.kind,
      themeSlug: input.themeSlug,
      title: input.title,
      description: input.description,
      startsAt: new Date(input.startsAt),
      durationMinutes: input.durationMinutes,
      hostTimeZone: input.hostTimeZone,
      languages: input.languages,
      capacity: input.capacity,
      joinUrl: input.joinUrl,
      status: input.status,
      recordingUrl: input.recordingUrl,
      reminderOffsetsMinutes: input.reminderOffsetsMinutes,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return toAdminWebinar(row, NO_REGISTRATIONS);
}

async function freeSlug(db: Db, base: string): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const candidate = i === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    const [taken] = await db
      .select({ id: tables.webinars.id })
      .from(tables.webinars)
      .where(eq(tables.webinars.slug, candidate));
    if (!taken) return candidate;
  }
  return `${base}-${randomBytes(6).toString('hex')}`;
}
