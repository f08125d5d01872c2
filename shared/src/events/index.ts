import { z } from 'zod';
import { ZUuid } from '../schemas/common.js';

/*
 * socket.io events between the coordinator workspace and the server. Payloads carry ids
 * and counts, never personal data or report text.
 */
export const EVENTS = {
  /** client → server: follow a campaign's progress. */
  watchCampaign: 'campaign:watch',
  /** server → client: a campaign's counters changed (ZCampaignProgress). */
  campaignProgress: 'campaign:progress',
} as const;

export const ZWatchCampaign = z.strictObject({ campaignId: ZUuid });
export type TWatchCampaign = z.infer<typeof ZWatchCampaign>;
