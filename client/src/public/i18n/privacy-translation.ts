import type { TLanguage } from '@convene/shared';
import { loadPrivacyCatalog, type PrivacyCatalog } from '@convene/shared/i18n/privacy';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from '../../common/i18n/use-translation';

/*
 * The privacy notice's texts, loaded apart from the page catalog (one chunk per language,
 * fetched by /privacy only) so that no other page carries them.
 */

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type PrivacyKey = Leaves<PrivacyCatalog>;
export type PrivacyT = (key: PrivacyKey, vars?: Readonly<Record<string, string | number>>) => string;

const loaded = new Map<TLanguage, PrivacyCatalog>();
const loading = new Set<TLanguage>();
const failed = new Set<TLanguage>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

function ensure(language: TLanguage): void {
  if (loaded.has(language) || loading.has(language)) return;
  failed.delete(language);
  loading.add(language);
  loadPrivacyCatalog(language).then(
    (catalog) => {
      loaded.set(language, catalog);
      loading.delete(language);
      changed();
    },
    () => {
      loading.delete(language);
      failed.add(language);
      changed();
    },
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
const getVersion = () => version;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function lookup(root: unknown, path: string, vars?: Readonly<Record<string, string | number>>): string {
  let node = root;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return path;
  return vars ? node.replace(PLACEHOLDER, (p, name: string) => String(vars[name] ?? p)) : node;
}

/** `const { p, ready } = usePrivacyTranslation()`: the notice's texts in the current language. */
export function usePrivacyTranslation(): {
  p: PrivacyT;
  language: TLanguage;
  ready: boolean;
  failed: boolean;
  retry: () => void;
} {
  const { language } = useTranslation();
  useSyncExternalStore(subscribe, getVersion);
  useEffect(() => ensure(language), [language]);
  const catalog = loaded.get(language);
  const p = useCallback<PrivacyT>((key, vars) => lookup(catalog, key, vars), [catalog]);
  const retry = useCallback(() => ensure(language), [language]);
  return { p, language, ready: catalog !== undefined, failed: failed.has(language), retry };
}
