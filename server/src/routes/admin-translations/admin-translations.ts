import {
  ZHumanTranslationInput,
  ZMachineTranslationRequest,
  ZUuid,
  ZVerifyTranslationInput,
  type THumanTranslationInput,
  type TMachineTranslationRequest,
  type TVerifyTranslationInput,
} from '@convene/shared';
import { describeTranslationProvider } from '@convene/worker/translation';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { listTranslations } from '../../services/translations/list-translations.js';
import { requestMachineTranslations } from '../../services/translations/request-machine-translations.js';
import { saveHumanTranslation } from '../../services/translations/save-human-translation.js';
import { TranslationQueue } from '../../services/translations/translation-queue.js';
import { verifyTranslation } from '../../services/translations/verify-translation.js';

/**
 * Under /api/admin: a report's translations (list, request machine ones, save a reviewer's,
 * verify) and which provider sees the text. `close` releases the translation queue.
 */
export function adminTranslationsRouter(ctx: AppContext): { router: Router; close: () => Promise<void> } {
  const router = Router();
  const id = validateParam('id', ZUuid, 'Report');
  const provider = describeTranslationProvider(ctx.env);
  const queue = new TranslationQueue(ctx.redis, ctx.env.QUEUE_PREFIX, ctx.logger);
  const reportId = (params: Record<string, unknown>) => params.id as string;

  router.get('/translation-provider', (_req, res) => {
    res.json(provider);
  });

  router.get('/reports/:id/translations', id, async (req, res) => {
    res.json(await listTranslations(ctx.db, reportId(req.params), coordinatorOf(res)));
  });

  router.put('/reports/:id/translations', id, validateBody(ZHumanTranslationInput), async (req, res) => {
    const input = req.body as THumanTranslationInput;
    res.json(await saveHumanTranslation(ctx.db, reportId(req.params), input, coordinatorOf(res)));
  });

  router.post('/reports/:id/translations/verify', id, validateBody(ZVerifyTranslationInput), async (req, res) => {
    const input = req.body as TVerifyTranslationInput;
    res.json(await verifyTranslation(ctx.db, reportId(req.params), input, coordinatorOf(res)));
  });

  router.post('/reports/:id/translations/machine', id, validateBody(ZMachineTranslationRequest), async (req, res) => {
    const { languages } = req.body as TMachineTranslationRequest;
    const deps = { db: ctx.db, queue, provider, logger: ctx.logger };
    res.status(202).json(await requestMachineTranslations(deps, reportId(req.params), languages, coordinatorOf(res)));
  });

  return { router, close: () => queue.close() };
}
