import { AppError } from '../../errors/app-error.js';
import type { Coordinator } from './coordinator.js';

/**
 * Webinars are programme-wide: one orientation and one webinar per theme for every
 * region. Only coordinators without any scope (and admins) create, change, cancel or
 * complete them; a region- or theme-scoped coordinator may only read them.
 */
export function isProgrammeWide(coordinator: Coordinator): boolean {
  return !coordinator.regionScope && !coordinator.themeScope;
}

/** 403 unless the coordinator may change programme-wide things (webinars). */
export function assertProgrammeWide(coordinator: Coordinator): void {
  if (!isProgrammeWide(coordinator)) {
    throw new AppError(
      403,
      'forbidden',
      'Webinars are programme-wide: only coordinators of every region and theme change them',
    );
  }
}

/**
 * 403 for a coordinator of some regions only, where a document must cover every region:
 * a brief that silently leaves regions out (or shows them as 0) would mislead its readers.
 */
export function assertEveryRegion(coordinator: Coordinator): void {
  if (coordinator.regionScope) throw new AppError(403, 'forbidden', 'Briefs cover every region');
}
