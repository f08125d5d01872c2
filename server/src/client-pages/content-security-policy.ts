/**
 * The response's Content-Security-Policy (set by helmet for every response) with `sources`
 * added to one directive: the hashes of a page's inline styles join style-src, so exactly
 * those inline elements are allowed and the policy is not loosened for anything else.
 */
export function withSources(policy: string, directive: string, sources: string[]): string {
  if (sources.length === 0) return policy;
  const parts = policy.split(';').map((part) => part.trim());
  const index = parts.findIndex((part) => part.split(/\s+/)[0] === directive);
  if (index === -1) return [...parts.filter(Boolean), `${directive} ${sources.join(' ')}`].join(';');
  parts[index] = `${parts[index]} ${sources.join(' ')}`;
  return parts.join(';');
}
