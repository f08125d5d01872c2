import { isLanguage, ZSlug, type TLanguage } from '@convene/shared';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { validateParam } from '../../middlewares/validate.js';
import {
  getPublishedBrief,
  publishedBriefFileName,
  renderPublishedBrief,
} from '../../services/publication/published-briefs.js';
import { getThemePage } from '../../services/publication/theme-page.js';

const ZBriefNumber = z.string().regex(/^[1-9][0-9]{0,8}$/);
const ZBriefFormat = z.enum(['md', 'docx']);

/**
 * GET /api/themes/:slug/page — a theme's public page (webinars, recordings, published briefs,
 * consultations).
 * GET /api/themes/:slug/briefs/:number.(md|docx)?lang= — a published brief's download,
 * rendered from its frozen snapshot; an unpublished or unknown one is 404.
 */
export function publicThemesRouter(ctx: AppContext): Router {
  const router = Router();
  const slug = validateParam('slug', ZSlug, 'Theme');
  router.get('/:slug/page', slug, async (req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json(await getThemePage(ctx.db, req.params.slug as string));
  });
  router.get(
    '/:slug/briefs/:number.:format',
    slug,
    validateParam('number', ZBriefNumber, 'Brief'),
    validateParam('format', ZBriefFormat, 'Brief'),
    async (req, res) => {
      const themeSlug = req.params.slug as string;
      const number = Number(req.params.number);
      const format = req.params.format as z.infer<typeof ZBriefFormat>;
      const language: TLanguage = isLanguage(req.query.lang) ? req.query.lang : 'en';
      const compilation = await getPublishedBrief(ctx.db, themeSlug, number);
      const file = await renderPublishedBrief(compilation, format, language);
      res
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${publishedBriefFileName(themeSlug, number, format, language)}"`,
          // Unpublishing must take effect at once: revalidate every time.
          'Cache-Control': 'no-cache',
        })
        .send(file.body);
    },
  );
  return router;
}
