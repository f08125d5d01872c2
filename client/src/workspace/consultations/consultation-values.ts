import {
  CATALOG_LANGUAGES,
  wallTimeToUtc,
  type TAdminConsultation,
  type TConsultationKind,
  type TCreateConsultation,
  type TLanguage,
  type TLocalizedText,
} from '@convene/shared';
import { wallTimeIn } from '../webinars/webinar-form-values';

/** The consultation form as typed: wall-clock dates and times in the host's zone. */
export type ConsultationValues = {
  kind: TConsultationKind;
  title: Record<TLanguage, string>;
  description: Record<TLanguage, string>;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  hostTimeZone: string;
  online: boolean;
  place: string;
  link: string;
  region: string;
  themeSlug: string;
};

const perLanguage = (text: TLocalizedText | undefined) =>
  Object.fromEntries(CATALOG_LANGUAGES.map((l) => [l, text?.[l] ?? ''])) as Record<TLanguage, string>;

const localizedOf = (texts: Record<TLanguage, string>): TLocalizedText =>
  Object.fromEntries(CATALOG_LANGUAGES.filter((l) => texts[l].trim()).map((l) => [l, texts[l].trim()]));

export function consultationValues(c: TAdminConsultation | null, zone: string): ConsultationValues {
  if (!c) {
    return {
      kind: 'thematic',
      title: perLanguage(undefined),
      description: perLanguage(undefined),
      startDate: '',
      startTime: '10:00',
      endDate: '',
      endTime: '17:00',
      hostTimeZone: zone,
      online: false,
      place: '',
      link: '',
      region: '',
      themeSlug: '',
    };
  }
  const start = wallTimeIn(c.startsAt, c.hostTimeZone);
  const end = wallTimeIn(c.endsAt, c.hostTimeZone);
  return {
    kind: c.kind,
    title: perLanguage(c.title),
    description: perLanguage(c.description),
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    hostTimeZone: c.hostTimeZone,
    online: c.online,
    place: c.place ?? '',
    link: c.link ?? '',
    region: c.region ?? '',
    themeSlug: c.themeSlug ?? '',
  };
}

/** An instant from a date and a time typed in a zone; null while incomplete. */
export function instantOf(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})/.exec(time);
  if (!d || !t) return null;
  return wallTimeToUtc({ year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +t[1]!, minute: +t[2]! }, zone).toISOString();
}

/** The API body, or why the form cannot become one yet. */
export function consultationBody(
  v: ConsultationValues,
): { ok: true; body: TCreateConsultation } | { ok: false; problem: 'incomplete' | 'endsBeforeStart' } {
  const startsAt = instantOf(v.startDate, v.startTime, v.hostTimeZone);
  const endsAt = instantOf(v.endDate, v.endTime, v.hostTimeZone);
  if (!startsAt || !endsAt) return { ok: false, problem: 'incomplete' };
  if (Date.parse(endsAt) <= Date.parse(startsAt)) return { ok: false, problem: 'endsBeforeStart' };
  return {
    ok: true,
    body: {
      kind: v.kind,
      title: localizedOf(v.title),
      description: localizedOf(v.description),
      startsAt,
      endsAt,
      hostTimeZone: v.hostTimeZone,
      online: v.online,
      place: v.place.trim() || null,
      link: v.link.trim() || null,
      region: (v.region || null) as TCreateConsultation['region'],
      themeSlug: v.themeSlug || null,
    },
  };
}
