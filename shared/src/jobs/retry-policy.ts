/*
 * The retry policy of every queue, in one place. Temporary failures back off
 * exponentially (5 s, 10 s, 20 s … ~10 min); retention is bounded so Redis never grows
 * without limit. The outbox row, not the job, is the record of what was sent.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
} as const;
