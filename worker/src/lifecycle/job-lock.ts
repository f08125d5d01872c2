/** BullMQ's own defaults: a job's lock lasts 30 s, and stalled jobs are looked for every 30 s. */
export const DEFAULT_JOB_LOCK_MS = 30_000;

/**
 * The BullMQ worker settings that decide how soon the job of a worker that died (kill -9, a
 * lost machine) runs again elsewhere: its lock is no longer renewed and expires after
 * `lockMs`, and another worker's stalled-job check, run every `lockMs` too, takes it over —
 * so within two lock periods. Shorter is a quicker takeover, but a worker too busy to renew
 * its lock in time (every half period) loses a job it is still running.
 */
export function jobLockSettings(lockMs = DEFAULT_JOB_LOCK_MS): { lockDuration: number; stalledInterval: number } {
  return { lockDuration: lockMs, stalledInterval: lockMs };
}
