import type { TLanguage } from '@convene/shared';
import { loadResourcesCatalog, type ResourcesCatalog } from '@convene/shared/i18n/resources';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { TranslationKey, TranslationVars } from '../../common/i18n/translate';
import { useTranslation } from '../../common/i18n/use-translation';

/*
 * The theme pages' and calendar's texts are the `resources` section of their catalog, loaded
 * apart from the page catalog (one chunk per language, fetched by those pages only) so every
 * other public page stays within its budget. `t` reads `resources.…` keys from them and every
 * other key from the page catalog.
 */

type Leaves<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type ResourcesKey = Leaves<ResourcesCatalog, 'resources.'>;
export type ResourcesT = (key: ResourcesKey | TranslationKey, vars?: TranslationVars) => string;

const loaded = new Map<TLanguage, ResourcesCatalog>();
const loading = new Map<TLanguage, Promise<ResourcesCatalog>>();
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
  loading.set(
    language,
    loadResourcesCatalog(language).then(
      (catalog) => {
        loaded.set(language, catalog);
        loading.delete(language);
        changed();
        return catalog;
      },
      (err: unknown) => {
        loading.delete(language);
        failed.add(language);
        changed();
        throw err;
      },
    ),
  );
  loading.get(language)!.catch(() => undefined); // shown through `failed`
}

/** Starts the download of a language's texts early (with the page's code). */
export function preloadResources(language: TLanguage): void {
  ensure(language);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
const getVersion = () => version;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function lookup(root: unknown, path: string, vars?: TranslationVars): string | undefined {
  let node = root;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return undefined;
  if (!vars) return node;
  return node.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = vars[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** `const { t, ready } = useResourcesTranslation()`: the page catalog plus the `resources.…` keys. */
export function useResourcesTranslation(): {
  t: ResourcesT;
  language: TLanguage;
  ready: boolean;
  failed: boolean;
  retry: () => void;
} {
  const { t: pageT, language } = useTranslation();
  useSyncExternalStore(subscribe, getVersion);
  useEffect(() => ensure(language), [language]);
  const catalog = loaded.get(language);
  const t = useCallback<ResourcesT>(
    (key, vars) => {
      if (key.startsWith('resources.')) return lookup(catalog, key.slice('resources.'.length), vars) ?? key;
      return pageT(key as TranslationKey, vars);
    },
    [catalog, pageT],
  );
  const retry = useCallback(() => ensure(language), [language]);
  return { t, language, ready: catalog !== undefined, failed: failed.has(language), retry };
}
