import type { TCreateReport, TReportReceipt, TReportSubmitted } from '@convene/shared';
import { requestJson, type ApiResult, type ApiSchemas, type Parser } from '../../common/api/http';

/** Sends a report; 201 when stored, 200 when this submission id had already arrived. */
export function sendReport(body: TCreateReport): Promise<ApiResult<TReportSubmitted>> {
  return requestJson('/api/reports', (s) => s.ZReportSubmitted, { method: 'POST', body });
}

const receiptResponse = ({ ZReportReceipt }: ApiSchemas): Parser<TReportReceipt> => ({
  safeParse(value) {
    const receipt = ZReportReceipt.safeParse((value as { receipt?: unknown } | null)?.receipt);
    return receipt.success ? { success: true, data: receipt.data } : { success: false };
  },
});

/** The status of a report by its receipt code (404 when no report has it). */
export function checkReceipt(code: string, signal?: AbortSignal): Promise<ApiResult<TReportReceipt>> {
  return requestJson(`/api/reports/receipt/${encodeURIComponent(code)}`, receiptResponse, { signal });
}

/** Withdraws the report for good: its text and identity are erased; the answer is its receipt, marked withdrawn. */
export function withdrawReport(code: string): Promise<ApiResult<TReportReceipt>> {
  return requestJson(`/api/reports/receipt/${encodeURIComponent(code)}/withdraw`, receiptResponse, {
    method: 'POST',
    body: { confirm: true },
  });
}
