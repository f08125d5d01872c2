import { tables, type Db } from '@convene/shared/db';
import { eq } from 'drizzle-orm';
import type { WebinarRow } from '../notifications/types.js';

/** How long a cached webinar is trusted before it is read again, even without a mismatch. */
const DEFAULT_TTL_MS = 30_000;

type Entry = { webinar: WebinarRow; expiresAt: number };

/**
 * The webinars registrations go to, kept in this process so that a registration does not
 * read its webinar first. Nothing here is trusted for a decision that matters: the insert
 * (insert-registration.ts) re-checks, in the same statement and under the webinar's row lock,
 * every field the cached row was used for (id, slug, status, version, reminder offsets,
 * whether a capacity is set, the end time) and reads the capacity itself from the row. A
 * change in any API process — edit, reschedule, cancel, capacity — therefore shows up as a
 * mismatch on the next registration here, which drops the entry and reads the row again.
 * That is why no pub/sub is needed across processes; the TTL only bounds how long a row
 * nobody registers for stays in memory.
 *
 * Only open (scheduled) webinars are kept, so the number of entries is bounded by the data,
 * never by the slugs a client makes up; a draft just published is never served from here.
 */
export class OpenWebinarCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  /** The webinar behind a slug: from memory when fresh, else from the database (and kept if open). */
  async get(slug: string, now = Date.now()): Promise<WebinarRow | undefined> {
    const entry = this.entries.get(slug);
    if (entry && entry.expiresAt > now) return entry.webinar;
    return this.reload(slug, now);
  }

  /** Reads the row again, e.g. after the database said the cached one is stale. */
  async reload(slug: string, now = Date.now()): Promise<WebinarRow | undefined> {
    this.entries.delete(slug);
    const [webinar] = await this.db.select().from(tables.webinars).where(eq(tables.webinars.slug, slug));
    if (webinar?.status === 'scheduled') {
      this.prune(now);
      this.entries.set(slug, { webinar, expiresAt: now + this.ttlMs });
    }
    return webinar;
  }

  private prune(now: number): void {
    for (const [slug, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(slug);
  }
}
