import { Readable } from 'node:stream';
import type { Database } from '@convene/shared/db';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import QueryStream from 'pg-query-stream';

const dialect = new PgDialect();

/** What the export needs of PGlite's client (the drizzle handle's $client). */
type PgliteClient = {
  query<T>(text: string, params: unknown[], options: { rowMode: 'array' }): Promise<{ rows: T[] }>;
};

export type RowStreamOptions<Row extends unknown[], Key> = {
  /** The whole statement, ordered: PostgreSQL reads it through one server-side cursor. */
  statement: SQL;
  /** The same statement after a keyset position, limited: PGlite reads it page by page. */
  page: (after: Key | null, limit: number) => SQL;
  /** A row's keyset position, for the next page. */
  keyOf: (row: Row) => Key;
  /** Rows fetched per cursor read (PostgreSQL). */
  batchSize?: number;
  /** Rows per keyset page (PGlite, whose queries run on this thread: large pages, not huge). */
  pageSize?: number;
};

/**
 * A statement's rows as arrays (rowMode 'array': no per-row objects), as an object-mode
 * stream with back-pressure: rows are fetched only as fast as the consumer reads them, and
 * destroying the stream (a client gone) stops the query.
 *
 * PostgreSQL: one statement through a server-side cursor (pg-query-stream), on a pool
 * client held for the stream's life, so the rows are one snapshot. PGlite has one
 * connection that a held cursor would block for everyone: keyset pages instead, each a
 * short query, other queries running between them.
 */
export function streamQueryRows<Row extends unknown[], Key>(
  database: Database,
  options: RowStreamOptions<Row, Key>,
): Readable {
  const client = (database.db as unknown as { $client: unknown }).$client;
  if (database.kind === 'postgres') return cursorRows(client as Pool, options.statement, options.batchSize ?? 2000);
  return keysetPages(client as PgliteClient, options);
}

function cursorRows(pool: Pool, statement: SQL, batchSize: number): Readable {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const rows = new QueryStream(text, params, { rowMode: 'array', batchSize, highWaterMark: batchSize });
  pool.connect().then(
    (client) => {
      if (rows.destroyed) return client.release();
      // Closed (ended, failed or destroyed): the cursor's portal is closed by then, and the
      // connection is ready for its next query.
      rows.once('close', () => client.release());
      client.query(rows);
    },
    (err: Error) => rows.destroy(err),
  );
  return rows;
}

function keysetPages<Row extends unknown[], Key>(client: PgliteClient, options: RowStreamOptions<Row, Key>): Readable {
  const limit = options.pageSize ?? 5000;
  let after: Key | null = null;
  let done = false;
  let fetching = false;
  return new Readable({
    objectMode: true,
    highWaterMark: limit,
    // Called when the consumer wants more: one page at a time, never while one is read.
    read() {
      if (fetching) return;
      if (done) return void this.push(null);
      fetching = true;
      const { sql: text, params } = dialect.sqlToQuery(options.page(after, limit));
      client.query<Row>(text, params, { rowMode: 'array' }).then(
        ({ rows }) => {
          fetching = false;
          if (this.destroyed) return;
          done = rows.length < limit;
          if (rows.length > 0) after = options.keyOf(rows[rows.length - 1]!);
          for (const row of rows) this.push(row);
          if (done) this.push(null);
        },
        (err: Error) => this.destroy(err),
      );
    },
  });
}
