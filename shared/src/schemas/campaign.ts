import { z } from 'zod';
import { REGIONS } from '../geo/regions.js';
import { ZCountry, ZInstant, ZLanguage, ZUuid } from './common.js';

const ZLabel = z.string().trim().min(1, { error: 'required' }).max(100, { error: 'too_long' });

/** Who a campaign invites; each list narrows the audience, an empty or missing list means "any". */
export const ZCampaignSegment = z.strictObject({
  regions: z
    .array(z.enum(REGIONS, { error: 'invalid_choice' }))
    .max(10)
    .optional(),
  countries: z.array(ZCountry).max(300).optional(),
  languages: z.array(ZLanguage).max(10).optional(),
  tags: z.array(ZLabel).max(50).optional(),
  organizations: z.array(ZLabel).max(200).optional(),
});
export type TCampaignSegment = z.infer<typeof ZCampaignSegment>;

export const ZCreateCampaign = z.strictObject({ webinarId: ZUuid, segment: ZCampaignSegment.default({}) });
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;

/**
 * Counts of a campaign over every contact of its segment; what the progress bar shows.
 * `skipped` = contacts never invited (unsubscribed, undeliverable, already invited to the
 * webinar by an earlier campaign) + invitations withdrawn before sending (the contact
 * unsubscribed meanwhile, the webinar changed); `total` counts them all.
 */
export const ZCampaignProgress = z.object({
  campaignId: ZUuid,
  total: z.number().int(),
  queued: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  skippedReasons: z.object({
    unsubscribed: z.number().int(),
    undeliverable: z.number().int(),
    alreadyInvited: z.number().int(),
    withdrawn: z.number().int(),
  }),
  done: z.boolean(),
});
export type TCampaignProgress = z.infer<typeof ZCampaignProgress>;

export const ZCampaign = z.object({
  id: ZUuid,
  webinarId: ZUuid,
  segment: ZCampaignSegment,
  status: z.enum(['draft', 'sending', 'sent']),
  plannedCount: z.number().int(),
  skippedCount: z.number().int(),
  createdAt: ZInstant,
  sentAt: ZInstant.nullable(),
  progress: ZCampaignProgress,
});
export type TCampaign = z.infer<typeof ZCampaign>;

/** The audience of a segment and one rendered invitation per language in it. */
export const ZCampaignPreview = z.object({
  audience: z.number().int(),
  excluded: z.object({
    unsubscribed: z.number().int(),
    undeliverable: z.number().int(),
    /** Mailable contacts of the segment already invited to this webinar: sending skips them. */
    alreadyInvited: z.number().int(),
  }),
  languages: z.array(
    z.object({ language: ZLanguage, count: z.number().int(), subject: z.string(), text: z.string(), html: z.string() }),
  ),
});
export type TCampaignPreview = z.infer<typeof ZCampaignPreview>;

/** What an invitation link pre-fills in the registration form. */
export const ZInvitationPrefill = z.object({
  prefill: z.object({
    name: z.string(),
    email: z.string(),
    organization: z.string(),
    country: z.string().nullable(),
    language: ZLanguage,
    timeZone: z.string().nullable(),
  }),
});
export type TInvitationPrefill = z.infer<typeof ZInvitationPrefill>;
