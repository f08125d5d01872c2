import { ZCreateCampaign, ZUuid, type TCreateCampaign } from '@convene/shared';
import { Router, type Response } from 'express';
import type { AppContext } from '../../context.js';
import { coordinatorOf } from '../../middlewares/require-role.js';
import { segmentInScope } from '../../services/access/region-scope.js';
import { recordAudit } from '../../services/audit/record-audit.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { getCampaign, listCampaigns } from '../../services/campaigns/list-campaigns.js';
import { previewCampaign } from '../../services/campaigns/preview-campaign.js';
import { sendCampaign } from '../../services/campaigns/send-campaign.js';

/** /api/admin/campaigns — invitation campaigns: preview, send, progress. */
export function campaignsRouter(ctx: AppContext, mailFrom: string): Router {
  const router = Router();
  // A region-scoped coordinator invites only contacts of their regions.
  const inScope = (input: TCreateCampaign, res: Response): TCreateCampaign => ({
    ...input,
    segment: segmentInScope(coordinatorOf(res), input.segment),
  });
  router.get('/', async (_req, res) => {
    res.json({ campaigns: await listCampaigns(ctx.db, coordinatorOf(res)) });
  });
  router.post('/preview', validateBody(ZCreateCampaign), async (req, res) => {
    const input = inScope(req.body as TCreateCampaign, res);
    res.json(await previewCampaign(ctx.db, input, { publicUrl: ctx.env.PUBLIC_URL, mailFrom }));
  });
  router.post('/', validateBody(ZCreateCampaign), async (req, res) => {
    const campaign = await sendCampaign(ctx, inScope(req.body as TCreateCampaign, res), coordinatorOf(res).id);
    await recordAudit(ctx.db, coordinatorOf(res), {
      action: 'campaign.send',
      targetType: 'campaign',
      targetId: campaign.id,
      details: { webinarId: campaign.webinarId, planned: campaign.plannedCount },
    });
    ctx.logger.info({ campaignId: campaign.id, planned: campaign.plannedCount }, 'campaign sent to the outbox');
    res.status(201).json({ campaign });
  });
  router.get('/:id', validateParam('id', ZUuid, 'Campaign'), async (req, res) => {
    res.json({ campaign: await getCampaign(ctx.db, req.params.id as string, coordinatorOf(res)) });
  });
  return router;
}
