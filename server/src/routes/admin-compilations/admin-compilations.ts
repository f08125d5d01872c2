import { ZExportFormat, ZSlug, ZUuid, type TCompilation, type TExportFormat } from '@convene/shared';
import { Router, type Response } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { assertEveryRegion } from '../../services/access/programme-scope.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { compileTheme } from '../../services/compilations/compile-theme.js';
import {
  freezeCompilation,
  getFrozenCompilation,
  listCompilations,
} from '../../services/compilations/freeze-compilation.js';
import { exportFileName, renderExport } from '../../services/compilations/render-export.js';

const ZFreeze = z.strictObject({ themeSlug: ZSlug });

/** /api/admin/compilations — a theme's brief, live or frozen, and its exports. */
export function adminCompilationsRouter(ctx: AppContext): Router {
  const router = Router();
  const theme = validateParam('theme', ZSlug, 'Theme');
  const id = validateParam('id', ZUuid, 'Compilation');
  const format = validateParam('format', ZExportFormat, 'Export format');

  const send = async (res: Response, compilation: TCompilation, as: TExportFormat, targetId: string | null) => {
    const file = await renderExport(compilation, as);
    await recordAudit(ctx.db, coordinatorOf(res), {
      action: 'compilation.export',
      targetType: 'export',
      targetId,
      details: { themeSlug: compilation.themeSlug, number: compilation.number, format: as },
    });
    res
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${exportFileName(compilation, as)}"`,
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

  router.get('/live/:theme', theme, async (req, res) => {
    const { compilation } = await compileTheme(ctx.db, req.params.theme as string, coordinatorOf(res));
    res.json({ compilation });
  });

  // A brief file travels without the workspace around it: refused to a coordinator of some
  // regions rather than labelled, like freezing and the frozen briefs.
  router.get('/live/:theme/export.:format', theme, format, async (req, res) => {
    assertEveryRegion(coordinatorOf(res));
    const { compilation } = await compileTheme(ctx.db, req.params.theme as string, coordinatorOf(res));
    await send(res, compilation, req.params.format as TExportFormat, null);
  });

  router.post('/', validateBody(ZFreeze), async (req, res) => {
    const frozen = await freezeCompilation(ctx.db, (req.body as z.infer<typeof ZFreeze>).themeSlug, coordinatorOf(res));
    res.status(201).json({ id: frozen.id, compilation: frozen.compilation });
  });

  router.get('/:id', id, async (req, res) => {
    const frozen = await getFrozenCompilation(ctx.db, req.params.id as string, coordinatorOf(res));
    res.json({ id: frozen.id, compilation: frozen.compilation });
  });

  router.get('/:id/export.:format', id, format, async (req, res) => {
    const frozen = await getFrozenCompilation(ctx.db, req.params.id as string, coordinatorOf(res));
    await send(res, frozen.compilation, req.params.format as TExportFormat, frozen.id);
  });

  return router;
}
