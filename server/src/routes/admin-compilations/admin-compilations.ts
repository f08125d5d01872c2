import {
  englishError,
  fieldErrorsFromZod,
  ZExportFormat,
  ZExportQuery,
  ZSlug,
  ZUuid,
  type TBriefEditorial,
  type TCompilation,
  type TExportFormat,
  type TLanguage,
} from '@convene/shared';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { assertEveryRegion } from '../../services/access/programme-scope.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { getBriefEditorial, parseBriefEditorial, putBriefEditorial } from '../../services/briefs/brief-editorial.js';
import { AppError } from '../../errors/app-error.js';
import { compileTheme } from '../../services/compilations/compile-theme.js';
import {
  freezeCompilation,
  getFrozenCompilation,
  listCompilations,
} from '../../services/compilations/freeze-compilation.js';
import { exportFileName, renderExport } from '../../services/compilations/render-export.js';

const ZFreeze = z.strictObject({ themeSlug: ZSlug });

/** The export's language from ?lang= (en, fr, es, ar; default en); 400 for any other. */
function exportLanguage(req: Request): TLanguage {
  const parsed = ZExportQuery.safeParse({ lang: typeof req.query.lang === 'string' ? req.query.lang : undefined });
  if (!parsed.success) {
    throw new AppError(
      400,
      'validation_failed',
      'lang must be en, fr, es or ar',
      fieldErrorsFromZod(parsed.error, englishError),
    );
  }
  return parsed.data.lang;
}

/**
 * /api/admin/compilations — a theme's brief, live or frozen, and its exports; and
 * /api/admin/compilations/brief/:theme — the brief's editorial parts (summary, key barriers and
 * recommendations, closing note, featured quotes), read and replaced whole.
 */
export function adminCompilationsRouter(ctx: AppContext): Router {
  const router = Router();
  const options = { coalition: ctx.env.COALITION_NAME };
  const theme = validateParam('theme', ZSlug, 'Theme');
  const id = validateParam('id', ZUuid, 'Compilation');
  const format = validateParam('format', ZExportFormat, 'Export format');

  const send = async (
    res: Response,
    compilation: TCompilation,
    as: TExportFormat,
    language: TLanguage,
    targetId: string | null,
  ) => {
    const file = await renderExport(compilation, as, language);
    await recordAudit(ctx.db, coordinatorOf(res), {
      action: 'compilation.export',
      targetType: 'export',
      targetId,
      details: { themeSlug: compilation.themeSlug, number: compilation.number, format: as, language },
    });
    res
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${exportFileName(compilation, as, language)}"`,
        'Content-Language': language,
        'Cache-Control': 'no-store',
      })
      .send(file.body);
  };

  router.get('/', async (req, res) => {
    const slug = ZSlug.safeParse(req.query.theme);
    res.json({
      compilations: await listCompilations(ctx.db, coordinatorOf(res), slug.success ? slug.data : undefined),
    });
  });

  router.get('/brief/:theme', theme, async (req, res) => {
    res.json(await getBriefEditorial(ctx.db, req.params.theme as string, coordinatorOf(res)));
  });

  router.put('/brief/:theme', theme, async (req, res) => {
    const parsed = parseBriefEditorial(req.body);
    if (!parsed.success) {
      throw new AppError(
        400,
        'validation_failed',
        'Some fields are invalid',
        fieldErrorsFromZod(parsed.error, englishError),
      );
    }
    const editorial: TBriefEditorial = parsed.data;
    res.json(await putBriefEditorial(ctx.db, req.params.theme as string, coordinatorOf(res), editorial));
  });

  router.get('/live/:theme', theme, async (req, res) => {
    const { compilation } = await compileTheme(
      ctx.db,
      req.params.theme as string,
      coordinatorOf(res),
      new Date(),
      options,
    );
    res.json({ compilation });
  });

  // A brief file travels without the workspace around it: refused to a coordinator of some
  // regions rather than labelled, like freezing and the frozen briefs.
  router.get('/live/:theme/export.:format', theme, format, async (req, res) => {
    assertEveryRegion(coordinatorOf(res));
    const language = exportLanguage(req);
    const { compilation } = await compileTheme(
      ctx.db,
      req.params.theme as string,
      coordinatorOf(res),
      new Date(),
      options,
    );
    await send(res, compilation, req.params.format as TExportFormat, language, null);
  });

  router.post('/', validateBody(ZFreeze), async (req, res) => {
    const frozen = await freezeCompilation(
      ctx.db,
      (req.body as z.infer<typeof ZFreeze>).themeSlug,
      coordinatorOf(res),
      new Date(),
      options,
    );
    res.status(201).json({ id: frozen.id, compilation: frozen.compilation });
  });

  router.get('/:id', id, async (req, res) => {
    const frozen = await getFrozenCompilation(ctx.db, req.params.id as string, coordinatorOf(res));
    res.json({ id: frozen.id, compilation: frozen.compilation });
  });

  router.get('/:id/export.:format', id, format, async (req, res) => {
    const language = exportLanguage(req);
    const frozen = await getFrozenCompilation(ctx.db, req.params.id as string, coordinatorOf(res));
    await send(res, frozen.compilation, req.params.format as TExportFormat, language, frozen.id);
  });

  return router;
}
