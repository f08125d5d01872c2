import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';
import type { IpPseudonym } from './ip-pseudonym.js';

export type LoginThrottle = {
  /** Counts an attempt; throws 429 with Retry-After past the limit. */
  guard: RequestHandler;
  /**
   * After a successful sign-in: forgets the failures for this email and IP and gives the IP
   * its point back, so only failures count toward either limit.
   */
  reset: (email: string, ip: string) => Promise<void>;
};

// Hashed so Redis holds no email address; the IP enters only as its rotating pseudonym, since
// a plain hash of an IPv4 address is undone by trying all four billion.
const keyOf = (email: string, ipPseudonym: string) =>
  createHash('sha256').update(`${email.toLowerCase()}|${ipPseudonym}`).digest('base64url');

/**
 * Login throttling: 5 tries per email and IP per 15 minutes, 50 per IP per hour.
 * Counters live in Redis, so every API instance shares them.
 */
export function loginThrottle(redis: Redis, prefix: string, pseudonym: IpPseudonym): LoginThrottle {
  const perAccount = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:login:acct`,
    points: 5,
    duration: 15 * 60,
  });
  const perIp = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}:login:ip`,
    points: 50,
    duration: 3600,
  });
  const guard: RequestHandler = async (req, _res, next) => {
    const email = typeof req.body?.email === 'string' ? req.body.email : '';
    const ip = req.ip ?? 'unknown';
    try {
      const ipKey = await pseudonym(ip);
      await perIp.consume(ipKey);
      await perAccount.consume(keyOf(email, ipKey));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
        throw new AppError(429, 'rate_limited', 'Too many sign-in attempts', undefined, {
          'Retry-After': String(seconds),
        });
      }
      throw AppError.unavailable();
    }
    next();
  };
  // Every attempt is counted first (so parallel guesses cannot slip past the limit), and a
  // success is refunded: a coordinator who signs in often is never throttled.
  const reset = async (email: string, ip: string) => {
    const ipKey = await pseudonym(ip);
    await Promise.all([perAccount.delete(keyOf(email, ipKey)), perIp.reward(ipKey, 1)]);
  };
  return { guard, reset };
}
