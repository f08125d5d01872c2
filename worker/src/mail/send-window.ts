/**
 * The mails one worker process may have handed to SMTP and not yet recorded: every sweep of
 * the process shares it. Its size is the worker's concurrency, so a crash can leave at most
 * that many mails whose fate is unknown (the only possible duplicates), however many sweeps
 * run. Mails go in groups (one hand-off and one "sent" statement per group); two groups in
 * flight keep the SMTP pool busy while a group is being recorded.
 */
export class SendWindow {
  /** Mails per group. */
  readonly groupSize: number;
  private readonly groups: number;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = 0;

  constructor(concurrency: number) {
    const size = Math.max(1, Math.floor(concurrency));
    this.groupSize = Math.max(1, Math.ceil(size / 2));
    this.groups = Math.max(1, Math.floor(size / this.groupSize));
  }

  /** Waits for a free group slot (and for the end of a pause the SMTP server asked for). */
  async acquire(): Promise<void> {
    while (this.inFlight >= this.groups) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    const pause = this.pausedUntil - Date.now();
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
  }

  release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }

  /** An SMTP 421 ("try again later"): no group starts sending for this long. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }
}
