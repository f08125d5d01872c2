import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/**
 * A small key-value store on the device for what must survive a reload, a closed tab or a
 * lost connection: drafts, queued reports and their receipts. IndexedDB (idb-keyval) when
 * the browser allows it; localStorage when it does not (some private modes).
 */
export type DeviceStore = {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with prefix. */
  list<T>(prefix: string): Promise<Array<[string, T]>>;
};

/** The IndexedDB database and object store that hold the device's entries. */
export const DEVICE_DATABASE = 'convene';
export const DEVICE_OBJECT_STORE = 'device';

const LOCAL_PREFIX = 'convene.device.';

const localStorageStore: DeviceStore = {
  async get<T>(key: string) {
    const raw = window.localStorage.getItem(LOCAL_PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  },
  async set(key, value) {
    window.localStorage.setItem(LOCAL_PREFIX + key, JSON.stringify(value));
  },
  async delete(key) {
    window.localStorage.removeItem(LOCAL_PREFIX + key);
  },
  async list<T>(prefix: string) {
    const found: Array<[string, T]> = [];
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(LOCAL_PREFIX + prefix)) {
        found.push([key.slice(LOCAL_PREFIX.length), JSON.parse(window.localStorage.getItem(key) ?? 'null') as T]);
      }
    }
    return found;
  },
};

function indexedDbStore(store: UseStore): DeviceStore {
  return {
    get: <T>(key: string) => get<T>(key, store),
    set: (key, value) => set(key, value, store),
    delete: (key) => del(key, store),
    async list<T>(prefix: string) {
      const all = await entries<IDBValidKey, T>(store);
      return all.filter(([key]) => String(key).startsWith(prefix)).map(([key, value]) => [String(key), value]);
    },
  };
}

let chosen: Promise<DeviceStore> | undefined;

/**
 * Removes every entry this device holds, from IndexedDB and from the localStorage fallback
 * both (a browser may have used one, then the other). The database itself stays, empty:
 * deleting it would wait for every open tab to close its connection.
 */
export async function clearDeviceStore(): Promise<void> {
  try {
    await clear(createStore(DEVICE_DATABASE, DEVICE_OBJECT_STORE));
  } catch {
    // IndexedDB refused: there is nothing in it.
  }
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(LOCAL_PREFIX)) keys.push(key);
    }
    for (const key of keys) window.localStorage.removeItem(key);
  } catch {
    // localStorage refused: there is nothing in it either.
  }
}

/** The store to use, picked once: IndexedDB if a write and read-back work, else localStorage. */
export function deviceStore(): Promise<DeviceStore> {
  chosen ??= (async () => {
    try {
      const store = indexedDbStore(createStore(DEVICE_DATABASE, DEVICE_OBJECT_STORE));
      await store.set('probe', 1);
      const works = (await store.get<number>('probe')) === 1;
      // The store then holds only what the form put there: "forget this device" leaves it empty.
      await store.delete('probe');
      if (works) return store;
    } catch {
      // IndexedDB refused (private mode, quota, old browser): fall through.
    }
    return localStorageStore;
  })();
  return chosen;
}
