// Progress through the MIP stage as a share of its sessions: communities finished count in full,
// each one being solved (two may run side by side, one per worker) by the share of its time limit
// used so far (a big community's MIP can run for many seconds without a word from HiGHS). Never
// goes backwards; only the last community's landing brings it to 1, so a small community that
// lands early does not lift the bar above where a big one still running can move it.
import type { MipProgress } from '../mip/mipSchedule.ts';

interface InFlight {
  index: number;
  sessions: number;
  limitMs: number;
  startedAt: number;
}

export class MipProgressTracker {
  private readonly freeSessions: number;
  private readonly emit: (fraction: number, message: string) => void;
  private readonly now: () => number;
  private doneSessions = 0;
  /** Communities being solved, in the order they started. */
  private inFlight: InFlight[] = [];
  private last: MipProgress | null = null;
  private shown = 0;

  /** `freeSessions`: the sessions the MIPs decide (all but the pinned and locked ones). */
  constructor(
    freeSessions: number,
    emit: (fraction: number, message: string) => void,
    now = () => performance.now(),
  ) {
    this.freeSessions = Math.max(1, freeSessions);
    this.emit = emit;
    this.now = now;
  }

  /** A report from mipSchedule: a community started (`current`) or landed (`finished`). */
  update(p: MipProgress): void {
    if (p.current) {
      this.inFlight.push({ ...p.current, startedAt: this.now() });
    } else {
      // A landing that does not say which community it was is taken for the oldest in flight; one
      // that never started (no time left for HiGHS: its greedy start landed) is not in flight.
      const k = p.finished === undefined ? 0 : this.inFlight.findIndex((c) => c.index === p.finished);
      if (k >= 0 && k < this.inFlight.length) {
        this.doneSessions += this.inFlight[k].sessions;
        this.inFlight.splice(k, 1);
      }
    }
    this.last = p;
    this.tick();
  }

  /** Reports where the stage stands now (called about twice a second while a MIP runs). */
  tick(): void {
    const p = this.last;
    if (!p) return;
    const now = this.now();
    let inFlight = 0;
    for (const c of this.inFlight)
      inFlight += c.sessions * Math.min(0.95, (now - c.startedAt) / Math.max(1, c.limitMs));
    let message = `MIP ${p.done}/${p.total} communities, ${p.placed}/${p.sessions} placed`;
    // The message names the community that has been running longest.
    const c = this.inFlight[0];
    if (c) {
      const used = now - c.startedAt;
      message =
        `MIP community ${c.index + 1} of ${p.total} (${c.sessions} sessions): ` +
        `${(used / 1000).toFixed(0)} s of up to ${(c.limitMs / 1000).toFixed(0)} s; ${p.placed}/${p.sessions} placed`;
    }
    const all = p.done >= p.total && this.inFlight.length === 0;
    const bySessions = (this.doneSessions + inFlight) / this.freeSessions;
    this.shown = Math.max(this.shown, all ? 1 : Math.min(1, bySessions));
    this.emit(this.shown, message);
  }
}
