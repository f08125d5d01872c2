import { isLanguage, REGIONS, ZSlug, type TLanguage, type TRegion } from '@convene/shared';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { buildConsultationsFeed } from '../../services/consultations/consultations-feed.js';
import { toPublicConsultation } from '../../services/consultations/consultation-views.js';
import {
  listFeedConsultations,
  listUpcomingConsultations,
  type ConsultationFilter,
} from '../../services/consultations/list-consultations.js';

const isRegion = (value: unknown): value is TRegion => REGIONS.includes(value as TRegion);

/** ?theme= and ?region= (or the path variants' params); an unknown value is a 404, not everything. */
function filterOf(theme: unknown, region: unknown): ConsultationFilter {
  const filter: ConsultationFilter = {};
  if (theme !== undefined) {
    if (!ZSlug.safeParse(theme).success) throw AppError.notFound('Theme');
    filter.themeSlug = theme as string;
  }
  if (region !== undefined) {
    if (!isRegion(region)) throw AppError.notFound('Region');
    filter.region = region;
  }
  return filter;
}

const languageOf = (req: Request): TLanguage => (isLanguage(req.query.lang) ? req.query.lang : 'en');

/**
 * GET /api/consultations — upcoming consultations (JSON), soonest first, ?theme= & ?region=.
 * GET /api/consultations.ics — the iCalendar feed of all (?theme=, ?region=, ?lang=), and the
 * path variants /api/consultations/theme/:slug.ics and /api/consultations/region/:region.ics
 * for calendar apps that drop query strings. Mounted at /api.
 */
export function consultationsRouter(ctx: AppContext): Router {
  const router = Router();
  const feed = async (req: Request, filter: ConsultationFilter, res: Response) => {
    const rows = await listFeedConsultations(ctx.db, filter);
    const scope = filter.themeSlug ?? filter.region;
    const body = buildConsultationsFeed(rows, {
      publicUrl: ctx.env.PUBLIC_URL,
      language: languageOf(req),
      ...(scope ? { scope } : {}),
    });
    res
      .status(200)
      .set({
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="consultations.ics"',
        'Cache-Control': 'no-cache',
      })
      .send(body);
  };

  router.get('/consultations', async (req, res) => {
    const rows = await listUpcomingConsultations(ctx.db, filterOf(req.query.theme, req.query.region));
    res.set('Cache-Control', 'no-cache');
    res.json({ consultations: rows.map(toPublicConsultation) });
  });
  router.get('/consultations.ics', async (req, res) => {
    await feed(req, filterOf(req.query.theme, req.query.region), res);
  });
  router.get('/consultations/theme/:slug.ics', async (req, res) => {
    await feed(req, filterOf(req.params.slug, undefined), res);
  });
  router.get('/consultations/region/:region.ics', async (req, res) => {
    await feed(req, filterOf(undefined, req.params.region), res);
  });
  return router;
}
