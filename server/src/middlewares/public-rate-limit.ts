import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';
import type { IpPseudonym } from './ip-pseudonym.js';

export type PublicRateLimitOptions = {
  redis: Redis;
  prefix: string;
  /** Names the counter, e.g. "report". */
  name: string;
  pseudonym: IpPseudonym;
  points: number;
  durationSeconds: number;
};

/**
 * Rate limiting of a public form, keyed on a rotating pseudonym of the client's IP so that
 * no address is ever written anywhere (counters expire with their window). Past the limit:
 * 429 with Retry-After, before the request is read further.
 */
export function publicRateLimit(options: PublicRateLimitOptions): RequestHandler {
  const limiter = new RateLimiterRedis({
    storeClient: options.redis,
    keyPrefix: `${options.prefix}:rl:${options.name}`,
    points: options.points,
    duration: options.durationSeconds,
  });
  return async (req, _res, next) => {
    try {
      await limiter.consume(await options.pseudonym(req.ip ?? 'unknown'));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new AppError(429, 'rate_limited', 'Too many requests from this network; try again later', undefined, {
          'Retry-After': String(Math.max(1, Math.ceil(err.msBeforeNext / 1000))),
        });
      }
      throw AppError.unavailable();
    }
    next();
  };
}
