/** The first `max` characters of a text (whole code points), with "…" when it goes on. */
export function excerpt(text: string, max = 200): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}
