import { z } from 'zod';
import { ZInstant } from './common.js';

export const ZRetentionCategory = z.enum(['registrants', 'reporters', 'contacts']);
export type TRetentionCategory = z.infer<typeof ZRetentionCategory>;

/** What the retention policy erases in one category: due now (at the next run), then by day. */
export const ZRetentionCategoryForecast = z.object({
  category: ZRetentionCategory,
  /** Days the category's personal data is kept (after the webinar, the frozen brief, the unsubscribe). */
  days: z.number().int(),
  dueNow: z.number().int(),
  /** Days (UTC, YYYY-MM-DD) something falls due after now, soonest first, the first 60. */
  upcoming: z.array(z.object({ day: z.string(), count: z.number().int() })),
});

/** GET /api/admin/retention: the configured periods and what falls due when. */
export const ZRetentionForecast = z.object({
  everyMinutes: z.number().int(),
  generatedAt: ZInstant,
  categories: z.array(ZRetentionCategoryForecast),
  /** The last purge that erased something (from the audit log): when, and how many per category. */
  lastPurge: z.object({ at: ZInstant, counts: z.record(ZRetentionCategory, z.number().int()) }).nullable(),
});
export type TRetentionForecast = z.infer<typeof ZRetentionForecast>;
