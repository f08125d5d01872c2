import type { TReportSubmittedEvent } from '@convene/shared';
import type { Coordinator } from '../services/access/coordinator.js';

/** Coordinators who may see every report. */
export const UNSCOPED_ROOM = 'reports:all';

const regionRoom = (region: string) => `reports:region:${region}`;
const themeRoom = (theme: string) => `reports:theme:${theme}`;
// Regions are an enum without ':', so the theme part is everything after ':theme:'.
const pairRoom = (region: string, theme: string) => `reports:region:${region}:theme:${theme}`;

/**
 * The rooms a coordinator's socket joins to receive the reports of their scope: one room
 * when unscoped, one per region or theme when scoped on one axis, one per (region, theme)
 * pair when scoped on both. A report is broadcast to `reportRooms(report)`; socket.io
 * delivers it once to every socket in any of them, on every instance (through the adapter),
 * and a socket shares a room with a report exactly when `inReportScope` says yes.
 */
export function scopeRooms(coordinator: Pick<Coordinator, 'regionScope' | 'themeScope'>): string[] {
  const { regionScope: regions, themeScope: themes } = coordinator;
  if (!regions && !themes) return [UNSCOPED_ROOM];
  if (regions && !themes) return regions.map(regionRoom);
  if (!regions && themes) return themes.map(themeRoom);
  return regions!.flatMap((region) => themes!.map((theme) => pairRoom(region, theme)));
}

/** The rooms whose members may see this report (see scopeRooms). */
export function reportRooms(report: Pick<TReportSubmittedEvent, 'region' | 'themes'>): string[] {
  return [
    UNSCOPED_ROOM,
    regionRoom(report.region),
    ...report.themes.map(themeRoom),
    ...report.themes.map((theme) => pairRoom(report.region, theme)),
  ];
}
