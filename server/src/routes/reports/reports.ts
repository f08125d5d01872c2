import {
  ZConfirmErasure,
  ZCreateReport,
  ZReceiptCode,
  type TCreateReport,
  type TReportSubmitted,
} from '@convene/shared';
import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { honeypot } from '../../middlewares/honeypot.js';
import type { IpPseudonym } from '../../middlewares/ip-pseudonym.js';
import { publicRateLimit } from '../../middlewares/public-rate-limit.js';
import { validateBody, validateParam } from '../../middlewares/validate.js';
import { findReceipt } from '../../services/reports/find-receipt.js';
import { submitReport, type SubmitOutcome } from '../../services/reports/submit-report.js';
import { withdrawReport } from '../../services/reports/withdraw-report.js';

const HOUR = 3600;

/** The public input form's API: submit a report, check one by its receipt code, withdraw it. */
export function reportsRouter(ctx: AppContext, pseudonym: IpPseudonym): Router {
  const router = Router();
  const limit = (name: string, points: number) =>
    publicRateLimit({ redis: ctx.redis, prefix: ctx.env.QUEUE_PREFIX, name, pseudonym, points, durationSeconds: HOUR });

  router.post(
    '/',
    limit('report', ctx.env.REPORT_RATE_LIMIT),
    honeypot,
    validateBody(ZCreateReport),
    async (req, res) => {
      const outcome = await submitReport(ctx.db, req.body as TCreateReport);
      // Committed: the dashboards first, then the reporter's answer.
      if (!outcome.duplicate) announce(ctx, outcome);
      const body: TReportSubmitted = { receipt: outcome.receipt, duplicate: outcome.duplicate };
      res.status(outcome.duplicate ? 200 : 201).json(body);
    },
  );

  router.get(
    '/receipt/:code',
    limit('receipt', ctx.env.RECEIPT_RATE_LIMIT),
    validateParam('code', ZReceiptCode, 'Report'),
    async (req, res) => {
      res.json({ receipt: await findReceipt(ctx.db, ZReceiptCode.parse(req.params.code)) });
    },
  );

  // Same limiter (and budget) as the check: withdrawing is no second way to try codes.
  router.post(
    '/receipt/:code/withdraw',
    limit('receipt', ctx.env.RECEIPT_RATE_LIMIT),
    validateParam('code', ZReceiptCode, 'Report'),
    validateBody(ZConfirmErasure),
    async (req, res) => {
      const { receipt, withdrawn } = await withdrawReport(ctx.db, ZReceiptCode.parse(req.params.code));
      // After the commit: the dashboards then read counts that no longer hold it.
      if (withdrawn) ctx.events.emit('reportWithdrawn', withdrawn);
      res.set('Cache-Control', 'no-store').json({ receipt });
    },
  );

  return router;
}

/** Tells live dashboards: ids and counts only. The report is stored; a failure here costs a refresh. */
function announce(ctx: AppContext, outcome: SubmitOutcome): void {
  try {
    const { report, themes, counts } = outcome;
    if (!counts) return;
    ctx.events.emit('reportSubmitted', {
      reportId: report.id,
      region: report.region,
      countries: report.countries,
      themes,
      language: report.language,
      receivedAt: report.createdAt.toISOString(),
      counts,
    });
  } catch (err) {
    ctx.logger.warn({ err: (err as Error).message }, 'report announcement failed');
  }
}
