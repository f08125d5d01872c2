/*
 * localStorage can throw (private browsing, storage disabled, quota): a preference that
 * cannot be kept must never break the page.
 */

/** The stored value of a key, or null when absent or storage is unusable. */
export function readPreference(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps a value if storage is usable; silently does nothing otherwise. */
export function writePreference(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Nothing to do: the choice still holds for this visit.
  }
}
