import { createHmac, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export type IpPseudonym = (ip: string) => Promise<string>;

/**
 * Turns an IP address into a pseudonym for rate limiting: an HMAC keyed with a random
 * secret that rotates every `rotationSeconds`. The secret lives only in Redis, shared by
 * every API instance, and expires one period after its own: from then on nobody — not even
 * with the whole Redis and the code — can tell which address a counter belonged to.
 */
export function ipPseudonym(redis: Redis, prefix: string, rotationSeconds = 24 * 3600): IpPseudonym {
  const secrets = new Map<number, Buffer>();

  const secretOf = async (period: number): Promise<Buffer> => {
    const cached = secrets.get(period);
    if (cached) return cached;
    const key = `${prefix}:ip-secret:${period}`;
    // The first instance to need this period's secret makes it; the others read that one.
    await redis.set(key, randomBytes(32).toString('base64'), 'EX', rotationSeconds * 2, 'NX');
    const stored = await redis.get(key);
    if (!stored) throw new Error('IP pseudonym secret vanished from Redis');
    const secret = Buffer.from(stored, 'base64');
    secrets.clear();
    secrets.set(period, secret);
    return secret;
  };

  return async (ip) => {
    const period = Math.floor(Date.now() / 1000 / rotationSeconds);
    const secret = await secretOf(period);
    return createHmac('sha256', secret).update(ip).digest('base64url').slice(0, 24);
  };
}
