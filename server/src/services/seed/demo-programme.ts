import { SEED_THEMES, wallTimeToUtc, type TLanguage } from '@convene/shared';
import type { tables } from '@convene/shared/db';

type NewWebinar = typeof tables.webinars.$inferInsert;

// Each webinar is hosted from a different region, at 14:00 host time.
const HOSTS = [
  'Africa/Nairobi',
  'America/Mexico_City',
  'Europe/Zurich',
  'Asia/Manila',
  'Asia/Beirut',
  'America/New_York',
  'Africa/Dakar',
];

// French puts a (narrow) space before a colon; the other languages do not.
const THEMATIC_PREFIX: Record<TLanguage, string> = {
  en: 'Thematic webinar: ',
  fr: 'Webinaire thématique\u202f: ',
  es: 'Seminario temático: ',
  ar: 'ندوة مواضيعية: ',
};

/**
 * The demo programme: the orientation two weeks from now, then one thematic webinar a week
 * for each consultation theme.
 */
export function demoProgramme(now: Date): NewWebinar[] {
  return SEED_THEMES.map((theme, i) => {
    const hostTimeZone = HOSTS[i % HOSTS.length] ?? 'UTC';
    const day = new Date(now.getTime() + (14 + 7 * i) * 24 * 3600_000);
    const startsAt = wallTimeToUtc(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: 14, minute: 0 },
      hostTimeZone,
    );
    const kind = theme.kind === 'orientation' ? 'orientation' : 'thematic';
    // The orientation theme's name already says "Orientation: …".
    const title =
      kind === 'orientation'
        ? theme.name
        : Object.fromEntries(
            Object.entries(theme.name).map(([lang, name]) => [lang, `${THEMATIC_PREFIX[lang as TLanguage]}${name}`]),
          );
    return {
      slug: kind === 'orientation' ? 'orientation' : theme.slug,
      kind,
      themeSlug: theme.slug,
      title,
      description: theme.description,
      startsAt,
      durationMinutes: kind === 'orientation' ? 90 : 120,
      hostTimeZone,
      languages: ['en', 'fr', 'es', 'ar'],
      capacity: kind === 'orientation' ? 1000 : 500,
      joinUrl: `https://meet.example.org/convene-${theme.slug}`,
      status: 'scheduled',
      reminderOffsetsMinutes: [7 * 24 * 60, 24 * 60, 60],
    };
  });
}
