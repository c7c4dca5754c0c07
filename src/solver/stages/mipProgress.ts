// Progress through the MIP stage as a share of its sessions: communities finished count in full,
// the one being solved by the share of its time limit used so far (a big community's MIP can run
// for many seconds without a word from HiGHS). Never goes backwards.
import type { MipProgress } from '../mip/mipSchedule.ts';

export class MipProgressTracker {
  private readonly freeSessions: number;
  private readonly emit: (fraction: number, message: string) => void;
  private readonly now: () => number;
  private doneSessions = 0;
  private current: { index: number; sessions: number; limitMs: number; startedAt: number } | null = null;
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

  /** A report from mipSchedule: a community started (`current`) or finished. */
  update(p: MipProgress): void {
    if (p.current) {
      this.current = { ...p.current, startedAt: this.now() };
    } else if (this.current) {
      this.doneSessions += this.current.sessions;
      this.current = null;
    }
    this.last = p;
    this.tick();
  }

  /** Reports where the stage stands now (called about twice a second while a MIP runs). */
  tick(): void {
    const p = this.last;
    if (!p) return;
    let inFlight = 0;
    let message = `MIP ${p.done}/${p.total} communities, ${p.placed}/${p.sessions} placed`;
    const c = this.current;
    if (c) {
      const used = this.now() - c.startedAt;
      inFlight = c.sessions * Math.min(0.95, used / Math.max(1, c.limitMs));
      message =
        `MIP community ${c.index + 1} of ${p.total} (${c.sessions} sessions): ` +
        `${(used / 1000).toFixed(0)} s of up to ${(c.limitMs / 1000).toFixed(0)} s; ${p.placed}/${p.sessions} placed`;
    }
    const byCommunities = p.total > 0 ? p.done / p.total : 1;
    const bySessions = (this.doneSessions + inFlight) / this.freeSessions;
    this.shown = Math.max(this.shown, Math.min(1, Math.max(bySessions, c ? 0 : byCommunities)));
    this.emit(this.shown, message);
  }
}
