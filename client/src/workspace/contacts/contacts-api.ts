import type { TContact, TContactImportResult, TContactList, TUpdateContact } from '@convene/shared';
import { adminRequest, field } from '../api/admin-request';
import { queryString } from '../api/endpoints';

/** The filters of the contacts list, as the address carries them (all optional). */
export const CONTACT_QUERY_KEYS = ['q', 'region', 'country', 'language', 'tag', 'organization', 'status'] as const;
export type ContactQuery = Partial<Record<(typeof CONTACT_QUERY_KEYS)[number], string>>;

export const CONTACTS_PAGE_SIZE = 50;

export const listContacts = (query: ContactQuery, page: number, signal?: AbortSignal) =>
  adminRequest<TContactList>(
    `/api/admin/contacts${queryString({
      ...query,
      limit: String(CONTACTS_PAGE_SIZE),
      offset: page > 1 ? String((page - 1) * CONTACTS_PAGE_SIZE) : undefined,
    })}`,
    (s) => s.ZContactList,
    { signal },
  );

export const contactsCsvUrl = (query: ContactQuery) => `/api/admin/contacts/export.csv${queryString(query)}`;

/** Sends the file as it is: the server decodes it (and refuses what is not UTF-8). */
export const importContacts = (file: Blob) =>
  adminRequest<TContactImportResult>('/api/admin/contacts/import', (s) => s.ZContactImportResult, {
    method: 'POST',
    raw: { contentType: 'text/csv', data: file },
  });

export const updateContact = (id: string, patch: TUpdateContact) =>
  adminRequest<TContact>(`/api/admin/contacts/${id}`, (s) => field('contact', s.ZContact), {
    method: 'PATCH',
    body: patch,
  });

/** Resolves to true once deleted (a 204): useAction reads null as "failed". */
export const deleteContact = (id: string) =>
  adminRequest<true>(`/api/admin/contacts/${id}`, () => deleted, { method: 'DELETE' });

/** Erases a contact at their request (admins): the address stays suppressed, so it is never mailed again. */
export const eraseContact = (id: string) =>
  adminRequest<true>(`/api/admin/contacts/${id}/erase`, () => deleted, { method: 'POST', body: { confirm: true } });

const deleted = { safeParse: () => ({ success: true as const, data: true as const }) };
