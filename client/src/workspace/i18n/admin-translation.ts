import type { TLanguage } from '@convene/shared';
import { loadAdminCatalog, type AdminCatalog } from '@convene/shared/i18n/admin';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { TranslationKey, TranslationVars } from '../../common/i18n/translate';
import { useTranslation } from '../../common/i18n/use-translation';

/*
 * The workspace's texts are the `admin` section of its catalog. They are loaded apart from the
 * page catalog (one chunk per language, fetched by the workspace only) so that public pages
 * stay within their budget; `t` reads `admin.…` keys from them and every other key from the
 * page catalog, so a component calls one `t` for both.
 */

type Leaves<T, Prefix extends string> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of the workspace texts, e.g. "admin.nav.overview". */
export type AdminKey = Leaves<AdminCatalog, 'admin.'>;

/** Every key the workspace may show: its own and the page catalog's (regions, groups, errors…). */
export type WorkspaceKey = TranslationKey | AdminKey;

export type AdminT = (key: WorkspaceKey, vars?: TranslationVars) => string;

const loaded = new Map<TLanguage, AdminCatalog>();
const loading = new Map<TLanguage, Promise<AdminCatalog>>();
const failed = new Set<TLanguage>();
const listeners = new Set<() => void>();
let version = 0;
let latest: AdminCatalog | undefined;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** Fetches a language's workspace texts once; a failed download may be tried again. */
export function ensureAdminCatalog(language: TLanguage): Promise<AdminCatalog> {
  const done = loaded.get(language);
  if (done) return Promise.resolve(done);
  let pending = loading.get(language);
  if (!pending) {
    failed.delete(language);
    pending = loadAdminCatalog(language).then(
      (catalog) => {
        loaded.set(language, catalog);
        latest = catalog;
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
    );
    loading.set(language, pending);
  }
  return pending;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getVersion = () => version;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function lookup(root: unknown, path: string, vars?: TranslationVars): string | undefined {
  let node = root;
  for (const part of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return undefined;
  if (!vars) return node;
  // React escapes what it renders: values go in as they are.
  return node.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = vars[name];
    return value === undefined ? placeholder : String(value);
  });
}

export type AdminTranslation = {
  t: AdminT;
  language: TLanguage;
  /** Whether the workspace texts can be shown (in this language, or the last one loaded meanwhile). */
  ready: boolean;
  /** The current language's texts could not be downloaded. */
  failed: boolean;
  /** Whether a workspace key has a text (an error code the server sent, say). */
  has: (key: string) => boolean;
  retry: () => void;
};

/**
 * `const { t } = useAdminTranslation()`: like useTranslation, plus the `admin.…` keys. While a
 * newly chosen language's texts download, the previous language's are shown.
 */
export function useAdminTranslation(): AdminTranslation {
  const { t: pageT, language } = useTranslation();
  useSyncExternalStore(subscribe, getVersion);
  useEffect(() => {
    ensureAdminCatalog(language).catch(() => undefined); // shown through `failed`
  }, [language]);
  const catalog = loaded.get(language) ?? latest;
  const t = useCallback<AdminT>(
    (key, vars) => {
      if (key.startsWith('admin.')) return lookup(catalog, key.slice('admin.'.length), vars) ?? key;
      return pageT(key as TranslationKey, vars);
    },
    [catalog, pageT],
  );
  const retry = useCallback(() => {
    ensureAdminCatalog(language).catch(() => undefined);
  }, [language]);
  const has = useCallback(
    (key: string) => key.startsWith('admin.') && lookup(catalog, key.slice('admin.'.length)) !== undefined,
    [catalog],
  );
  return { t, language, ready: catalog !== undefined, failed: failed.has(language), retry, has };
}
