import { useEffect } from 'react';

/** index.html's own title, shown again when no page names itself (e.g. the report form). */
const SHELL_TITLE = typeof document === 'undefined' ? '' : document.title;

/**
 * Sets the document title while the calling component is mounted. Written as an effect, not
 * as a `<title>` element: hoisting `<title>` into <head> is React 19's, and the bundle runs on
 * Preact (client/vite.config.ts), which would leave it in the body, unread.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
    return () => {
      // Only if no page mounted since has named itself (its effect ran after this one).
      if (document.title === title) document.title = SHELL_TITLE;
    };
  }, [title]);
}

/** useDocumentTitle for a branch of JSX: renders nothing, titles the document. */
export function DocumentTitle({ children }: { children: string }) {
  useDocumentTitle(children);
  return null;
}
