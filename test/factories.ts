import { randomBytes, randomUUID } from 'node:crypto';
import {
  currentConsentVersion,
  seedThemeRows,
  type TCreateRegistrationInput,
  type TCreateReportInput,
} from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';

type NewWebinar = typeof tables.webinars.$inferInsert;
type WebinarRow = typeof tables.webinars.$inferSelect;

const DAY = 24 * 3600_000;

/** Inserts the seed themes when the table is empty (seeding runs at start-up, truncation may not keep them). */
export async function ensureThemes(db: Db): Promise<void> {
  await db.insert(tables.themes).values(seedThemeRows()).onConflictDoNothing();
}

/** A scheduled thematic webinar ten days ahead, hosted from Mexico City. */
export async function createWebinarRow(db: Db, overrides: Partial<NewWebinar> = {}): Promise<WebinarRow> {
  await ensureThemes(db);
  const [row] = await db
    .insert(tables.webinars)
    .values({
      slug: `webinar-${randomBytes(4).toString('hex')}`,
      kind: 'thematic',
      themeSlug: 'irregular-migration-pathways',
      title: {
        en: 'Regular pathways and decent work',
        es: 'Vías regulares y trabajo decente',
        ar: 'المسارات النظامية والعمل اللائق',
        fr: 'Voies régulières et travail décent',
      },
      description: { en: 'Labour mobility and recognition of skills.' },
      startsAt: new Date(Date.now() + 10 * DAY),
      durationMinutes: 90,
      hostTimeZone: 'America/Mexico_City',
      languages: ['en', 'es', 'fr', 'ar'],
      capacity: null,
      joinUrl: 'https://meet.example.org/secret-room-42',
      status: 'scheduled',
      reminderOffsetsMinutes: [10080, 1440, 60],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error('no webinar row');
  return row;
}

/** A valid registration body; override what the test is about. */
export function registrationBody(overrides: Partial<TCreateRegistrationInput> = {}): TCreateRegistrationInput {
  return {
    name: 'Amina Diallo',
    email: `amina.${randomBytes(3).toString('hex')}@example.org`,
    organization: 'Migrant Workers Network',
    country: 'SN',
    language: 'en',
    timeZone: 'Africa/Dakar',
    consent: true,
    consentVersion: currentConsentVersion('registration'),
    ...overrides,
  };
}

/** A valid anonymous report with a fresh client submission id; override what the test is about. */
export function reportBody(overrides: Partial<TCreateReportInput> = {}): TCreateReportInput {
  return {
    clientSubmissionId: randomUUID(),
    language: 'en',
    reporter: { kind: 'anonymous' },
    region: 'africa',
    countries: ['LY', 'NE'],
    corridor: { origin: 'NE', destination: 'LY' },
    themes: [{ slug: 'smuggling-trafficking', subtopics: ['trafficking'], provenance: 'chosen' }],
    barriers: 'People held for ransom in warehouses near the border; no access to consular help.',
    recommendations: 'Open safe corridors and firewall health care from immigration enforcement.',
    affectedGroups: ['undocumented', 'women'],
    source: 'Interviews by our outreach team',
    consent: 'anonymized',
    consentVersion: currentConsentVersion('report'),
    ...overrides,
  };
}

/** Empties the tables a test writes to; themes and accounts stay. */
export async function truncateActivity(db: Db): Promise<void> {
  await db.execute(
    sql`truncate table report_themes, reports, outbox_messages, notifications, registrations, webinars cascade`,
  );
}

/** Polls until fn returns a truthy value (or throws after timeoutMs). */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The confirmation outbox rows (registrations also plan reminders). */
export function confirmations(stack: { db: Db }) {
  return stack.db.select().from(tables.notifications).where(eq(tables.notifications.kind, 'confirmation'));
}
