// Heartbeat watchdog: a running solve must report at least every `stallTimeoutMs`; after that much
// silence `onStall` fires once with the silence observed. One timer, re-armed lazily: `touch` only
// records the time, so frequent progress costs nothing.
import type { Clock, TimerHandle } from './clock.ts';

export const DEFAULT_STALL_TIMEOUT_MS = 10_000;

export interface WatchdogOptions {
  stallTimeoutMs: number;
  clock: Clock;
  onStall: (silentMs: number) => void;
}

export class Watchdog {
  private readonly opts: WatchdogOptions;
  private last: number;
  private timer: TimerHandle | null = null;
  private done = false;

  constructor(opts: WatchdogOptions) {
    if (!(opts.stallTimeoutMs > 0))
      throw new Error(`The stall timeout must be positive (got ${opts.stallTimeoutMs}).`);
    this.opts = opts;
    this.last = opts.clock.now();
    this.arm(opts.stallTimeoutMs);
  }

  /** A sign of life from the solver. */
  touch(): void {
    this.last = this.opts.clock.now();
  }

  stop(): void {
    this.done = true;
    this.timer?.cancel();
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = this.opts.clock.setTimeout(() => this.check(), ms);
  }

  private check(): void {
    if (this.done) return;
    const silent = this.opts.clock.now() - this.last;
    if (silent >= this.opts.stallTimeoutMs) {
      this.stop();
      this.opts.onStall(silent);
    } else {
      this.arm(this.opts.stallTimeoutMs - silent);
    }
  }
}
