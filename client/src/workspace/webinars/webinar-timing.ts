import type { TAdminWebinar } from '@convene/shared';
import { useEffect, useState } from 'react';

/** setTimeout's longest delay (about 24.8 days): a later instant is waited for in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** When a webinar ends: its start plus its duration (the server's rule for completing it). */
export function endOfWebinar(webinar: Pick<TAdminWebinar, 'startsAt' | 'durationMinutes'>): Date {
  return new Date(Date.parse(webinar.startsAt) + webinar.durationMinutes * 60_000);
}

/** Whether the instant (ms since the epoch) has passed; turns true while the page stays open. */
export function usePassed(instant: number): boolean {
  const [now, setNow] = useState(() => Date.now());
  const passed = now >= instant;
  useEffect(() => {
    if (passed) return;
    const timer = window.setTimeout(
      () => setNow(Date.now()),
      Math.min(Math.max(instant - Date.now(), 0), MAX_DELAY_MS),
    );
    return () => window.clearTimeout(timer);
  }, [instant, passed, now]);
  return passed;
}
