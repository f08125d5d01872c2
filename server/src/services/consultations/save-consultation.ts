import type { TCreateConsultation, TUpdateConsultation } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';
import { assertEveryRegion } from '../access/programme-scope.js';
import type { Coordinator } from '../access/coordinator.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertThemeExists } from '../webinars/assert-theme-exists.js';
import { toAdminConsultation } from './consultation-views.js';

/**
 * The calendar is programme-wide, read by members of every region: only coordinators of every
 * region (and admins) change it.
 */
function assertMayEdit(viewer: Coordinator): void {
  assertEveryRegion(viewer);
}

/** Adds a consultation to the public calendar (audited). */
export async function createConsultation(db: Db, viewer: Coordinator, input: TCreateConsultation) {
  assertMayEdit(viewer);
  return db.transaction(async (tx) => {
    if (input.themeSlug) await assertThemeExists(tx, input.themeSlug);
    const [row] = await tx
      .insert(tables.consultations)
      .values({
        ...input,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        createdBy: viewer.id,
      })
      .returning();
    await recordAudit(tx, viewer, {
      action: 'consultation.create',
      targetType: 'consultation',
      targetId: row!.id,
      details: { kind: row!.kind, themeSlug: row!.themeSlug, region: row!.region },
    });
    return toAdminConsultation(row!);
  });
}

/**
 * Edits a consultation. Every change bumps `sequence`, so a calendar subscribed to the feed
 * replaces the event it has (same UID) instead of keeping the old one.
 */
export async function updateConsultation(db: Db, viewer: Coordinator, id: string, input: TUpdateConsultation) {
  assertMayEdit(viewer);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(tables.consultations).where(eq(tables.consultations.id, id)).for('update');
    if (!current) throw AppError.notFound('Consultation');
    const startsAt = input.startsAt ? new Date(input.startsAt) : current.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : current.endsAt;
    if (endsAt <= startsAt) {
      throw new AppError(400, 'validation_failed', 'Some fields are invalid', {
        endsAt: { code: 'ends_before_start', message: 'The end must come after the start' },
      });
    }
    if (input.themeSlug) await assertThemeExists(tx, input.themeSlug);
    const [row] = await tx
      .update(tables.consultations)
      .set({
        ...input,
        startsAt,
        endsAt,
        sequence: sql`${tables.consultations.sequence} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(tables.consultations.id, id))
      .returning();
    await recordAudit(tx, viewer, {
      action: 'consultation.update',
      targetType: 'consultation',
      targetId: id,
      details: { fields: Object.keys(input).sort() },
    });
    return toAdminConsultation(row!);
  });
}

/**
 * Cancels a consultation: it stays in the feeds as STATUS:CANCELLED (with a higher sequence),
 * so subscribed calendars mark it cancelled rather than silently keeping it.
 */
export async function cancelConsultation(db: Db, viewer: Coordinator, id: string) {
  assertMayEdit(viewer);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.consultations)
      .set({ status: 'cancelled', sequence: sql`${tables.consultations.sequence} + 1`, updatedAt: new Date() })
      .where(eq(tables.consultations.id, id))
      .returning();
    if (!row) throw AppError.notFound('Consultation');
    await recordAudit(tx, viewer, { action: 'consultation.cancel', targetType: 'consultation', targetId: id });
    return toAdminConsultation(row);
  });
}
