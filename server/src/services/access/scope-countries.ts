import { countriesOf, regionOf } from '@convene/shared';
import type { Coordinator } from './coordinator.js';

/**
 * The countries whose people a coordinator may see: those of their regions, or null when
 * they see everyone. People are scoped by the region of THEIR country (a registrant's,
 * a contact's), never by the webinar or campaign they are attached to.
 */
export function scopeCountries(coordinator: Coordinator): string[] | null {
  return coordinator.regionScope ? coordinator.regionScope.flatMap((region) => countriesOf(region)) : null;
}

/** Whether a person of this country is visible to the coordinator; no country: only to the unscoped. */
export function personInScope(coordinator: Coordinator, country: string | null | undefined): boolean {
  if (!coordinator.regionScope) return true;
  const region = country ? regionOf(country) : null;
  return region !== null && coordinator.regionScope.includes(region);
}
