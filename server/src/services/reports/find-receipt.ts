import type { TReportReceipt } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.js';

/** The status of a report by its receipt code: that it arrived, when, its review status, whether it was withdrawn. */
export async function findReceipt(db: Db, receiptCode: string): Promise<TReportReceipt> {
  const [row] = await db
    .select({
      receiptCode: tables.reports.receiptCode,
      status: tables.reports.status,
      createdAt: tables.reports.createdAt,
      withdrawnAt: tables.reports.withdrawnAt,
    })
    .from(tables.reports)
    .where(eq(tables.reports.receiptCode, receiptCode));
  if (!row) throw AppError.notFound('Report');
  return {
    receiptCode: row.receiptCode,
    status: row.status,
    receivedAt: row.createdAt.toISOString(),
    withdrawn: row.withdrawnAt !== null,
  };
}
