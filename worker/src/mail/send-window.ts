/**
 * The mails one worker process may have handed to SMTP and not yet recorded: every sweep of
 * the process shares it. Its size is the worker's concurrency, so a crash can leave at most
 * that many mails whose fate is unknown (the only possible duplicates), however many sweeps
 * run. Each mail holds its own slot from just before its hand-off until its "sent" is written
 * and gives it back at once, so the SMTP pool always has the whole window queued (groups of
 * mails waited for their slowest member and their statement, and left connections idle);
 * the statements are shared all the same (StatementBatcher).
 */
export class SendWindow {
  readonly size: number;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;

  constructor(concurrency: number) {
    this.size = Math.max(1, Math.floor(concurrency));
  }

  /** Waits for a free slot (and for the end of a pause the SMTP server asked for). */
  async acquire(): Promise<void> {
    while (this.inFlight >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    const pause = this.pausedUntil - Date.now();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }

  release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }

  /** An SMTP 421 ("try again later"): no mail starts sending for this long. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}
