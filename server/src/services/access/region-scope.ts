import { countriesOf, type TCampaignSegment, type TRegion } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { inArray, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from './coordinator.js';
import { personInScope } from './scope-countries.js';

/** Contacts a region-scoped coordinator may see: those of their regions' countries. */
export function contactScope(coordinator: Coordinator): SQL | undefined {
  if (!coordinator.regionScope) return undefined;
  return inArray(
    tables.contacts.country,
    coordinator.regionScope.flatMap((region) => countriesOf(region)),
  );
}

/** 403 unless a contact's country lies in the coordinator's regions. */
export function assertContactInScope(coordinator: Coordinator, country: string | null): void {
  if (!coordinator.regionScope) return;
  const allowed = coordinator.regionScope.flatMap((region) => countriesOf(region));
  if (!country || !allowed.includes(country)) {
    throw new AppError(403, 'forbidden', 'This contact is outside your regions');
  }
}

/**
 * A campaign segment narrowed to the coordinator's regions: no geography given means all of
 * theirs; regions or countries outside their scope are refused rather than silently dropped.
 * Regions and countries form one geography (their union), so countries alone stay as given.
 */
export function segmentInScope(coordinator: Coordinator, segment: TCampaignSegment): TCampaignSegment {
  const scope = coordinator.regionScope;
  if (!scope) return segment;
  const regions = (segment.regions ?? []) as TRegion[];
  const countries = segment.countries ?? [];
  if (regions.some((r) => !scope.includes(r)) || countries.some((c) => !personInScope(coordinator, c))) {
    throw new AppError(403, 'forbidden', 'The segment includes places outside your scope');
  }
  return regions.length > 0 || countries.length > 0 ? segment : { ...segment, regions: [...scope] };
}
