import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { catalogs } from '../i18n/index.js';
import { LANGUAGES } from '../schemas/common.js';
import {
  CONSENT_FORMS,
  CONSENT_TEXT_KEYS,
  CONSENT_VERSIONS,
  currentConsentVersion,
  isKnownConsentVersion,
  type TConsentForm,
} from './consent-versions.js';

function textAt(root: unknown, path: string): string {
  let node = root;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`no text at ${path}`);
  return node;
}

/** The fingerprint of a form's consent wording as the catalogs hold it now, in every language. */
function fingerprintNow(form: TConsentForm): string {
  const wording = LANGUAGES.map((lang) => CONSENT_TEXT_KEYS[form].map((key) => textAt(catalogs[lang], key)));
  return createHash('sha256').update(JSON.stringify(wording)).digest('hex').slice(0, 16);
}

describe('consent versions', () => {
  it.each(CONSENT_FORMS)(
    'names the %s consent wording the catalogs hold now: editing it without a new version fails here',
    (form) => {
      // To change the text: add { id: '<today>', fingerprint: <the value printed below> } at the
      // head of CONSENT_VERSIONS[form], and keep the older entries.
      expect({ form, fingerprint: CONSENT_VERSIONS[form][0]!.fingerprint }).toEqual({
        form,
        fingerprint: fingerprintNow(form),
      });
    },
  );

  it('gives every version a date id, unique per form, newest first', () => {
    for (const form of CONSENT_FORMS) {
      const ids = CONSENT_VERSIONS[form].map((v) => v.id);
      for (const id of ids) expect(id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort().reverse()).toEqual(ids);
    }
  });

  it('accepts every version a form has shown and nothing else', () => {
    for (const form of CONSENT_FORMS) {
      expect(isKnownConsentVersion(form, currentConsentVersion(form))).toBe(true);
      for (const v of CONSENT_VERSIONS[form]) expect(isKnownConsentVersion(form, v.id)).toBe(true);
      expect(isKnownConsentVersion(form, '1999-01-01')).toBe(false);
      expect(isKnownConsentVersion(form, '')).toBe(false);
    }
  });
});
