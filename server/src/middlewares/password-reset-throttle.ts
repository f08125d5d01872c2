import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';
import type { IpPseudonym } from './ip-pseudonym.js';

// Hashed so Redis holds no address; counted whether or not the address has an account, so a
// 429 tells nothing about it either.
const addressKey = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');

/**
 * "Forgot password" requests: 10 per client network (rotating IP pseudonym) and 3 per target
 * address, per hour. Past either: 429 with Retry-After.
 */
export function passwordResetThrottle(redis: Redis, prefix: string, pseudonym: IpPseudonym): RequestHandler {
  const perIp = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:pwreset:ip`,
    points: 10,
    duration: 3600,
  });
  const perAddress = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:pwreset:addr`,
    points: 3,
    duration: 3600,
  });
  return async (req, _res, next) => {
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    try {
      await perIp.consume(await pseudonym(req.ip ?? 'unknown'));
      await perAddress.consume(addressKey(email));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new AppError(429, 'rate_limited', 'Too many password reset requests; try again later', undefined, {
          'Retry-After': String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))),
        });
      }
      throw AppError.unavailable();
    }
    next();
  };
}
