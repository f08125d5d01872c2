import type { Db } from '@convene/shared/db';

/**
 * `build(db)` run once per database handle and kept while the handle lives: for drizzle
 * prepared statements, whose building costs more CPU than PostgreSQL spends running them.
 */
export function perDatabase<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) {
      value = build(db);
      built.set(db, value);
    }
    return value;
  };
}
