import type { TAttendanceImportResult } from '@convene/shared';
import { tables, type Db } from '@convene/shared/db';
import { and, eq, inArray } from 'drizzle-orm';
import { lockWebinar } from '../webinars/lock-webinar.js';
import { countRegistrants } from '../webinars/list-registrants.js';
import { assertAttendanceOpen } from './attendance-window.js';
import { readAttendanceCsv } from './read-attendance-csv.js';

const CHUNK = 1000;
/** The unmatched lines listed in the answer; the counts stay exact beyond. */
const MAX_LISTED = 500;

/**
 * Marks as attended the registrants found (by address, any case) in a video platform's
 * attendance report. Importing the same report again marks nobody twice; a registrant
 * already marked by hand stays so. Answers with counts and line numbers, never addresses.
 */
export async function importAttendance(
  db: Db,
  webinarId: string,
  bytes: Uint8Array,
  now = new Date(),
): Promise<TAttendanceImportResult> {
  const report = readAttendanceCsv(bytes);
  return db.transaction(async (tx) => {
    assertAttendanceOpen(await lockWebinar(tx, webinarId), now);
    const r = tables.registrations;
    const emails = [...new Set(report.lines.flatMap((l) => (l.email && l.attended ? [l.email] : [])))];
    const found = new Map<string, { id: string; status: string; attendedAt: Date | null }>();
    for (let i = 0; i < emails.length; i += CHUNK) {
      const rows = await tx
        .select({ id: r.id, email: r.emailNormalized, status: r.status, attendedAt: r.attendedAt })
        .from(r)
        .where(and(eq(r.webinarId, webinarId), inArray(r.emailNormalized, emails.slice(i, i + CHUNK))));
      for (const row of rows) found.set(row.email, row);
    }

    const unmatched: TAttendanceImportResult['unmatched'] = [];
    let matchedLines = 0;
    const toMark = new Set<string>();
    const already = new Set<string>();
    for (const line of report.lines) {
      const registration = line.email ? found.get(line.email) : undefined;
      const code = !line.email
        ? 'no_email'
        : !line.attended
          ? 'not_attended'
          : !registration
            ? 'not_registered'
            : registration.status === 'cancelled'
              ? 'registration_cancelled'
              : null;
      if (code || !registration) {
        unmatched.push({ line: line.line, code: code ?? 'not_registered' });
        continue;
      }
      matchedLines++;
      (registration.attendedAt ? already : toMark).add(registration.id);
    }
    const ids = [...toMark];
    for (let i = 0; i < ids.length; i += CHUNK) {
      await tx
        .update(r)
        .set({ attendedAt: now, attendanceSource: 'import', updatedAt: now })
        .where(inArray(r.id, ids.slice(i, i + CHUNK)));
    }
    return {
      emailColumn: report.emailColumn,
      lines: report.lines.length,
      marked: toMark.size,
      alreadyMarked: already.size,
      matchedLines,
      unmatchedLines: unmatched.length,
      unmatched: unmatched.slice(0, MAX_LISTED),
      counts: await countRegistrants(tx, webinarId),
    };
  });
}
