import type { TReportReceipt } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/** The status of a report by its receipt code: that it arrived, when, and its review status. */
export async function findReceipt(db: Db, receiptCode: string): Promise<TReportReceipt> {
  const [row] = await db
    .select({
      receiptCode: tables.reports.receiptCode,
      status: tables.reports.status,
      createdAt: tables.reports.createdAt,
    })
    .from(tables.reports)
    .where(eq(tables.reports.receiptCode, receiptCode));
  if (!row) throw AppError.notFound('Report');
  return { receiptCode: row.receiptCode, status: row.status, receivedAt: row.createdAt.toISOString() };
}
