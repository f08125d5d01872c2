import type { TIdentityEnvelope } from '@convene/shared';
import type { CachedReporterKey } from '../../offline/reporter-key-cache';
import type * as SealedContact from './sealed-contact';

/*
 * A named reporter's name, email and phone as typed. They live in the form's memory only:
 * never in the draft, the queue or any request in clear. Sending seals them in the browser
 * to the coalition's public key (shared/src/crypto/identity-envelope.ts), and only that
 * envelope is queued and sent.
 */
export type ContactValues = { name: string; email: string; phone: string };

export const emptyContact = (): ContactValues => ({ name: '', email: '', phone: '' });

/** Nothing typed: the report goes with no envelope at all (identity null). */
export const isEmptyContact = (c: ContactValues) => !c.name.trim() && !c.email.trim() && !c.phone.trim();

/** Where the key to seal to stands: fetched (or cached), none configured, or out of reach. */
export type ReporterKeyState =
  { status: 'loading' } | { status: 'ready'; key: CachedReporterKey } | { status: 'none' } | { status: 'unavailable' };

/** What the lazily loaded module gives the form (./sealed-contact). */
export type SealedContactModule = typeof SealedContact;

let loading: Promise<SealedContactModule> | undefined;

/**
 * The contact fields and the sealing code, in their own chunk: only a reporter who picks
 * "named" downloads them (the report page's first load stays small). A failed download is
 * tried again by the next call.
 */
export function loadSealedContact(): Promise<SealedContactModule> {
  loading ??= import('./sealed-contact').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** The envelope a report goes with: freshly sealed, kept from a refused report, or none. */
export type SealedIdentity = TIdentityEnvelope | null;
