import { countriesOf, type TCampaignSegment, type TRegion } from '@convene/shared';
import { tables } from '@convene/shared/db';
import { inArray, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from './coordinator.js';

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
 * A campaign segment narrowed to the coordinator's regions: none given means all of
 * theirs; regions outside their scope are refused rather than silently dropped.
 */
export function segmentInScope(coordinator: Coordinator, segment: TCampaignSegment): TCampaignSegment {
  const scope = coordinator.regionScope;
  if (!scope) return segment;
  const regions = (segment.regions ?? []) as TRegion[];
  if (regions.some((r) => !scope.includes(r))) {
    throw new AppError(403, 'forbidden', 'The segment includes regions outside your scope');
  }
  return { ...segment, regions: regions.length > 0 ? regions : [...scope] };
}
