import {
  ZPasswordReset,
  ZPasswordResetRequest,
  type TPasswordReset,
  type TPasswordResetRequest,
} from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import type { IpPseudonym } from '../../middlewares/ip-pseudonym.js';
import { passwordResetThrottle } from '../../middlewares/password-reset-throttle.js';
import { validateBody } from '../../middlewares/validate.js';
import { requestPasswordReset } from '../../services/auth/request-password-reset.js';
import { checkPasswordReset, resetPassword } from '../../services/auth/reset-password.js';

/**
 * The answer to a reset request takes at least this long, whether a mail was planned or not,
 * so its timing does not tell which addresses have an account.
 */
const ANSWER_FLOOR_MS = 400;

/** /api/auth/password-reset — "forgot password", no session needed (the mailed token is the credential). */
export function passwordResetRouter(ctx: AppContext, pseudonym: IpPseudonym): Router {
  const router = Router();
  const throttle = passwordResetThrottle(ctx.redis, ctx.env.QUEUE_PREFIX, pseudonym);

  router.post('/', validateBody(ZPasswordResetRequest), throttle, async (req, res) => {
    const started = Date.now();
    const { email } = req.body as TPasswordResetRequest;
    await requestPasswordReset({ db: ctx.db, mailQueue: ctx.mailQueue }, email);
    const wait = ANSWER_FLOOR_MS - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    res.status(202).json({ accepted: true });
  });

  router.get('/:token', async (req, res) => {
    await checkPasswordReset(ctx.db, req.params.token as string);
    res.json({ valid: true });
  });

  router.post('/complete', validateBody(ZPasswordReset), async (req, res) => {
    const { token, password } = req.body as TPasswordReset;
    const accountId = await resetPassword(ctx.db, token, password);
    // Every session of the account is void now; its open dashboards are closed too.
    ctx.events.emit('accountSessionsEnded', accountId);
    ctx.logger.info({ accountId }, 'password reset');
    res.status(204).end();
  });

  return router;
}
