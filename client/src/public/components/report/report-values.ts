import {
  currentConsentVersion,
  type TAffectedGroup,
  type TFieldError,
  type TIdentityEnvelope,
  type TCreateReportInput,
  type TLanguage,
  type TRegion,
  type TReportConsent,
} from '@convene/shared';

export type ReportTheme = { slug: string; subtopics: string[]; provenance: 'chosen' | 'suggested' };

/**
 * What the form holds while the reporter writes; saved on the device as a draft. A named
 * reporter's name, email and phone are not in it: they stay in the form's memory
 * (./contact-values) and the device only ever holds them sealed.
 */
export type ReportValues = {
  /** Made with the draft, so every attempt to send this report carries the same id. */
  clientSubmissionId: string;
  reporterKind: 'anonymous' | 'named';
  organization: string;
  /**
   * The sealed contact details of a report the server refused, reopened to be corrected: they
   * go again with it (same submission id, so the envelope still opens) unless the reporter types
   * new ones. Ciphertext only; null for every report being written.
   */
  sealedIdentity: TIdentityEnvelope | null;
  region: TRegion | '';
  countries: string[];
  corridorOrigin: string;
  corridorDestination: string;
  themes: ReportTheme[];
  barriers: string;
  recommendations: string;
  affectedGroups: TAffectedGroup[];
  source: string;
  consent: TReportConsent | '';
  webinarSlug: string | null;
};

export function emptyReport(clientSubmissionId: string, themeSlug: string | null, webinarSlug: string | null) {
  const values: ReportValues = {
    clientSubmissionId,
    // Anonymous unless the reporter chooses otherwise: the safer default for people at risk.
    reporterKind: 'anonymous',
    organization: '',
    sealedIdentity: null,
    region: '',
    countries: [],
    corridorOrigin: '',
    corridorDestination: '',
    themes: themeSlug ? [{ slug: themeSlug, subtopics: [], provenance: 'chosen' }] : [],
    barriers: '',
    recommendations: '',
    affectedGroups: [],
    source: '',
    consent: '',
    webinarSlug,
  };
  return values;
}

/**
 * The body the API takes. An anonymous report carries no identity field at all, even if
 * the reporter typed one before switching to anonymous. A named one carries its organization
 * in clear and its contact details only as `identity`, the envelope sealed in the browser.
 */
export function toReportInput(
  values: ReportValues,
  language: TLanguage,
  identity: TIdentityEnvelope | null = values.sealedIdentity,
): TCreateReportInput {
  const corridor =
    values.corridorOrigin || values.corridorDestination
      ? { origin: values.corridorOrigin, destination: values.corridorDestination }
      : null;
  return {
    clientSubmissionId: values.clientSubmissionId,
    language,
    reporter:
      values.reporterKind === 'anonymous'
        ? { kind: 'anonymous' }
        : // The contact's name, email and phone are never sent or kept in clear: they travel only
          // sealed to the coalition's key (shared/src/crypto/identity-envelope.ts).
          { kind: 'named', organization: values.organization, identity },
    region: values.region as TRegion,
    countries: values.countries,
    corridor,
    themes: values.themes,
    barriers: values.barriers,
    recommendations: values.recommendations,
    affectedGroups: values.affectedGroups,
    source: values.source,
    consent: values.consent as TReportConsent,
    // The wording shown now, kept with the body: a report queued offline keeps the version it was written under.
    consentVersion: currentConsentVersion('report'),
    webinarSlug: values.webinarSlug,
  };
}

/** The form fields, as the error summary and the API's field paths name them. */
export const REPORT_FIELDS = [
  'reporter',
  'organization',
  'contactName',
  'contactEmail',
  'contactPhone',
  'region',
  'countries',
  'corridorOrigin',
  'corridorDestination',
  'themes',
  'barriers',
  'recommendations',
  'affectedGroups',
  'source',
  'consent',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

/** Maps an API/zod field path ("reporter.organization", "themes.0.slug") to the form field showing it. */
export function fieldOfPath(path: string): ReportField | null {
  if (path.startsWith('reporter.')) {
    const sub = path.slice('reporter.'.length);
    if (sub === 'organization') return sub;
    // An envelope refused (an unknown key): the contact fields, where it is typed again.
    if (sub === 'identity' || sub.startsWith('identity.')) return 'contactName';
    return 'reporter';
  }
  if (path === 'corridor.origin' || path === 'corridor') return 'corridorOrigin';
  if (path === 'corridor.destination') return 'corridorDestination';
  const head = path.split('.')[0] ?? '';
  return (REPORT_FIELDS as readonly string[]).includes(head) ? (head as ReportField) : null;
}

export const reportFieldId = (field: ReportField) => `report-${field}`;
export const reportErrorId = (field: ReportField) => `report-${field}-error`;

/**
 * A report body back into form values, to correct one the server refused. Its sealed contact
 * details stay with it, unless they are what was refused.
 */
export function fromReportInput(body: TCreateReportInput, fields: Record<string, TFieldError> = {}): ReportValues {
  const reporter = body.reporter;
  const identityRefused = Object.keys(fields).some((path) => fieldOfPath(path) === 'contactName');
  return {
    clientSubmissionId: body.clientSubmissionId,
    reporterKind: reporter.kind,
    organization: reporter.kind === 'named' ? reporter.organization : '',
    sealedIdentity: reporter.kind === 'named' && !identityRefused ? (reporter.identity ?? null) : null,
    region: body.region,
    countries: body.countries,
    corridorOrigin: body.corridor?.origin ?? '',
    corridorDestination: body.corridor?.destination ?? '',
    themes: body.themes.map((theme) => ({ ...theme, subtopics: theme.subtopics ?? [] })),
    barriers: body.barriers,
    recommendations: body.recommendations ?? '',
    affectedGroups: body.affectedGroups ?? [],
    source: body.source ?? '',
    consent: body.consent,
    webinarSlug: body.webinarSlug ?? null,
  };
}

/** Whether the reporter has written or chosen anything yet. */
export function hasContent(values: ReportValues): boolean {
  return Boolean(
    values.barriers.trim() ||
    values.recommendations.trim() ||
    values.source.trim() ||
    values.organization.trim() ||
    values.region ||
    values.countries.length > 0,
  );
}
