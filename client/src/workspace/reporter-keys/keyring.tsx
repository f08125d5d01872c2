import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/*
 * Reporter keys an admin unlocked in this tab, kept so that revealing a second report does not
 * ask the passphrase again. They live in React state only: non-extractable CryptoKeys that
 * can derive envelope keys and nothing else, never written to any storage, gone when the
 * admin locks them, signs out (the provider sits under the signed-in routes) or closes the tab.
 */

type Keyring = {
  /** The unlocked private key of this reporter key, if any. */
  get: (keyId: string) => CryptoKey | undefined;
  keep: (keyId: string, key: CryptoKey) => void;
  /** Forgets one key, or every key without an id. */
  lock: (keyId?: string) => void;
  unlocked: ReadonlySet<string>;
};

const KeyringContext = createContext<Keyring | null>(null);

export function KeyringProvider({ children }: { children: ReactNode }) {
  const [keys, setKeys] = useState<ReadonlyMap<string, CryptoKey>>(new Map());
  const get = useCallback((keyId: string) => keys.get(keyId), [keys]);
  const keep = useCallback((keyId: string, key: CryptoKey) => setKeys((k) => new Map(k).set(keyId, key)), []);
  const lock = useCallback((keyId?: string) => {
    setKeys((k) => {
      if (keyId === undefined) return new Map();
      const next = new Map(k);
      next.delete(keyId);
      return next;
    });
  }, []);
  const value = useMemo(() => ({ get, keep, lock, unlocked: new Set(keys.keys()) }), [get, keep, lock, keys]);
  return <KeyringContext.Provider value={value}>{children}</KeyringContext.Provider>;
}

export function useKeyring(): Keyring {
  const value = useContext(KeyringContext);
  if (!value) throw new Error('useKeyring outside KeyringProvider');
  return value;
}
