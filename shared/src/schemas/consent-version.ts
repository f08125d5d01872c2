import { z } from 'zod';
import { isKnownConsentVersion, type TConsentForm } from '../privacy/consent-versions.js';

/**
 * The consent version a form sends. Any version the form has shown is accepted and stored as
 * sent (a report queued offline under an older wording keeps it); a version it never showed,
 * or none, is refused with `consent_version_unknown` on the field: the server cannot say what
 * the person agreed to, so it stores nothing.
 */
export const ZConsentVersion = (form: TConsentForm) =>
  z
    .string({ error: 'consent_version_unknown' })
    .max(40, { error: 'consent_version_unknown' })
    .refine((v) => isKnownConsentVersion(form, v), { error: 'consent_version_unknown' });
