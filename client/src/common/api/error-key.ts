import type { Catalog } from '@convene/shared';
import { getActiveLanguage } from '../i18n/active-language';
import type { ApiError } from './http';

/** A key under errors.* in every catalog. */
export type ErrorKey = keyof Catalog['errors'];

// Every catalog has the same keys: the loaded one tells which codes have a text.
function isErrorKey(code: string): code is ErrorKey {
  return Object.prototype.hasOwnProperty.call(getActiveLanguage().catalog.errors, code);
}

/** The catalog key of a field error code; codes this client does not know read as "not valid". */
export function fieldErrorKey(code: string): ErrorKey {
  return isErrorKey(code) ? code : 'invalid_value';
}

/** The catalog key that explains a failed call to the reader. */
export function errorKeyOf(error: ApiError): ErrorKey {
  if (error.status === 0) return 'network';
  if (error.status === 429) return 'rate_limited';
  if (error.status === 503) return 'unavailable';
  if (error.status >= 500) return 'server';
  if (isErrorKey(error.code)) return error.code;
  if (error.status === 404) return 'not_found';
  if (error.status === 409) return 'registration_closed';
  if (error.status === 400 || error.status === 413 || error.status === 415) return 'invalid_body';
  return 'server';
}
