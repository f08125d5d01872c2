/**
 * A ref callback that focuses its element once it is in the document: `ref={focusOnMount}`.
 * It stands in for `autoFocus`, which React applies to elements mounted after the page loaded
 * but Preact (the runtime the bundle uses, client/vite.config.ts) does not. Being one stable
 * function, it runs when the element appears, not on every render.
 */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
