import { commonEnvShape, parseEnvOrExit } from '@convene/shared/node';
import { retentionEnvIssues, retentionEnvShape } from '@convene/shared/privacy';
import { translationEnvIssues, translationEnvShape } from '@convene/worker/translation';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

export const ZServerEnv = z
  .object({
    ...commonEnvShape,
    // HTTP port of the API and the client pages.
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Interface to listen on.
    HOST: z.string().default('0.0.0.0'),
    // Base URL people reach the platform at; used in mailed links.
    PUBLIC_URL: z.url().optional(),
    // The coalition's name on the cover of every brief (frozen briefs keep the name they were frozen with).
    COALITION_NAME: z.string().trim().min(1).max(120).default('Convene'),
    // Signs session cookies and CSRF tokens. Required in production; otherwise generated once into DATA_DIR.
    SESSION_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    // First admin account, created at start if it does not exist yet.
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
    // Seed the demo programme (an orientation and six thematic webinars) into an empty database.
    SEED_DEMO: bool(true),
    // Largest JSON body accepted, e.g. 100kb.
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'like 100kb')
      .default('100kb'),
    // Number of proxies in front of the server (for client IPs and Secure cookies); 0 when exposed directly.
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    // Reports and receipt look-ups accepted per client network per hour (keyed on a rotating IP pseudonym).
    REPORT_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
    RECEIPT_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
    // Webinar registrations accepted per client network per hour (same pseudonym): each one mails an address.
    REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    // Session idle timeout and absolute lifetime, in minutes.
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(60),
    SESSION_ABSOLUTE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .default(12 * 60),
    // Sender of every email (also read by the worker); shown in invitation previews.
    MAIL_FROM: z.string().min(3).default('Convene <no-reply@convene.localhost>'),
    // The workers' SMTP server (see the worker's env). Read here only to know whether mail leaves:
    // unset = the local outbox, and the admin is also shown each invitation link once.
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    // Run the mail workers inside this process too. Forced on with PGlite (single-process database).
    RUN_WORKER: bool(true),
    // On SIGTERM: seconds the in-flight requests, sockets and (embedded) mail jobs get to finish before they are cut.
    SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(20),
    // On SIGTERM: seconds /readyz answers 503 while the port still accepts, before it closes. 0 behind nginx
    // (it moves on when the port refuses); the health-check interval behind HAProxy, Caddy or Kubernetes.
    SHUTDOWN_NOTICE_SECONDS: z.coerce.number().int().min(0).max(60).default(0),
    // Machine translation (the worker translates; the API only tells reviewers who will see the text).
    ...translationEnvShape,
    // Who is responsible for the personal data, as the privacy notice (/privacy) names them. Unset: "the coalition".
    PRIVACY_CONTROLLER_NAME: z.string().trim().min(1).max(200).optional(),
    // Where people write about their data (the notice and its contact section).
    PRIVACY_CONTACT_EMAIL: z.email().default('privacy@convene.localhost'),
    // The controller's postal address, shown on the notice when set.
    PRIVACY_CONTACT_ADDRESS: z.string().trim().min(1).max(500).optional(),
    // Retention of personal data: the API shows the forecast and hashes suppressed addresses on import.
    ...retentionEnvShape,
  })
  .superRefine(
    (env, ctx) => {
      if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'required in production' });
      }
      if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ADMIN_PASSWORD'],
          message: 'set ADMIN_EMAIL and ADMIN_PASSWORD together',
        });
      }
      for (const issue of [...translationEnvIssues(env), ...retentionEnvIssues(env)]) {
        ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
      }
      // Run even when other variables are invalid, so every problem is listed at once.
    },
    { when: () => true },
  )
  .transform((env) => {
    const PUBLIC_URL = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
    // Secure cookies and upgraded requests follow how people reach the platform, not NODE_ENV:
    // `docker compose up` is production on http://localhost:3000, where a Secure session cookie
    // is never set (express-session refuses it on a plain-HTTP request) and sign-in fails.
    return { ...env, PUBLIC_URL, servedOverHttps: PUBLIC_URL.startsWith('https:') };
  });

export type ServerEnv = z.infer<typeof ZServerEnv>;

/** Parses a given environment (tests build their own). */
export function loadServerEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  return parseEnvOrExit(ZServerEnv, source, 'convene server');
}
