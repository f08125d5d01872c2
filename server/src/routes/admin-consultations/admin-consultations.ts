import {
  ZCreateConsultation,
  ZUpdateConsultation,
  ZUuid,
  type TCreateConsultation,
  type TUpdateConsultation,
} from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { getAdminConsultation, listAdminConsultations } from '../../services/consultations/list-consultations.js';
import {
  cancelConsultation,
  createConsultation,
  updateConsultation,
} from '../../services/consultations/save-consultation.js';

/** /api/admin/consultations — the consultation calendar (coordinators of every region change it). */
export function adminConsultationsRouter(ctx: AppContext): Router {
  const router = Router();
  const id = validateParam('id', ZUuid, 'Consultation');
  router.get('/', async (_req, res) => {
    res.json({ consultations: await listAdminConsultations(ctx.db) });
  });
  router.post('/', validateBody(ZCreateConsultation), async (req, res) => {
    const consultation = await createConsultation(ctx.db, coordinatorOf(res), req.body as TCreateConsultation);
    res.status(201).json({ consultation });
  });
  router.get('/:id', id, async (req, res) => {
    res.json({ consultation: await getAdminConsultation(ctx.db, req.params.id as string) });
  });
  router.patch('/:id', id, validateBody(ZUpdateConsultation), async (req, res) => {
    const consultation = await updateConsultation(
      ctx.db,
      coordinatorOf(res),
      req.params.id as string,
      req.body as TUpdateConsultation,
    );
    res.json({ consultation });
  });
  router.post('/:id/cancel', id, async (req, res) => {
    res.json({ consultation: await cancelConsultation(ctx.db, coordinatorOf(res), req.params.id as string) });
  });
  return router;
}
