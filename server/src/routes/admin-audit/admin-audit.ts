import { tables } from '@convene/shared/db';
import { desc, lt } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireAdmin } from '../../middlewares/require-role.js';

const ZAuditQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** /api/admin/audit — admins only: coordinator actions, newest first, paged by `before`. */
export function adminAuditRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAdmin);
  router.get('/', async (req, res) => {
    const query = ZAuditQuery.safeParse(req.query);
    const { before, limit } = query.success ? query.data : { before: undefined, limit: 100 };
    const rows = await ctx.db
      .select()
      .from(tables.auditLog)
      .where(before ? lt(tables.auditLog.createdAt, new Date(before)) : undefined)
      .orderBy(desc(tables.auditLog.createdAt))
      .limit(limit);
    res.json({
      entries: rows.map((r) => ({
        id: r.id,
        actorEmail: r.actorEmail,
        action: r.action,
        targetType: r.targetType,
        targetId: r.targetId,
        details: r.details,
        createdAt: r.createdAt.toISOString(),
      })),
    });
  });
  return router;
}
