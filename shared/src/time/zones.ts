/*
 * Time-zone helpers shared by the client and the emails. Instants are stored in UTC;
 * these format them for one reader, always naming the zone.
 */

const validity = new Map<string, boolean>();

/** True for an IANA zone name the runtime knows (aliases like "UTC" included). */
export function isValidTimeZone(zone: string): boolean {
  const cached = validity.get(zone);
  if (cached !== undefined) return cached;
  let ok = false;
  // "Etc/GMT+5"-style and lower-case spellings are accepted by Intl; require the
  // canonical IANA shape so what we store is what the zone database calls it.
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      ok = true;
    } catch {
      ok = false;
    }
  }
  if (validity.size < 1000) validity.set(zone, ok);
  return ok;
}

/** Every zone this runtime lists, for pickers. */
export function listTimeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
}

export type FormattedInstant = {
  /** Date and time in the zone, e.g. "Monday, 1 March 2027, 14:00". */
  dateTime: string;
  /** The zone's long name in the reader's language, e.g. "Central European Standard Time". */
  zoneName: string;
  /** The IANA id, e.g. "Europe/Paris" — names the zone unambiguously. */
  zoneId: string;
  /** "dateTime zoneName (zoneId)" — what we show and mail. */
  full: string;
};

// Building an Intl.DateTimeFormat costs far more than using one; mail rendering formats
// thousands of instants in a handful of (language, zone) pairs.
const formatters = new Map<string, { dateTime: Intl.DateTimeFormat; zone: Intl.DateTimeFormat }>();

function formattersFor(locale: string, zone: string) {
  const key = `${locale}|${zone}`;
  let pair = formatters.get(key);
  if (!pair) {
    pair = {
      dateTime: new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        weekday: 'long',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
      zone: new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'long' }),
    };
    if (formatters.size > 2000) formatters.clear();
    formatters.set(key, pair);
  }
  return pair;
}

/** Formats an instant for a reader: in their zone and language, with the zone named. */
export function formatInstant(instant: Date | string, zone: string, locale: string): FormattedInstant {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const f = formattersFor(locale, zone);
  const dateTime = f.dateTime.format(date);
  const zoneName = f.zone.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  return { dateTime, zoneName, zoneId: zone, full: `${dateTime} ${zoneName} (${zone})` };
}

/** The zone the runtime (browser or server) is set to. */
export function detectTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}
