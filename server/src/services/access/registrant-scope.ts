import { tables } from '@convene/shared/db';
import { inArray, type SQL } from 'drizzle-orm';
import type { Coordinator } from './coordinator.js';
import { scopeCountries } from './scope-countries.js';

/** Registrations a region-scoped coordinator may see: of people from their regions' countries. */
export function registrantScope(coordinator: Coordinator): SQL | undefined {
  const countries = scopeCountries(coordinator);
  return countries ? inArray(tables.registrations.country, countries) : undefined;
}
