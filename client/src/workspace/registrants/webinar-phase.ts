import type { TAdminWebinar } from '@convene/shared';
import { useEffect, useState } from 'react';

export type WebinarPhase = { started: boolean; ended: boolean };

/** setTimeout's longest delay (about 24.8 days): a later moment is waited for in steps. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * Whether the webinar has started and ended, by this device's clock, kept true while the page
 * stays open: attendance opens at the start, taking people off the waiting list closes at the end.
 */
export function useWebinarPhase(webinar: Pick<TAdminWebinar, 'startsAt' | 'durationMinutes'> | null): WebinarPhase {
  const startsAt = webinar ? Date.parse(webinar.startsAt) : Number.NaN;
  const endsAt = webinar ? startsAt + webinar.durationMinutes * 60_000 : Number.NaN;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const current = Date.now();
    // A boundary passed since `now` was read (the webinar loaded later): catch up at once.
    if ([startsAt, endsAt].some((at) => now < at && at <= current)) {
      setNow(current);
      return;
    }
    const next = [startsAt, endsAt].find((at) => at > current);
    if (next === undefined) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.min(next - current + 50, MAX_DELAY));
    return () => window.clearTimeout(timer);
  }, [startsAt, endsAt, now]);
  return { started: now >= startsAt, ended: now >= endsAt };
}
