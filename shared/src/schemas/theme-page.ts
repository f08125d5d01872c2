import { z } from 'zod';
import { ZInstant, ZUuid } from './common.js';
import { ZConsultation } from './consultation.js';
import { ZTheme } from './theme.js';
import { ZPublicWebinar } from './webinar.js';

/** A frozen brief a coordinator published on its theme's page; downloadable as Markdown and Word. */
export const ZPublishedBrief = z.object({
  /** The brief's number within its theme (1, 2, 3…): the download path names it. */
  number: z.number().int(),
  frozenAt: ZInstant,
  publishedAt: ZInstant,
  /** Reports the brief compiles. */
  reports: z.number().int(),
});
export type TPublishedBrief = z.infer<typeof ZPublishedBrief>;

/** GET /api/themes/:slug/page: what a member organization needs to prepare on one theme. */
export const ZThemePage = z.object({
  theme: ZTheme,
  /** Scheduled webinars not yet ended, soonest first. */
  upcoming: z.array(ZPublicWebinar),
  /** Completed webinars, most recent first, with their recordings when there is one. */
  completed: z.array(ZPublicWebinar),
  /** Published briefs, newest first. */
  briefs: z.array(ZPublishedBrief),
  /** Consultations on this theme not yet ended, soonest first. */
  consultations: z.array(ZConsultation),
});
export type TThemePage = z.infer<typeof ZThemePage>;

/** POST /api/admin/compilations/:id/publication's answer (and DELETE's). */
export const ZPublication = z.object({
  id: ZUuid,
  themeSlug: z.string(),
  number: z.number().int(),
  publishedAt: ZInstant.nullable(),
});
export type TPublication = z.infer<typeof ZPublication>;
