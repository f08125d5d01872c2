import { ZLogin, type TLogin } from '@convene/shared';
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import type { LoginThrottle } from '../../middlewares/login-throttle.js';
import { validateBody } from '../../middlewares/validate.js';
import { signedInUser } from '../../services/access/signed-in-user.js';
import { loadCoordinator } from '../../services/access/coordinator.js';
import { isSessionVoided } from '../../services/access/session-validity.js';
import { authenticate } from '../../services/auth/authenticate.js';

type CsrfTools = { generateCsrfToken: (req: Request, res: Response) => string };

const regenerate = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
const destroy = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));

/** /api/auth: sign in, sign out, who am I, CSRF token. */
export function authRouter(ctx: AppContext, csrf: CsrfTools, throttle: LoginThrottle): Router {
  const router = Router();

  router.post('/login', validateBody(ZLogin), throttle.guard, async (req, res) => {
    const { email, password } = req.body as TLogin;
    const user = await authenticate(ctx.db, email, password);
    if (!user) throw new AppError(401, 'invalid_credentials', 'Wrong email or password');
    await throttle.reset(email, req.ip ?? 'unknown');
    // A new session id on sign-in defeats session fixation.
    await regenerate(req);
    req.session.user = user;
    req.session.signedInAt = Date.now();
    ctx.logger.info({ accountId: user.id }, 'coordinator signed in');
    res.json({ user: await signedInUser(ctx.db, user), csrfToken: csrf.generateCsrfToken(req, res) });
  });

  router.post('/logout', async (req, res) => {
    const user = req.session?.user;
    if (user) {
      await destroy(req);
      // Signing out also closes this coordinator's live connections.
      ctx.events.emit('accountSessionsEnded', user.id);
    }
    res.clearCookie('convene.sid');
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    const user = req.session?.user;
    if (!user) throw new AppError(401, 'unauthenticated', 'Sign in first');
    // A session ended by a password reset or change elsewhere is signed out here too.
    const coordinator = await loadCoordinator(ctx.db, user.id);
    if (!coordinator || isSessionVoided(coordinator, req.session)) {
      await destroy(req);
      throw new AppError(401, 'unauthenticated', 'Sign in again');
    }
    res.json({ user: await signedInUser(ctx.db, user), csrfToken: csrf.generateCsrfToken(req, res) });
  });

  router.get('/csrf', (req, res) => {
    res.json({ csrfToken: csrf.generateCsrfToken(req, res) });
  });

  return router;
}
