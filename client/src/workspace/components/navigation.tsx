import { useEffect } from 'react';
import { useLocation } from 'wouter';

/*
 * wouter's own useSearch and Redirect would add their code to the router chunk every public
 * page loads; the browser-location hook below is already there (wouter's default search hook).
 */
export { useSearch } from 'wouter/use-browser-location';

/** Replaces the address with `to` (relative to the workspace) once rendered. */
export function Navigate({ to }: { to: string }) {
  const [, navigate] = useLocation();
  useEffect(() => {
    navigate(to, { replace: true });
  }, [navigate, to]);
  return null;
}
