import { ZCompilation, type TCompilation } from '@convene/shared';

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The compilation as JSON, for tools and archives. Keys come in the schema's order (zod
 * rebuilds each object in the order of its shape, and drops keys it does not know), maps
 * keyed by language, region or country sorted: the same compilation is the same file, however
 * the snapshot object happened to be built.
 */
export function renderJson(c: TCompilation): string {
  const parsed = ZCompilation.parse(c);
  const ordered: TCompilation = {
    ...parsed,
    themeName: sortedRecord(parsed.themeName),
    counts: {
      ...parsed.counts,
      byRegion: sortedRecord(parsed.counts.byRegion),
      byCountry: sortedRecord(parsed.counts.byCountry),
    },
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
