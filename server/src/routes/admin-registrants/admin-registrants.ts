import {
  countriesOf,
  ZConfirmErasure,
  ZPromoteRegistrant,
  ZSetAttendance,
  ZUuid,
  type TPromoteRegistrant,
  type TSetAttendance,
} from '@convene/shared';
import { tables } from '@convene/shared/db';
import { and, eq } from 'drizzle-orm';
import express, { Router, type RequestHandler, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors/app-error.js';
import { coordinatorOf, requireAdmin } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { importAttendance } from '../../services/attendance/import-attendance.js';
import { setAttendance } from '../../services/attendance/set-attendance.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { cancelOnBehalf } from '../../services/registrations/cancel-on-behalf.js';
import { deleteRegistration } from '../../services/registrations/delete-registration.js';
import { toRegistrant } from '../../services/webinars/list-registrants.js';
import { promoteRegistrant } from '../../services/registrations/promote-registrant.js';
import { resendConfirmation } from '../../services/registrations/resend-confirmation.js';

/** What platforms call their CSV downloads (Teams: UTF-16 "Excel" files). */
const REPORT_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
];
const rawReport = express.raw({ type: REPORT_TYPES, limit: '10mb' });
const reportBody: RequestHandler = (req, res, next) => {
  if (req.is(REPORT_TYPES) === false) {
    throw new AppError(415, 'unsupported_media_type', 'Send the attendance report as CSV with Content-Type: text/csv');
  }
  rawReport(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large') {
      next(new AppError(413, 'attendance_too_large', 'The file is larger than 10 MB'));
      return;
    }
    next(err);
  });
};

/**
 * /api/admin/webinars/:id/registrations/:registrationId/* and /api/admin/webinars/:id/attendance:
 * what coordinators do for registrants — promote from the waiting list, cancel on their
 * behalf, resend a confirmation, record attendance. Every action is audited (ids, counts).
 */
export function adminRegistrantsRouter(ctx: AppContext): Router {
  const router = Router();
  const id = validateParam('id', ZUuid, 'Webinar');
  const registrationId = validateParam('registrationId', ZUuid, 'Registration');
  const params = (req: { params: Record<string, string | string[] | undefined> }) => ({
    webinarId: req.params.id as string,
    registrationId: req.params.registrationId as string,
  });
  const audit = (res: Response, action: string, webinarId: string, details: Record<string, unknown>) =>
    recordAudit(ctx.db, coordinatorOf(res), { action, targetType: 'webinar', targetId: webinarId, details });

  /** A region-scoped coordinator acts only for registrants of their regions' countries. */
  const inScope: RequestHandler = async (req, res, next) => {
    const scope = coordinatorOf(res).regionScope;
    if (!scope) return next();
    const { webinarId, registrationId: rid } = params(req);
    const r = tables.registrations;
    const [row] = await ctx.db
      .select({ country: r.country })
      .from(r)
      .where(and(eq(r.id, rid), eq(r.webinarId, webinarId)));
    if (!row) throw AppError.notFound('Registration');
    if (!scope.flatMap((region) => countriesOf(region)).includes(row.country)) {
      throw new AppError(403, 'forbidden', 'This registrant is outside your regions');
    }
    next();
  };
  const onlyUnscoped: RequestHandler = (_req, res, next) => {
    if (coordinatorOf(res).regionScope) {
      throw new AppError(403, 'forbidden', 'Attendance reports are imported by coordinators of every region');
    }
    next();
  };
  const registrant = [id, registrationId, inScope];

  router.post(
    '/:id/registrations/:registrationId/promote',
    ...registrant,
    validateBody(ZPromoteRegistrant),
    async (req, res) => {
      const { webinarId, registrationId: rid } = params(req);
      const { overCapacity } = req.body as TPromoteRegistrant;
      const result = await promoteRegistrant(ctx, webinarId, rid, overCapacity);
      await audit(res, 'registration.promote', webinarId, { registrationId: rid, overCapacity });
      res.json({ registrant: result });
    },
  );

  router.post('/:id/registrations/:registrationId/cancel', ...registrant, async (req, res) => {
    const { webinarId, registrationId: rid } = params(req);
    const result = await cancelOnBehalf(ctx, webinarId, rid);
    await audit(res, 'registration.cancel_on_behalf', webinarId, { registrationId: rid });
    res.json({ registrant: result });
  });

  router.post('/:id/registrations/:registrationId/resend-confirmation', ...registrant, async (req, res) => {
    const { webinarId, registrationId: rid } = params(req);
    const { notificationId } = await resendConfirmation(ctx, webinarId, rid);
    await audit(res, 'registration.resend_confirmation', webinarId, { registrationId: rid, notificationId });
    res.status(202).json({ notificationId });
  });

  // Erasure at the registrant's request: admins only, with the page's second step; the row
  // stays, blanked, for the counts (its audit entry is written by the erasure itself).
  router.post(
    '/:id/registrations/:registrationId/erase',
    requireAdmin,
    ...registrant,
    validateBody(ZConfirmErasure),
    async (req, res) => {
      const { webinarId, registrationId: rid } = params(req);
      const admin = coordinatorOf(res);
      await deleteRegistration(
        { db: ctx.db, mailQueue: ctx.mailQueue, dataDir: ctx.env.DATA_DIR },
        rid,
        {
          kind: 'coordinator',
          id: admin.id,
          email: admin.email,
        },
        new Date(),
        webinarId,
      );
      const r = tables.registrations;
      const [after] = await ctx.db
        .select()
        .from(r)
        .where(and(eq(r.id, rid), eq(r.webinarId, webinarId)));
      if (!after) throw AppError.notFound('Registration');
      ctx.logger.info({ registrationId: rid }, 'registration erased on request');
      res.json({ registrant: toRegistrant(after) });
    },
  );

  router.put(
    '/:id/registrations/:registrationId/attendance',
    ...registrant,
    validateBody(ZSetAttendance),
    async (req, res) => {
      const { webinarId, registrationId: rid } = params(req);
      const { attended } = req.body as TSetAttendance;
      const result = await setAttendance(ctx.db, webinarId, rid, attended);
      await audit(res, 'attendance.set', webinarId, { registrationId: rid, attended });
      res.json({ registrant: result });
    },
  );

  router.post('/:id/attendance', id, onlyUnscoped, reportBody, async (req, res) => {
    const webinarId = req.params.id as string;
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = await importAttendance(ctx.db, webinarId, bytes);
    // Counts only: the report's addresses stay out of logs and the audit log.
    ctx.logger.info(
      { webinarId, lines: result.lines, marked: result.marked, unmatched: result.unmatchedLines },
      'attendance imported',
    );
    await audit(res, 'attendance.import', webinarId, {
      lines: result.lines,
      marked: result.marked,
      alreadyMarked: result.alreadyMarked,
      unmatched: result.unmatchedLines,
    });
    res.json(result);
  });

  return router;
}
