import { z } from 'zod';
import { ZLanguage, ZUuid } from '../schemas/common.js';
import { ZRegion } from '../schemas/report.js';

/*
 * socket.io events between the coordinator workspace and the server. Payloads carry ids
 * and counts, never personal data or report text.
 */
export const EVENTS = {
  /** client → server: follow a campaign's progress. */
  watchCampaign: 'campaign:watch',
  /** server → client: a campaign's counters changed (ZCampaignProgress). */
  campaignProgress: 'campaign:progress',
  /** server → client: a report arrived (ZReportSubmittedEvent). */
  reportSubmitted: 'report:submitted',
  /** server → client: a reporter withdrew a report (ZReportWithdrawnEvent). */
  reportWithdrawn: 'report:withdrawn',
} as const;

export const ZWatchCampaign = z.strictObject({ campaignId: ZUuid });
export type TWatchCampaign = z.infer<typeof ZWatchCampaign>;

/**
 * A new report, for live dashboards: its id, where and what about, and the new totals —
 * never a word of its text nor anything about who sent it.
 */
export const ZReportSubmittedEvent = z.object({
  reportId: ZUuid,
  region: ZRegion,
  countries: z.array(z.string()),
  themes: z.array(z.string()),
  language: ZLanguage,
  receivedAt: z.string(),
  counts: z.object({
    /** All reports. */
    total: z.number().int(),
    /** Reports per theme, for the themes of this report. */
    byTheme: z.record(z.string(), z.number().int()),
    /** Reports from this report's region. */
    region: z.number().int(),
  }),
});
export type TReportSubmittedEvent = z.infer<typeof ZReportSubmittedEvent>;

/**
 * A report withdrawn by its reporter: its id only. Open lists mark it, dashboards read their
 * counts again; where it was and what it was about are not repeated (the server uses them to
 * pick the sockets that may know, see report-rooms.ts).
 */
export const ZReportWithdrawnEvent = z.strictObject({ reportId: ZUuid });
export type TReportWithdrawnEvent = z.infer<typeof ZReportWithdrawnEvent>;
