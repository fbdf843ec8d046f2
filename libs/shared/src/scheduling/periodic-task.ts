import type { Logger } from '@nestjs/common';

/**
 * Work a worker does on a timer (the outbox reconciler, the certificate sweeper): a round never
 * starts while the previous one runs, a failed round is logged and the next one tries again, and
 * stop() waits for the round in progress so a shutdown never cuts one in half.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly what: string,
    private readonly round: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  /** Runs a round every intervalMs, and one at once when `now` is set. */
  start(intervalMs: number, now = false): void {
    if (now) void this.run();
    this.timer = setInterval(() => void this.run(), intervalMs);
  }

  /** A round now, unless one is running: then that one is awaited. */
  run(): Promise<void> {
    this.running ??= this.round()
      .then(
        () => undefined,
        (e: unknown) => this.logger.error(`${this.what} failed: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
