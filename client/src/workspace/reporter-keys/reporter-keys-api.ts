import type { TCreateReporterKey, TIdentityReveal, TReporterKeyList } from '@convene/shared';
import { adminRequest } from '../api/admin-request';

/*
 * The reporter-key APIs (admins only). What is sent is the public key and the private key
 * already wrapped in this browser; what comes back never holds a clear identity.
 */

export const listReporterKeys = (signal?: AbortSignal) =>
  adminRequest<TReporterKeyList>('/api/admin/reporter-keys', (s) => s.ZReporterKeyList, { signal });

/** Adds a key, which becomes the one new reports are sealed to; answers the new list. */
export const addReporterKey = (key: TCreateReporterKey) =>
  adminRequest<TReporterKeyList>('/api/admin/reporter-keys', (s) => s.ZReporterKeyList, {
    method: 'POST',
    body: key,
  });

/** The sealed identity of a report and the wrapped key that opens it; the server audits the call. */
export const fetchSealedIdentity = (reportId: string) =>
  adminRequest<TIdentityReveal>(
    `/api/admin/reports/${encodeURIComponent(reportId)}/identity`,
    (s) => s.ZIdentityReveal,
    {
      method: 'POST',
    },
  );

/** The first 8 characters of a key id: enough for an admin to tell keys apart. */
export const shortKeyId = (id: string) => id.slice(0, 8);
