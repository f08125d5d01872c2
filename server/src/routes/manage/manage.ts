import { ZConfirmErasure, ZUpdateManagedRegistration, type TUpdateManagedRegistration } from '@convene/shared';
import { Router, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { validateBody } from '../../middlewares/validate.js';
import { cancelRegistration } from '../../services/registrations/cancel-registration.js';
import { deleteRegistration } from '../../services/registrations/delete-registration.js';
import { findByManageToken, getManagedRegistration } from '../../services/registrations/manage-registration.js';
import { calendarByManageToken, type CalendarFile } from '../../services/registrations/registration-calendar.js';
import { updateRegistrationPreferences } from '../../services/registrations/update-registration-preferences.js';

/** Sends an .ics as a download; it names the registrant, so no cache keeps it. */
export function sendCalendar(res: Response, file: CalendarFile): void {
  res
    .set('Cache-Control', 'no-store')
    .type('text/calendar; charset=utf-8')
    .attachment(file.filename)
    .send(file.content);
}

/**
 * /api/registrations/manage/:token — the registrant's own view, preferences, calendar file
 * cancellation and deletion, reached from the link in every email. The token is the only credential;
 * it is never logged.
 */
export function manageRouter(ctx: AppContext): Router {
  const router = Router();
  const settings = { publicUrl: ctx.env.PUBLIC_URL, mailFrom: ctx.env.MAIL_FROM };
  router.get('/:token', async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await getManagedRegistration(ctx.db, req.params.token as string));
  });
  router.patch('/:token', validateBody(ZUpdateManagedRegistration), async (req, res) => {
    const result = await updateRegistrationPreferences(
      ctx.db,
      req.params.token as string,
      req.body as TUpdateManagedRegistration,
    );
    ctx.logger.info({ registrationId: result.registration.id }, 'registration preferences changed by registrant');
    res.set('Cache-Control', 'no-store').json(result);
  });
  router.get('/:token/calendar.ics', async (req, res) => {
    sendCalendar(res, await calendarByManageToken(ctx.db, settings, req.params.token as string));
  });
  router.post('/:token/cancel', async (req, res) => {
    const result = await cancelRegistration(ctx, req.params.token as string);
    ctx.logger.info({ registrationId: result.registration.id }, 'registration cancelled by registrant');
    res.set('Cache-Control', 'no-store').json(result);
  });
  router.post('/:token/delete', validateBody(ZConfirmErasure), async (req, res) => {
    const { registration } = await findByManageToken(ctx.db, req.params.token as string);
    await deleteRegistration({ db: ctx.db, mailQueue: ctx.mailQueue, dataDir: ctx.env.DATA_DIR }, registration.id, {
      kind: 'registrant',
    });
    ctx.logger.info({ registrationId: registration.id }, 'registration deleted by registrant');
    res.set('Cache-Control', 'no-store').json({ deleted: true });
  });
  return router;
}
