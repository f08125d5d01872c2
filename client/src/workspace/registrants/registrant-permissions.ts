import type { TAdminWebinar, TRegistrant, TSignedInUser } from '@convene/shared';
import type { WebinarPhase } from './webinar-phase';

/**
 * What the API lets this coordinator do on this webinar's registrants, so that the page never
 * offers a button the API would refuse. Webinars are programme-wide: every change under
 * /api/admin/webinars is refused (403) to a region- or theme-scoped coordinator.
 */
export type RegistrantPermissions = {
  /** Any change at all: false for a scoped coordinator (the page is read-only). */
  manage: boolean;
  promote: (r: TRegistrant) => boolean;
  cancel: (r: TRegistrant) => boolean;
  resend: (r: TRegistrant) => boolean;
  /** Ticking attendance by hand: between the start and the completion. */
  tick: (r: TRegistrant) => boolean;
  /** Importing a platform's attendance report: between the start and the completion. */
  importAttendance: boolean;
  /** Erasing a registrant's personal data at their request: admins, whatever the webinar's state. */
  erase: (r: TRegistrant) => boolean;
};

export function registrantPermissions(
  user: Pick<TSignedInUser, 'regionScope' | 'themeScope'> & Partial<Pick<TSignedInUser, 'role'>>,
  webinar: Pick<TAdminWebinar, 'status'>,
  phase: WebinarPhase,
): RegistrantPermissions {
  const manage = !user.regionScope && !user.themeScope;
  const scheduled = manage && webinar.status === 'scheduled';
  // The API's rules: promotion only while the webinar is ahead or running (not after its end),
  // cancellation until it is completed or cancelled, a resend while it is scheduled,
  // attendance from its start until its completion.
  const attendanceOpen = scheduled && phase.started;
  return {
    manage,
    promote: (r) => scheduled && !phase.ended && r.status === 'waitlisted',
    cancel: (r) => manage && (webinar.status === 'scheduled' || webinar.status === 'draft') && r.status !== 'cancelled',
    resend: (r) => scheduled && r.status === 'confirmed',
    tick: (r) => attendanceOpen && r.status === 'confirmed',
    importAttendance: attendanceOpen,
    erase: (r) => manage && user.role === 'admin' && r.erasedAt === null,
  };
}
