import { formatInstant } from '@convene/shared';
import { useMemo } from 'react';
import { useTimeZone } from '../../common/components/time-zone-context';
import { useAdminTranslation } from '../i18n/admin-translation';

const shortFormats = new Map<string, Intl.DateTimeFormat>();

function shortFormat(locale: string, zone: string): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let format = shortFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    shortFormats.set(key, format);
  }
  return format;
}

export type InstantFormat = {
  /** The reader's zone (IANA id). */
  zone: string;
  /** "Monday, 1 March 2027, 14:00 Central European Standard Time (Europe/Paris)". */
  full: (instant: string | Date) => string;
  /** "1 Mar 2027, 14:00 CET": for lists; the zone is still named. */
  short: (instant: string | Date) => string;
  /** "Central European Standard Time (Europe/Paris)": the zone, named. */
  zoneName: string;
};

/** Formats instants in the reader's zone and language, always naming the zone. */
export function useInstantFormat(): InstantFormat {
  const { language } = useAdminTranslation();
  const { zone } = useTimeZone();
  return useMemo(() => {
    const now = formatInstant(new Date(), zone, language);
    return {
      zone,
      full: (instant) => formatInstant(instant, zone, language).full,
      short: (instant) => shortFormat(language, zone).format(typeof instant === 'string' ? new Date(instant) : instant),
      zoneName: `${now.zoneName} (${now.zoneId})`,
    };
  }, [zone, language]);
}

/** An instant as a <time>, in the reader's zone with the zone named; the long form on hover. */
export function Instant({ value, long = false }: { value: string; long?: boolean }) {
  const f = useInstantFormat();
  return (
    <time dateTime={value} title={long ? undefined : f.full(value)}>
      {long ? f.full(value) : f.short(value)}
    </time>
  );
}
