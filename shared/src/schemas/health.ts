import { z } from 'zod';

export const ZHealth = z.object({ status: z.literal('ok') });
export const ZReadiness = z.object({
  // draining: the process received SIGTERM and finishes its in-flight requests.
  status: z.enum(['ok', 'unavailable', 'draining']),
  checks: z.object({ database: z.enum(['ok', 'down']), redis: z.enum(['ok', 'down']) }),
});
