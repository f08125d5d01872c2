import { z } from 'zod';
import { ZInstant, ZLanguage, ZLocalizedText, ZSlug, ZUuid } from './common.js';
import { ZAdminReport } from './admin-report.js';
import { ZRegion } from './report.js';

/** Registrations of one webinar, for the overview: totals and by language. */
export const ZWebinarRegistrations = z.object({
  webinarId: ZUuid,
  slug: ZSlug,
  title: ZLocalizedText,
  startsAt: ZInstant,
  status: z.string(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  byLanguage: z.partialRecord(ZLanguage, z.number().int()),
});

/** GET /api/admin/overview: what the coordinator's scope holds, at a glance. */
export const ZOverview = z.object({
  registrations: z.array(ZWebinarRegistrations),
  coverage: z.object({
    themes: z.array(z.object({ slug: ZSlug, name: ZLocalizedText })),
    regions: z.array(ZRegion),
    /** counts[theme][region]: reports about that theme from that region. */
    counts: z.record(z.string(), z.record(z.string(), z.number().int())),
  }),
  recent: z.array(ZAdminReport),
  /** Reports per day (UTC), the last 30 days, oldest first. */
  overTime: z.array(z.object({ day: z.string(), count: z.number().int() })),
  totals: z.object({ reports: z.number().int(), registrations: z.number().int() }),
});
export type TOverview = z.infer<typeof ZOverview>;
