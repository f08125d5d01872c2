import {
  CATALOG_LANGUAGES,
  wallTimeToUtc,
  type TAdminWebinar,
  type TCreateWebinar,
  type TLanguage,
  type TLocalizedText,
} from '@convene/shared';

/** What the webinar form holds: text as typed; turned into an API body on submit. */
export type WebinarValues = {
  slug: string;
  kind: 'orientation' | 'thematic';
  themeSlug: string;
  title: Record<TLanguage, string>;
  description: Record<TLanguage, string>;
  date: string;
  time: string;
  hostTimeZone: string;
  durationMinutes: string;
  languages: TLanguage[];
  capacity: string;
  joinUrl: string;
  status: 'draft' | 'scheduled';
  reminders: string;
};

export type WebinarField =
  | 'slug'
  | 'kind'
  | 'themeSlug'
  | `title-${TLanguage}`
  | `description-${TLanguage}`
  | 'date'
  | 'time'
  | 'hostTimeZone'
  | 'durationMinutes'
  | 'languages'
  | 'capacity'
  | 'joinUrl'
  | 'status'
  | 'reminders';

const perLanguage = (text: TLocalizedText | undefined) =>
  Object.fromEntries(CATALOG_LANGUAGES.map((l) => [l, text?.[l] ?? ''])) as Record<TLanguage, string>;

/** The wall-clock date and time of an instant in a zone: "2027-03-01", "14:00". */
export function wallTimeIn(instant: string, zone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

export function initialValues(webinar: TAdminWebinar | null, zone: string): WebinarValues {
  if (!webinar) {
    return {
      slug: '',
      kind: 'thematic',
      themeSlug: '',
      title: perLanguage(undefined),
      description: perLanguage(undefined),
      date: '',
      time: '14:00',
      hostTimeZone: zone,
      durationMinutes: '90',
      languages: ['en'],
      capacity: '',
      joinUrl: '',
      status: 'scheduled',
      // Empty: the server's default reminders (a week, a day and an hour before).
      reminders: '',
    };
  }
  const wall = wallTimeIn(webinar.startsAt, webinar.hostTimeZone);
  return {
    slug: webinar.slug,
    kind: webinar.kind,
    themeSlug: webinar.themeSlug,
    title: perLanguage(webinar.title),
    description: perLanguage(webinar.description),
    date: wall.date,
    time: wall.time,
    hostTimeZone: webinar.hostTimeZone,
    durationMinutes: String(webinar.durationMinutes),
    languages: webinar.languages,
    capacity: webinar.capacity === null ? '' : String(webinar.capacity),
    joinUrl: webinar.joinUrl,
    status: webinar.status === 'draft' ? 'draft' : 'scheduled',
    reminders: webinar.reminderOffsetsMinutes.join(', '),
  };
}

const localizedOf = (texts: Record<TLanguage, string>): TLocalizedText =>
  Object.fromEntries(CATALOG_LANGUAGES.filter((l) => texts[l].trim()).map((l) => [l, texts[l].trim()]));

/** The start as an instant, from the date and time in the host zone; null while incomplete. */
export function startsAtOf(values: WebinarValues): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values.date);
  const t = /^(\d{2}):(\d{2})/.exec(values.time);
  if (!d || !t) return null;
  return wallTimeToUtc(
    { year: +d[1]!, month: +d[2]!, day: +d[3]!, hour: +t[1]!, minute: +t[2]! },
    values.hostTimeZone,
  ).toISOString();
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/**
 * The API body of the form, or the fields that cannot become one (codes of errors.*). The
 * server checks everything again with the shared schema; this catches what the form itself
 * turns into numbers and instants.
 */
export function toWebinarBody(
  values: WebinarValues,
  creating: boolean,
): { ok: true; body: Partial<TCreateWebinar> } | { ok: false; errors: Partial<Record<WebinarField, string>> } {
  const errors: Partial<Record<WebinarField, string>> = {};
  const startsAt = startsAtOf(values);
  if (!values.date) errors.date = 'required';
  else if (!startsAt) errors.date = 'invalid_datetime';
  if (!values.time) errors.time = 'required';
  const duration = wholeNumber(values.durationMinutes);
  if (Number.isNaN(duration)) errors.durationMinutes = 'invalid_number';
  const capacity = values.capacity.trim() === '' ? null : wholeNumber(values.capacity);
  if (capacity !== null && Number.isNaN(capacity)) errors.capacity = 'invalid_number';
  const reminders = values.reminders
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map(wholeNumber);
  if (reminders.some(Number.isNaN)) errors.reminders = 'invalid_number';
  const title = localizedOf(values.title);
  if (Object.keys(title).length === 0) errors['title-en'] = 'required';
  if (!values.themeSlug) errors.themeSlug = 'required';
  if (values.languages.length === 0) errors.languages = 'required';
  if (!values.joinUrl.trim()) errors.joinUrl = 'required';
  if (Object.keys(errors).length > 0 || !startsAt) return { ok: false, errors };
  return {
    ok: true,
    body: {
      ...(values.slug.trim() ? { slug: values.slug.trim() } : {}),
      kind: values.kind,
      themeSlug: values.themeSlug,
      title,
      description: localizedOf(values.description),
      startsAt,
      durationMinutes: duration,
      hostTimeZone: values.hostTimeZone,
      languages: values.languages,
      capacity,
      joinUrl: values.joinUrl.trim(),
      recordingUrl: null,
      status: values.status,
      // A new webinar without reminders typed gets the default ones; an edited one, none.
      ...(creating && reminders.length === 0 ? {} : { reminderOffsetsMinutes: reminders }),
    },
  };
}

/** The server's name of a field ("title.fr", "reminderOffsetsMinutes.2") → the form's. */
export function formFieldOf(name: string): WebinarField | null {
  const [head, sub] = name.split('.');
  switch (head) {
    case 'title':
    case 'description':
      return `${head}-${(CATALOG_LANGUAGES as readonly string[]).includes(sub ?? '') ? (sub as TLanguage) : 'en'}`;
    case 'startsAt':
      return 'date';
    case 'reminderOffsetsMinutes':
      return 'reminders';
    case 'slug':
    case 'kind':
    case 'themeSlug':
    case 'hostTimeZone':
    case 'durationMinutes':
    case 'languages':
    case 'capacity':
    case 'joinUrl':
    case 'status':
      return head;
    default:
      return null;
  }
}
