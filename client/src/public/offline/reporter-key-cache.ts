import type { TPublicReporterKey } from '@convene/shared';
import { deviceStore } from './device-store';

/** The coalition's public key as GET /api/reporter-key served it last. */
export type CachedReporterKey = NonNullable<TPublicReporterKey['key']>;

const KEY = 'reporter-key';

/*
 * Only the PUBLIC key is kept, so a named reporter offline can still seal their contact
 * details: it is the same for everyone and opens nothing. It still tells that someone on
 * this device chose "named", so "leave quickly" and "forget this device" remove it too.
 */

export async function loadCachedReporterKey(): Promise<CachedReporterKey | undefined> {
  return (await deviceStore()).get<CachedReporterKey>(KEY);
}

export async function cacheReporterKey(key: CachedReporterKey | null): Promise<void> {
  const store = await deviceStore();
  if (key) await store.set(KEY, key);
  else await store.delete(KEY);
}

export async function clearCachedReporterKey(): Promise<void> {
  await (await deviceStore()).delete(KEY);
}
