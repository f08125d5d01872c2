import {
  ZCompleteWebinar,
  ZCreateWebinar,
  ZUpdateWebinar,
  ZUuid,
  type TCompleteWebinar,
  type TCreateWebinar,
  type TUpdateWebinar,
} from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { cancelWebinar } from '../../services/webinars/cancel-webinar.js';
import { completeWebinar } from '../../services/webinars/complete-webinar.js';
import { createWebinar } from '../../services/webinars/create-webinar.js';
import { listAdminWebinars } from '../../services/webinars/list-admin-webinars.js';
import { updateWebinar } from '../../services/webinars/update-webinar.js';

/** /api/admin/webinars — coordinators schedule and edit webinars. */
export function adminWebinarsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ webinars: await listAdminWebinars(ctx.db) });
  });

  router.post('/', validateBody(ZCreateWebinar), async (req, res) => {
    const webinar = await createWebinar(ctx.db, req.body as TCreateWebinar);
    ctx.logger.info({ webinarId: webinar.id }, 'webinar created');
    res.status(201).json({ webinar });
  });

  router.patch('/:id', validateParam('id', ZUuid, 'Webinar'), validateBody(ZUpdateWebinar), async (req, res) => {
    const webinar = await updateWebinar(ctx, req.params.id as string, req.body as TUpdateWebinar);
    ctx.logger.info({ webinarId: webinar.id, version: webinar.version }, 'webinar updated');
    res.json({ webinar });
  });

  router.post('/:id/cancel', validateParam('id', ZUuid, 'Webinar'), async (req, res) => {
    const webinar = await cancelWebinar(ctx, req.params.id as string);
    ctx.logger.info({ webinarId: webinar.id }, 'webinar cancelled');
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
      res.json({ webinar });
    },
  );

  return router;
}
