import {
  ZCompleteWebinar,
  ZCreateWebinar,
  ZRegistrantFilter,
  ZUpdateWebinar,
  ZUuid,
  englishError,
  fieldErrorsFromZod,
  type TCompleteWebinar,
  type TCreateWebinar,
  type TUpdateWebinar,
} from '@convene/shared';
import { stringify } from 'csv-stringify/sync';
import { Router, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { assertProgrammeWide } from '../../services/access/programme-scope.js';
import { registrantScope } from '../../services/access/registrant-scope.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { CSV_OPTIONS, neutralizeCell } from '../../services/compilations/render-csv.js';
import { cancelWebinar } from '../../services/webinars/cancel-webinar.js';
import { completeWebinar } from '../../services/webinars/complete-webinar.js';
import { createWebinar } from '../../services/webinars/create-webinar.js';
import { listAdminWebinars } from '../../services/webinars/list-admin-webinars.js';
import { listRegistrants } from '../../services/webinars/list-registrants.js';
import { updateWebinar } from '../../services/webinars/update-webinar.js';

/** /api/admin/webinars — coordinators schedule and edit webinars. */
export function adminWebinarsRouter(ctx: AppContext): Router {
  const router = Router();
  const id = validateParam('id', ZUuid, 'Webinar');
  const audit = (res: Response, action: string, webinarId: string, details?: Record<string, unknown>) =>
    recordAudit(ctx.db, coordinatorOf(res), { action, targetType: 'webinar', targetId: webinarId, details });

  // Webinars are programme-wide: every request that may change one (whatever route is
  // added here later) is refused to a scoped coordinator before it is read further.
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') assertProgrammeWide(coordinatorOf(res));
    next();
  });

  router.get('/', async (_req, res) => {
    res.json({ webinars: await listAdminWebinars(ctx.db) });
  });

  // Filtered by status and search words; the counts are the webinar's true totals.
  router.get('/:id/registrations', id, async (req, res) => {
    const filter = ZRegistrantFilter.safeParse(req.query);
    if (!filter.success) {
      throw new AppError(
        400,
        'validation_failed',
        'Some filters are invalid',
        fieldErrorsFromZod(filter.error, englishError),
      );
    }
    res.json(await listRegistrants(ctx.db, req.params.id as string, filter.data, registrantScope(coordinatorOf(res))));
  });

  // The registrant list for a spreadsheet: RFC 4180, BOM for Excel, formulas neutralized.
  router.get('/:id/registrations.csv', id, async (req, res) => {
    const { registrants } = await listRegistrants(
      ctx.db,
      req.params.id as string,
      {},
      registrantScope(coordinatorOf(res)),
    );
    const columns = [
      'name',
      'email',
      'organization',
      'country',
      'language',
      'timeZone',
      'status',
      'registeredAt',
      'cancelledAt',
      'attendedAt',
    ] as const;
    const rows = registrants.map((r) => columns.map((c) => neutralizeCell(r[c] ?? '')));
    await audit(res, 'webinar.export_registrants', req.params.id as string, { rows: rows.length });
    res
      .set({
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="registrants.csv"',
        'Cache-Control': 'no-store',
      })
      .send(stringify([[...columns], ...rows], CSV_OPTIONS));
  });

  router.post('/', validateBody(ZCreateWebinar), async (req, res) => {
    const webinar = await createWebinar(ctx.db, req.body as TCreateWebinar);
    ctx.logger.info({ webinarId: webinar.id }, 'webinar created');
    await audit(res, 'webinar.create', webinar.id);
    res.status(201).json({ webinar });
  });

  router.patch('/:id', validateParam('id', ZUuid, 'Webinar'), validateBody(ZUpdateWebinar), async (req, res) => {
    const webinar = await updateWebinar(ctx, req.params.id as string, req.body as TUpdateWebinar);
    ctx.logger.info({ webinarId: webinar.id, version: webinar.version }, 'webinar updated');
    await audit(res, 'webinar.update', webinar.id, {
      fields: Object.keys(req.body as object),
      version: webinar.version,
    });
    res.json({ webinar });
  });

  router.post('/:id/cancel', validateParam('id', ZUuid, 'Webinar'), async (req, res) => {
    const webinar = await cancelWebinar(ctx, req.params.id as string);
    ctx.logger.info({ webinarId: webinar.id }, 'webinar cancelled');
    await audit(res, 'webinar.cancel', webinar.id);
    res.json({ webinar });
  });

  router.post(
    '/:id/complete',
    validateParam('id', ZUuid, 'Webinar'),
    validateBody(ZCompleteWebinar),
    async (req, res) => {
      const { recordingUrl } = req.body as TCompleteWebinar;
      const webinar = await completeWebinar(ctx, req.params.id as string, recordingUrl ?? null);
      ctx.logger.info({ webinarId: webinar.id }, 'webinar completed');
      await audit(res, 'webinar.complete', webinar.id);
      res.json({ webinar });
    },
  );

  return router;
}
