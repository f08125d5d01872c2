import { ZUuid } from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { validateParam } from '../../middlewares/validate.js';
import { calendarByKey } from '../../services/registrations/registration-calendar.js';
import { sendCalendar } from './manage.js';

/**
 * /api/registrations/calendar/:id?key= — the confirmation screen's calendar link: the new
 * registration's .ics, opened by a key that opens nothing else.
 */
export function registrationCalendarRouter(ctx: AppContext): Router {
  const router = Router();
  const settings = { publicUrl: ctx.env.PUBLIC_URL, mailFrom: ctx.env.MAIL_FROM, secret: ctx.sessionSecret };
  router.get('/:id', validateParam('id', ZUuid, 'Registration'), async (req, res) => {
    const key = typeof req.query.key === 'string' ? req.query.key : '';
    sendCalendar(res, await calendarByKey(ctx.db, settings, req.params.id as string, key));
  });
  return router;
}
