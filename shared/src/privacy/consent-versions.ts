/*
 * The consent texts people agree to, versioned. The texts themselves are catalog entries
 * (see CONSENT_TEXT_KEYS); a version names one wording of them in all four languages. The
 * form sends the version it showed, the server checks it (isKnownConsentVersion) and stores it
 * beside the consent, so the coalition can always say which words a person agreed to.
 *
 * No zod here: the public forms import it on their first render.
 *
 * Changing a consent text (any language) = adding a new version at the head of its list, with
 * the fingerprint consent-versions.test.ts prints; the older versions stay listed so that a
 * submission queued offline under the old wording is still accepted and recorded as such.
 */

export const CONSENT_FORMS = ['registration', 'report'] as const;
export type TConsentForm = (typeof CONSENT_FORMS)[number];

export type ConsentVersion = {
  /** The day the wording took effect (UTC), the id stored with each consent. */
  id: string;
  /** SHA-256 (hex, first 16 characters) of the wording in every language, to catch an unversioned edit. */
  fingerprint: string;
};

/** The catalog keys whose texts make up each form's consent wording. */
export const CONSENT_TEXT_KEYS: Record<TConsentForm, readonly string[]> = {
  registration: ['form.consent'],
  report: [
    'report.consent.legend',
    'report.consent.attributed',
    'report.consent.anonymized',
    'report.consent.coordinators_only',
  ],
};

/** Every wording ever shown, newest first. */
export const CONSENT_VERSIONS: Record<TConsentForm, readonly ConsentVersion[]> = {
  registration: [{ id: '2026-12-03', fingerprint: '59aa650db7ea2dac' }],
  report: [{ id: '2026-12-03', fingerprint: 'bb192fa980747016' }],
};

/** The version a form shows today. */
export function currentConsentVersion(form: TConsentForm): string {
  return CONSENT_VERSIONS[form][0]!.id;
}

/** Whether a submitted version is one this form has ever shown (current or older). */
export function isKnownConsentVersion(form: TConsentForm, version: string): boolean {
  return CONSENT_VERSIONS[form].some((v) => v.id === version);
}
