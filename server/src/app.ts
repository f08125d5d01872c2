import { randomUUID } from 'node:crypto';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { clientPages } from './client-pages/client-pages.js';
import type { AppContext } from './context.js';
import { csrfProtection } from './middlewares/csrf.js';
import { apiNotFound, errorHandler } from './middlewares/error-handler.js';
import { ipPseudonym } from './middlewares/ip-pseudonym.js';
import { loginThrottle } from './middlewares/login-throttle.js';
import { isQuietRequest } from './middlewares/quiet-requests.js';
import { requireAdmin, requireCoordinator } from './middlewares/require-role.js';
import { responseCompression } from './middlewares/response-compression.js';
import { adminAccountRouter } from './routes/admin-account/admin-account.js';
import { adminAccountsRouter } from './routes/admin-accounts/admin-accounts.js';
import { adminAuditRouter } from './routes/admin-audit/admin-audit.js';
import { adminRetentionRouter } from './routes/admin-retention/admin-retention.js';
import { adminCompilationsRouter } from './routes/admin-compilations/admin-compilations.js';
import { QUEUES_PATH, queuesDashboard } from './routes/admin-queues/admin-queues.js';
import { invitationRouter } from './routes/invitation/invitation.js';
import { adminOverviewRouter } from './routes/admin-overview/admin-overview.js';
import { adminReportsRouter } from './routes/admin-reports/admin-reports.js';
import { adminWebinarsRouter } from './routes/admin-webinars/admin-webinars.js';
import { adminRegistrantsRouter } from './routes/admin-registrants/admin-registrants.js';
import { authRouter } from './routes/auth/auth.js';
import { campaignsRouter } from './routes/campaigns/campaigns.js';
import { contactsRouter } from './routes/contacts/contacts.js';
import { healthRouter } from './routes/health/health.js';
import { invitationsRouter } from './routes/invitations/invitations.js';
import { manageRouter } from './routes/manage/manage.js';
import { registrationCalendarRouter } from './routes/manage/registration-calendar.js';
import { openApiRouter } from './routes/openapi/openapi.js';
import { outboxRouter } from './routes/outbox/outbox.js';
import { passwordResetRouter } from './routes/password-reset/password-reset.js';
import { reportsRouter } from './routes/reports/reports.js';
import { reporterKeyRouter } from './routes/reporter-key/reporter-key.js';
import { adminReporterKeysRouter } from './routes/admin-reporter-keys/admin-reporter-keys.js';
import { reporterProtection } from './middlewares/reporter-protection.js';
import { themesRouter } from './routes/themes/themes.js';
import { adminThemesRouter } from './routes/admin-themes/admin-themes.js';
import { adminTranslationsRouter } from './routes/admin-translations/admin-translations.js';
import { unsubscribeAssetsRouter, unsubscribeRouter } from './routes/unsubscribe/unsubscribe.js';
import { webinarsRouter } from './routes/webinars/webinars.js';
import { adminConsultationsRouter } from './routes/admin-consultations/admin-consultations.js';
import { adminPublicationRouter } from './routes/admin-publication/admin-publication.js';
import { consultationsRouter } from './routes/consultations/consultations.js';
import { publicThemesRouter } from './routes/public-themes/public-themes.js';
import { privacyRouter } from './routes/privacy/privacy.js';

export { CLIENT_DIST } from './client-pages/client-pages.js';

/** Paths whose last segment is a secret (manage and unsubscribe tokens) are logged masked. */
function loggableUrl(url: string): string {
  const [pathname = ''] = url.split('?');
  return pathname.replace(
    /\/(manage|unsubscribe|receipt|invitations|invitation|reset|password-reset)\/[^/]+/g,
    '/$1/[token]',
  );
}

/**
 * Builds the HTTP application: security headers, logging, API routes, client pages, errors.
 * `close` releases what the app holds beyond the context (the queue dashboard's connections).
 */
export function createApp(ctx: AppContext, session: RequestHandler): { app: Express; close: () => Promise<void> } {
  const app = express();
  const https = ctx.env.servedOverHttps;
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.env.TRUST_PROXY);

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger: ctx.logger,
      genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID(),
      // Only what helps debugging without personal data: no headers, no query strings, no bodies.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: loggableUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => isQuietRequest(req.url ?? '') },
    }),
  );

  // Many readers are on slow mobile links: compress every text response (CSV downloads
  // at a faster setting, see response-compression.ts).
  app.use(responseCompression());
  app.use(healthRouter(ctx));
  // Before the body parser: a refused body (400, 413) on the report API carries them too.
  app.use('/api/reports', reporterProtection);
  app.use('/api/reporter-key', reporterProtection);
  app.use('/api', express.json({ limit: ctx.env.BODY_LIMIT, strict: true }));
  app.use('/api', openApiRouter(ctx));
  app.use('/api/themes', themesRouter(ctx));
  app.use('/api/themes', publicThemesRouter(ctx));
  app.use('/api/privacy', privacyRouter(ctx));
  app.use('/api', consultationsRouter(ctx));
  // One pseudonym of client IPs for every rate limit: no limiter keeps an address.
  const pseudonym = ipPseudonym(ctx.redis, ctx.env.QUEUE_PREFIX);
  app.use('/api/webinars', webinarsRouter(ctx, pseudonym));
  app.use('/api/registrations/manage', manageRouter(ctx));
  app.use('/api/registrations/calendar', registrationCalendarRouter(ctx));
  app.use('/api/invitations', invitationsRouter(ctx));
  app.use('/api/reports', reportsRouter(ctx, pseudonym));
  app.use('/api/reporter-key', reporterKeyRouter(ctx));
  // Two path segments: never taken for a token.
  app.use('/unsubscribe/assets', unsubscribeAssetsRouter());
  app.use(['/unsubscribe', '/api/unsubscribe'], unsubscribeRouter(ctx));

  // Coordinator area: sessions in Redis, then role, then CSRF on state-changing requests.
  const csrf = csrfProtection(ctx.sessionSecret, https);
  app.use(['/api/auth', '/api/admin'], cookieParser(), session);
  app.use('/api/auth/invitation', invitationRouter(ctx));
  app.use('/api/auth/password-reset', passwordResetRouter(ctx, pseudonym));
  app.use('/api/auth', authRouter(ctx, csrf, loginThrottle(ctx.redis, ctx.env.QUEUE_PREFIX, pseudonym)));
  app.use('/api/admin', requireCoordinator(ctx.db, ctx.env.SESSION_ABSOLUTE_MINUTES), csrf.doubleCsrfProtection);
  app.use('/api/admin/webinars', adminWebinarsRouter(ctx));
  app.use('/api/admin/outbox', outboxRouter(ctx));
  app.use('/api/admin/contacts', contactsRouter(ctx));
  app.use('/api/admin/campaigns', campaignsRouter(ctx, ctx.env.MAIL_FROM));
  app.use('/api/admin/accounts', adminAccountsRouter(ctx));
  app.use('/api/admin/audit', adminAuditRouter(ctx));
  app.use('/api/admin/retention', adminRetentionRouter(ctx));
  app.use('/api/admin/reporter-keys', adminReporterKeysRouter(ctx));
  app.use('/api/admin/overview', adminOverviewRouter(ctx));
  app.use('/api/admin/reports', adminReportsRouter(ctx));
  app.use('/api/admin/compilations', adminCompilationsRouter(ctx));
  app.use('/api/admin/compilations', adminPublicationRouter(ctx));
  app.use('/api/admin/consultations', adminConsultationsRouter(ctx));
  app.use('/api/admin/account', adminAccountRouter(ctx));
  app.use('/api/admin/webinars', adminRegistrantsRouter(ctx));
  app.use('/api/admin/themes', adminThemesRouter(ctx));
  const translations = adminTranslationsRouter(ctx);
  app.use('/api/admin', translations.router);
  app.use('/api', apiNotFound);

  // Bull Board: admins only, with the same session; read-only.
  const dashboard = queuesDashboard(ctx);
  app.use(
    QUEUES_PATH,
    cookieParser(),
    session,
    requireCoordinator(ctx.db, ctx.env.SESSION_ABSOLUTE_MINUTES),
    requireAdmin,
    dashboard.router,
  );

  app.use(clientPages(ctx));
  app.use(errorHandler(ctx.logger));
  return { app, close: async () => void (await Promise.all([dashboard.close(), translations.close()])) };
}
