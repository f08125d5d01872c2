import type { Catalog, TLanguage } from '@convene/shared';

/** The UI language and its catalog, loaded. */
export type ActiveLanguage = { readonly language: TLanguage; readonly catalog: Catalog };

let active: ActiveLanguage | undefined;
const listeners = new Set<() => void>();

/** The language in use; the app renders only once one is set (see setupI18n). */
export function getActiveLanguage(): ActiveLanguage {
  if (!active) throw new Error('No language loaded yet: await setupI18n() before rendering');
  return active;
}

/** Switches every subscribed component to a loaded language. */
export function setActiveLanguage(language: TLanguage, catalog: Catalog): void {
  active = { language, catalog };
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: called after each switch; returns the unsubscribe function. */
export function subscribeToLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
