import { sql, type SQL } from 'drizzle-orm';

/**
 * The one statement the CSV export reads, its columns in the order of ExportRow. The text
 * choices (redacted or not, attribution or not) are made here, so an original text the export
 * must not show never leaves the database, and each row arrives as a flat array: no per-row
 * drizzle object, no second query for themes or merged codes.
 */
const COLUMNS = sql.raw(
  [
    '"reports"."id"',
    '"reports"."number"',
    '"reports"."created_at"',
    '"reports"."status"',
    '"reports"."language"',
    '"reports"."region"',
    '"reports"."countries"',
    '"reports"."corridor_origin"',
    '"reports"."corridor_destination"',
    // collate "C": the byte order JavaScript's sort() gave the slugs before.
    `(select string_agg(t.theme_slug, ' ' order by t.theme_slug collate "C") from report_themes t where t.report_id = "reports"."id")`,
    `case when "reports"."redacted_at" is null then "reports"."barriers" else coalesce("reports"."redacted_barriers", '') end`,
    `case when "reports"."redacted_at" is null then "reports"."recommendations" else coalesce("reports"."redacted_recommendations", '') end`,
    '"reports"."affected_groups"',
    `case when "reports"."redacted_at" is null then "reports"."source" else coalesce("reports"."redacted_source", '') end`,
    '"reports"."consent"',
    `case when "reports"."consent" = 'attributed' and not "reports"."anonymous" then coalesce("reports"."organization", '') else '' end`,
    '"reports"."redacted_at" is not null',
    // The number of the report kept, for a merged one (listed with merged=include|only).
    '(select k.number from reports k where k.id = "reports"."merged_into")',
    // The keyset position as text: exact to the microsecond, where a JavaScript Date is not.
    '"reports"."created_at"::text',
    '"reports"."withdrawn_at"',
  ].join(', '),
);

/** One exported row as the driver returns it (rowMode 'array'). */
export type ExportRow = [
  id: string,
  number: number,
  createdAt: Date,
  status: string,
  language: string,
  region: string,
  countries: string[],
  corridorOrigin: string | null,
  corridorDestination: string | null,
  themes: string | null,
  barriers: string,
  recommendations: string,
  affectedGroups: string[],
  source: string,
  consent: string,
  attribution: string,
  redacted: boolean,
  keptNumber: number | null,
  key: string,
  withdrawnAt: Date | null,
];

/** Where a row's keyset position is: created_at as text and id, the export's order. */
export const keysetOf = (row: ExportRow) => ({ createdAt: row[18], id: row[0] });
export type ExportKeyset = ReturnType<typeof keysetOf>;

/**
 * The export's statement for a filter's conditions, in (created_at, id) order; with `after`
 * and `limit`, one keyset page of it (PGlite, which has no cursor across queries).
 */
export function reportExportQuery(where: SQL | undefined, page?: { after: ExportKeyset | null; limit: number }): SQL {
  const conditions = [where];
  // A row comparison, so the (created_at, id) index gives the next page directly.
  if (page?.after) {
    conditions.push(
      sql`("reports"."created_at", "reports"."id") > (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`,
    );
  }
  const kept = conditions.filter((c): c is SQL => c !== undefined);
  const whereSql =
    kept.length > 0
      ? sql` where ${sql.join(
          kept.map((c) => sql`(${c})`),
          sql` and `,
        )}`
      : sql``;
  const limitSql = page ? sql` limit ${page.limit}` : sql``;
  return sql`select ${COLUMNS} from "reports"${whereSql} order by "reports"."created_at", "reports"."id"${limitSql}`;
}
