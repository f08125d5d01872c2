/**
 * Shares one statement between the mails that need it at about the same time: items added
 * while a statement runs (or in the same turn of the event loop) go together in the next one.
 * Under load a statement carries as many mails as the window has in flight; alone, a mail
 * waits for no one. One statement at a time, so PGlite (one connection) is never queued on.
 */
export class StatementBatcher<In, Out> {
  private pending: { item: In; resolve: (out: Out) => void; reject: (err: unknown) => void }[] = [];
  private running = false;
  private scheduled = false;

  /** `run` gets the items of one statement and gives each its result, in order. */
  constructor(private readonly run: (items: In[]) => Promise<Out[]>) {}

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // After this turn: the mails taking their slots in the same loop join the first statement.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.running = true;
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.running = false;
      // What came in meanwhile goes at once: it already waited for a whole statement.
      if (this.pending.length > 0) void this.flush();
    }
  }
}
