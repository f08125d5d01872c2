import { ZCreateRegistration, ZSlug, type TCreateRegistration } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { honeypot } from '../../middlewares/honeypot.js';
import type { IpPseudonym } from '../../middlewares/ip-pseudonym.js';
import { publicRateLimit } from '../../middlewares/public-rate-limit.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { OpenWebinarCache } from '../../services/registrations/open-webinar-cache.js';
import { registerParticipant } from '../../services/registrations/register-participant.js';
import { withCalendarLink } from '../../services/registrations/registration-calendar.js';
import { getPublicWebinar } from '../../services/webinars/get-public-webinar.js';
import { listPublicWebinars } from '../../services/webinars/list-public-webinars.js';

/** Public webinar pages and registration. Never exposes join URLs or manage tokens. */
export function webinarsRouter(ctx: AppContext, pseudonym: IpPseudonym): Router {
  const router = Router();
  // Every registration mails the address it names: a network gets a few per hour, no more.
  const registrationLimit = publicRateLimit({
    redis: ctx.redis,
    prefix: ctx.env.QUEUE_PREFIX,
    name: 'registration',
    pseudonym,
    points: ctx.env.REGISTRATION_RATE_LIMIT,
    durationSeconds: 3600,
  });
  const slug = validateParam('slug', ZSlug, 'Webinar');
  // Per app, not per module: each app (and each test stack) has its own database.
  const webinars = new OpenWebinarCache(ctx.db);

  router.get('/', async (_req, res) => {
    res.json({ webinars: await listPublicWebinars(ctx.db) });
  });

  router.get('/:slug', slug, async (req, res) => {
    res.json({ webinar: await getPublicWebinar(ctx.db, req.params.slug as string) });
  });

  router.post(
    '/:slug/registrations',
    registrationLimit,
    honeypot,
    slug,
    validateBody(ZCreateRegistration),
    async (req, res) => {
      const { result, created } = await registerParticipant(
        { db: ctx.db, dbKind: ctx.database.kind, mailQueue: ctx.mailQueue, webinars },
        req.params.slug as string,
        req.body as TCreateRegistration,
      );
      res.status(created ? 201 : 200).json(withCalendarLink(result, ctx.sessionSecret));
    },
  );

  return router;
}
