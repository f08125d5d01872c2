import { ZCreateRegistration, ZSlug, type TCreateRegistration } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { registerParticipant } from '../../services/registrations/register-participant.js';
import { withCalendarLink } from '../../services/registrations/registration-calendar.js';
import { getPublicWebinar } from '../../services/webinars/get-public-webinar.js';
import { listPublicWebinars } from '../../services/webinars/list-public-webinars.js';

/** Public webinar pages and registration. Never exposes join URLs or manage tokens. */
export function webinarsRouter(ctx: AppContext): Router {
  const router = Router();
  const slug = validateParam('slug', ZSlug, 'Webinar');

  router.get('/', async (_req, res) => {
    res.json({ webinars: await listPublicWebinars(ctx.db) });
  });

  router.get('/:slug', slug, async (req, res) => {
    res.json({ webinar: await getPublicWebinar(ctx.db, req.params.slug as string) });
  });

  router.post('/:slug/registrations', slug, validateBody(ZCreateRegistration), async (req, res) => {
    const { result, created } = await registerParticipant(
      { db: ctx.db, mailQueue: ctx.mailQueue },
      req.params.slug as string,
      req.body as TCreateRegistration,
    );
    res.status(created ? 201 : 200).json(withCalendarLink(result, ctx.sessionSecret));
  });

  return router;
}
