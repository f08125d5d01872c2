import { ZCreateWebinar, ZUpdateWebinar, ZUuid, type TCreateWebinar, type TUpdateWebinar } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
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
    const webinar = await updateWebinar(ctx.db, req.params.id as string, req.body as TUpdateWebinar);
    ctx.logger.info({ webinarId: webinar.id, version: webinar.version }, 'webinar updated');
    res.json({ webinar });
  });

  return router;
}
