import { z } from 'zod';

/**
 * How long personal data is kept, read from the environment by both the API (which shows the
 * forecast) and the worker (which runs the purge). Each process's env.ts spreads this shape.
 */
export const retentionEnvShape = {
  // Days after a webinar ends before its registrants' name, email, organization and manage link are erased.
  RETENTION_REGISTRANT_DAYS: z.coerce.number().int().min(1).max(36_500).default(90),
  // Days after a report is in a frozen brief before a named reporter's contact name and email are erased.
  RETENTION_REPORTER_DAYS: z.coerce.number().int().min(1).max(36_500).default(30),
  // Days after a contact unsubscribed or bounced before it is erased (only a keyed hash of the address stays).
  RETENTION_CONTACT_DAYS: z.coerce.number().int().min(1).max(36_500).default(180),
  // How often the worker runs the retention purge.
  RETENTION_EVERY_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  // Key of the address hashes that keep erased contacts unsubscribed (32+ characters). Required in
  // production, and the same for every process; otherwise generated once into DATA_DIR.
  PRIVACY_KEY: z.string().min(32, 'at least 32 characters').optional(),
};

export type RetentionEnv = {
  RETENTION_REGISTRANT_DAYS: number;
  RETENTION_REPORTER_DAYS: number;
  RETENTION_CONTACT_DAYS: number;
  RETENTION_EVERY_MINUTES: number;
  PRIVACY_KEY?: string;
  NODE_ENV: string;
};

/** The retention periods, in days. */
export type RetentionPolicy = {
  registrantDays: number;
  reporterDays: number;
  contactDays: number;
  everyMinutes: number;
};

export function retentionPolicyFromEnv(env: RetentionEnv): RetentionPolicy {
  return {
    registrantDays: env.RETENTION_REGISTRANT_DAYS,
    reporterDays: env.RETENTION_REPORTER_DAYS,
    contactDays: env.RETENTION_CONTACT_DAYS,
    everyMinutes: env.RETENTION_EVERY_MINUTES,
  };
}

/** Problems for an env.ts superRefine: a production process must be given the shared key. */
export function retentionEnvIssues(env: RetentionEnv): { path: string; message: string }[] {
  return env.NODE_ENV === 'production' && !env.PRIVACY_KEY
    ? [{ path: 'PRIVACY_KEY', message: 'required in production' }]
    : [];
}
