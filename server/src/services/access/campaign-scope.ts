import { countriesOf, type TCampaignSegment } from '@convene/shared';
import type { Coordinator } from './coordinator.js';
import { personInScope } from './scope-countries.js';

/**
 * Whether a campaign is visible to a coordinator: for a region-scoped one, only when its
 * segment's geography (regions and countries) lies wholly in their regions — a campaign to
 * every country, or reaching other regions, mailed people they may not see.
 */
export function campaignInScope(coordinator: Coordinator, segment: TCampaignSegment): boolean {
  if (!coordinator.regionScope) return true;
  const countries = [...(segment.countries ?? []), ...(segment.regions ?? []).flatMap((r) => countriesOf(r))];
  return countries.length > 0 && countries.every((country) => personInScope(coordinator, country));
}
