import type { tables } from '@convene/shared/db';

export type WebinarRow = typeof tables.webinars.$inferSelect;
export type RegistrationRow = typeof tables.registrations.$inferSelect;
export type NewNotification = typeof tables.notifications.$inferInsert;
/** What is enqueued after commit. */
export type PlannedNotification = { id: string; scheduledAt: Date };
