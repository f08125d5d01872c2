/**
 * A bounded least-recently-used map. A Map keeps insertion order, so re-inserting on every hit
 * keeps the oldest-used entry first, and that one goes when the map is full.
 */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new Error('an LRU needs room for at least one entry');
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, made by `make` (and kept) when there is none yet. */
  getOrCreate(key: K, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) {
      this.entries.delete(key);
      this.entries.set(key, hit as V);
      return hit as V;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
