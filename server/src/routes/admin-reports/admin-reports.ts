import {
  ZCreateNote,
  ZMergeReport,
  ZReportFilter,
  ZUpdateReport,
  ZUuid,
  fieldErrorsFromZod,
  englishError,
  type TCreateNote,
  type TMergeReport,
  type TUpdateReport,
} from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { coordinatorOf, requireAdmin } from '../../middlewares/require-role.js';
import { revealIdentity } from '../../services/reporter-keys/reveal-identity.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { addNote } from '../../services/review/add-note.js';
import { getReport } from '../../services/review/get-report.js';
import { listReports } from '../../services/review/list-reports.js';
import { mergeReport, unmergeReport } from '../../services/review/merge-report.js';
import { streamReportsCsv } from '../../services/review/stream-reports-csv.js';
import { updateReport } from '../../services/review/update-report.js';

/** /api/admin/reports — review: list and search, read, status, re-tag, redact, notes, merge, CSV. */
export function adminReportsRouter(ctx: AppContext): Router {
  const router = Router();
  const id = validateParam('id', ZUuid, 'Report');
  const filterOf = (query: unknown) => {
    const parsed = ZReportFilter.safeParse(query);
    if (!parsed.success) {
      throw new AppError(
        400,
        'validation_failed',
        'Some filters are invalid',
        fieldErrorsFromZod(parsed.error, englishError),
      );
    }
    return parsed.data;
  };

  router.get('/', async (req, res) => {
    res.json(await listReports(ctx.db, filterOf(req.query), coordinatorOf(res)));
  });

  router.get('/export.csv', async (req, res) => {
    const filter = filterOf(req.query);
    await streamReportsCsv(ctx.database, filter, coordinatorOf(res), res);
  });

  router.get('/:id', id, async (req, res) => {
    res.json({ report: await getReport(ctx.db, req.params.id as string, coordinatorOf(res)) });
  });

  router.patch('/:id', id, validateBody(ZUpdateReport), async (req, res) => {
    const report = await updateReport(ctx.db, req.params.id as string, req.body as TUpdateReport, coordinatorOf(res));
    res.json({ report });
  });

  router.post('/:id/notes', id, validateBody(ZCreateNote), async (req, res) => {
    const report = await addNote(ctx.db, req.params.id as string, (req.body as TCreateNote).text, coordinatorOf(res));
    res.status(201).json({ report });
  });

  // Near-duplicates: this report is merged into `into` (kept), or stands alone again.
  router.post('/:id/merge', id, validateBody(ZMergeReport), async (req, res) => {
    const into = (req.body as TMergeReport).into;
    res.json(await mergeReport(ctx.db, req.params.id as string, into, coordinatorOf(res)));
  });

  // Admins only, audited before the envelope leaves: coordinators never get the ciphertext.
  router.post('/:id/identity', requireAdmin, id, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(await revealIdentity(ctx.db, req.params.id as string, coordinatorOf(res)));
  });

  router.delete('/:id/merge', id, async (req, res) => {
    res.json(await unmergeReport(ctx.db, req.params.id as string, coordinatorOf(res)));
  });

  return router;
}
