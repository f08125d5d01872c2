import { z } from 'zod';
import { resolveDataDir } from './paths.js';

/** Variables every process reads. Each process's env.ts extends these. */
export const commonEnvShape = {
  // production | development | test. Production makes cookies Secure and logs terser.
  NODE_ENV: z.enum(['production', 'development', 'test']).default('development'),
  // PostgreSQL connection string. Unset: embedded PGlite in DATA_DIR (single process).
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Redis for queues and sessions. Always required.
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .default('redis://127.0.0.1:6379'),
  // Prefix of every BullMQ key, so several deployments (or test runs) can share one Redis.
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('convene'),
  // Where PGlite data, the local mail outbox and other files live. Relative to the repo root.
  DATA_DIR: z
    .string()
    .optional()
    .transform((v) => resolveDataDir(v)),
  // Scheduled mail (reminders, follow-ups) may start going out this many seconds before its
  // time, so 1,000 reminders due in the same second all arrive by then: a one-hour reminder a
  // few seconds early is harmless, a late one is not. 0 = never early.
  REMINDER_EARLY_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  // trace | debug | info | warn | error | fatal | silent
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
};

/** Treats empty strings as unset, like most twelve-factor tooling. */
export function cleanEnv(source: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}

/**
 * Parses the environment synchronously. On failure prints every problem at once and exits 1,
 * so a misconfigured process never half-starts.
 */
export function parseEnvOrExit<T extends z.ZodType>(
  schema: T,
  source: NodeJS.ProcessEnv,
  processName: string,
): z.infer<T> {
  const result = schema.safeParse(cleanEnv(source));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
  process.stderr.write(`${processName}: invalid configuration:\n${lines.join('\n')}\nSee .env.example.\n`);
  process.exit(1);
}
