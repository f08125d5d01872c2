import type { TSessionUser } from '@convene/shared';
import { RedisStore } from 'connect-redis';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { RedisClientType } from 'redis';

declare module 'express-session' {
  interface SessionData {
    user?: TSessionUser;
    /** When the user signed in (ms): the absolute timeout counts from here. */
    signedInAt?: number;
    /** When this session last proved the password (sign-in or its own password change), ms. */
    credentialAt?: number;
  }
}

export type SessionOptions = {
  client: RedisClientType;
  secret: string;
  secure: boolean;
  idleMinutes: number;
  prefix: string;
};

/**
 * Coordinator sessions in Redis. The cookie is HttpOnly and SameSite=Lax (Secure in
 * production); `rolling` renews it on each request, which makes maxAge the idle timeout.
 */
export function sessionMiddleware(options: SessionOptions): RequestHandler {
  return session({
    name: 'convene.sid',
    store: new RedisStore({ client: options.client, prefix: `${options.prefix}:sess:` }),
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: undefined,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secure,
      maxAge: options.idleMinutes * 60_000,
      path: '/',
    },
  });
}
