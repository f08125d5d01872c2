import type { Db } from '@convene/shared/db';
import { sql } from 'drizzle-orm';
import type { Redis } from 'ioredis';

/** One searchable text and where it came from. */
export type Dump = { where: string; text: string };
/** A table row's text, with its table and the row itself for checks on its columns. */
export type RowDump = Dump & { table: string; row: Record<string, unknown> };
/** A Redis key's name or value, with the key. */
export type KeyDump = Dump & { key: string };

/** The tables of the public schema, by name. */
export async function publicTables(db: Db): Promise<string[]> {
  const tableRows = await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
  );
  return (tableRows as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
}

/** Every row of every table of the public schema, as `row_to_json` text. */
export async function dumpDatabase(db: Db): Promise<RowDump[]> {
  const tableNames = await publicTables(db);
  const dumps: RowDump[] = [];
  for (const table of tableNames) {
    const result = await db.execute(
      sql.raw(`select row_to_json(t)::text as row from "${table.replaceAll('"', '""')}" t`),
    );
    for (const [i, { row }] of (result as unknown as { rows: { row: string }[] }).rows.entries()) {
      dumps.push({
        where: `table ${table} row ${i}`,
        table,
        text: row,
        row: JSON.parse(row) as Record<string, unknown>,
      });
    }
  }
  return dumps;
}

/**
 * Every Redis key matching the pattern (BullMQ job payloads included): its name and its value.
 * `strict`: a key of a type this reader cannot read fails the dump (a test that owns all the
 * keys it searches wants to know); otherwise only its name is searched (another file's key).
 */
export async function dumpRedis(redis: Redis, pattern: string, options: { strict?: boolean } = {}): Promise<KeyDump[]> {
  const keys = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    for (const key of batch) keys.add(key);
  } while (cursor !== '0');

  const dumps: KeyDump[] = [];
  for (const key of [...keys].sort()) {
    dumps.push({ where: `Redis key name ${key}`, key, text: key });
    const type = await redis.type(key);
    let value: unknown;
    switch (type) {
      case 'string':
        value = await redis.get(key);
        break;
      case 'hash':
        value = await redis.hgetall(key);
        break;
      case 'list':
        value = await redis.lrange(key, 0, -1);
        break;
      case 'set':
        value = await redis.smembers(key);
        break;
      case 'zset':
        value = await redis.zrange(key, '0', '-1', 'WITHSCORES');
        break;
      case 'stream':
        value = await redis.xrange(key, '-', '+');
        break;
      case 'none':
        // Expired or deleted by another test file between SCAN and TYPE.
        continue;
      default:
        if (options.strict) throw new Error(`Redis key ${key} has type ${type}, which this reader cannot read`);
        // Another file's key of a type this reader does not know: its name was searched.
        continue;
    }
    // Plain strings kept as they are (no JSON escaping of non-ASCII text in the search).
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    dumps.push({ where: `Redis ${type} ${key}`, key, text: text ?? '' });
  }
  return dumps;
}

/** Where each needle occurs in the dumps: [] when nowhere. */
export function occurrences(needles: Record<string, string>, dumps: Dump[]): string[] {
  const found: string[] = [];
  for (const [label, text] of Object.entries(needles)) {
    for (const dump of dumps) if (dump.text.includes(text)) found.push(`${label} in ${dump.where}`);
  }
  return found;
}
