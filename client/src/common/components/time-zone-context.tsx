import { detectTimeZone, isValidTimeZone, listTimeZones } from '@convene/shared';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { readPreference, writePreference } from '../i18n/storage';

const ZONE_KEY = 'convene.tz';

type TimeZoneState = {
  /** The zone every time on the page is shown in. */
  zone: string;
  /** What the device says; shown as "detected" when it is the one in use. */
  detected: string;
  setZone: (zone: string) => void;
};

const TimeZoneContext = createContext<TimeZoneState | null>(null);

function initialZone(detected: string): string {
  const stored = readPreference(ZONE_KEY);
  return stored && isValidTimeZone(stored) ? stored : detected;
}

/** Holds the reader's display zone: detected from the device unless they picked one. */
export function TimeZoneProvider({ children }: { children: ReactNode }) {
  const [detected] = useState(detectTimeZone);
  const [zone, setZoneState] = useState(() => initialZone(detected));
  const setZone = useCallback((next: string) => {
    if (!isValidTimeZone(next)) return;
    writePreference(ZONE_KEY, next);
    setZoneState(next);
  }, []);
  const value = useMemo(() => ({ zone, detected, setZone }), [zone, detected, setZone]);
  return <TimeZoneContext.Provider value={value}>{children}</TimeZoneContext.Provider>;
}

export function useTimeZone(): TimeZoneState {
  const state = useContext(TimeZoneContext);
  if (!state) throw new Error('useTimeZone outside TimeZoneProvider');
  return state;
}

let zones: string[] | undefined;

/**
 * The zones offered in pickers, computed once. The current one is always included: a
 * device may report an alias ("UTC") that the runtime's canonical list leaves out.
 */
export function zoneChoices(current: string): string[] {
  zones ??= listTimeZones();
  return zones.includes(current) ? zones : [current, ...zones];
}

/** "America/Argentina/Buenos_Aires" → "America/Argentina/Buenos Aires". */
export function zoneLabel(zone: string): string {
  return zone.replaceAll('_', ' ');
}
