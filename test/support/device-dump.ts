import type { Page } from 'playwright-core';

/** The browser's storage as page functions see it (test files are type-checked without the DOM library). */
type Request<T> = { onsuccess: (() => void) | null; onerror: (() => void) | null; result: T; error: unknown };
type Database = {
  objectStoreNames: ArrayLike<string>;
  transaction(name: string): {
    objectStore(name: string): { getAll(): Request<unknown[]>; getAllKeys(): Request<unknown[]> };
  };
  close(): void;
};
export type StorageGlobals = {
  indexedDB: { databases(): Promise<Array<{ name?: string }>>; open(name: string): Request<Database> };
  localStorage: { length: number; key(index: number): string | null; getItem(key: string): string | null };
  caches: { keys(): Promise<string[]>; open(name: string): Promise<{ keys(): Promise<Array<{ url: string }>> }> };
  history: { length: number };
};

export type DeviceDump = {
  /** Every entry of every object store of every IndexedDB database of the origin. */
  indexedDb: Array<{ store: string; key: unknown; value: unknown }>;
  localStorage: Record<string, string | null>;
  /** Every cached request of Cache Storage. */
  cached: string[];
};

/** Everything the origin keeps on the device, read in the page. */
export function readDevice(page: Page): Promise<DeviceDump> {
  return page.evaluate(async () => {
    const g = globalThis as unknown as StorageGlobals;
    const done = <T>(request: Request<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const indexedDb: Array<{ store: string; key: unknown; value: unknown }> = [];
    for (const { name } of await g.indexedDB.databases()) {
      if (!name) continue;
      const db = await done(g.indexedDB.open(name));
      for (const storeName of Array.from(db.objectStoreNames)) {
        const keys = await done(db.transaction(storeName).objectStore(storeName).getAllKeys());
        const values = await done(db.transaction(storeName).objectStore(storeName).getAll());
        keys.forEach((key, i) => indexedDb.push({ store: `${name}/${storeName}`, key, value: values[i] }));
      }
      db.close();
    }
    const localStorage: Record<string, string | null> = {};
    for (let i = 0; i < g.localStorage.length; i += 1) {
      const key = g.localStorage.key(i);
      if (key !== null) localStorage[key] = g.localStorage.getItem(key);
    }
    const cached: string[] = [];
    for (const name of await g.caches.keys()) {
      for (const request of await (await g.caches.open(name)).keys()) cached.push(request.url);
    }
    return { indexedDb, localStorage, cached };
  });
}

/** Whether the device holds this text anywhere. */
export const deviceHolds = (dump: DeviceDump, text: string) => JSON.stringify(dump).includes(text);
