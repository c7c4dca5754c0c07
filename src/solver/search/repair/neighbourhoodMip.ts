// Re-solves of a small neighbourhood, for what single and paired moves cannot repair (a
// min_simultaneous slot that needs sessions of two courses moved together, a lab batch whose few
// starts are held by others): the sessions in hard violation, the courses tied to theirs by hard
// rules, the courses in the way of their starts and their faculty and student-set neighbours
// (neighbourhood.ts) are taken
// out, and one HiGHS MIP (src/solver/mip, in the runner's worker, with its deadline enforced from
// outside) places them again around everything else, per faculty member, student set, room class
// and slot, with every hard rule modelled (the slot-list ones too) but not the gap, rest, span,
// continuous and daily-minimum limits (NEIGHBOURHOOD_BUILD), its greedy start following the current
// timetable (heldStarts.ts); then the hard repair finishes from there (rooms the matching left
// out, the limits left out of the MIP). A try is kept when it lowers
// the hard cost (or keeps it and lowers the soft cost); otherwise the state goes back. Tries repeat
// with other neighbours (seeded) until hard 0, the deadline, or `maxFailures` tries in a row
// without a new best. Wall-clock only: what a MIP finds within its time limit depends on the
// machine's load, so this is for solve() under a time limit, never for a step-budgeted run.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Placement } from '../../../shared/eval/types.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { mipSchedule, type MipRunner } from '../../mip/index.ts';
import { restorePlacement } from '../restorePlacement.ts';
import { HardRepair } from './HardRepair.ts';
import { hardRulePartners, neighbourhood } from './neighbourhood.ts';
import { ViolatingSessions } from './violatingSessions.ts';

export interface NeighbourhoodMipOptions {
  runner: MipRunner;
  seed: number;
  /** performance.now() by which the tries end. */
  deadline: number;
  /** Most sessions freed in one try (default MAX_SESSIONS). */
  maxSessions?: number;
  /** Time limit of one MIP (default MIP_MS) and of the repair after it (default REPAIR_MS). */
  mipMs?: number;
  repairMs?: number;
  /** Stop after this many tries in a row without a new best (default MAX_FAILURES). */
  maxFailures?: number;
  cancelled?: () => boolean;
  /** After each try: the best hard and soft cost so far, and the best placement when it changed. */
  onTry?: (hard: number, soft: number, improved: boolean) => void;
}

export interface NeighbourhoodMipReport {
  tries: number;
  /** Tries whose result was kept. */
  kept: number;
  /** Time in the MIPs (worker round trips) and in the repairs after them (ms). */
  mipMs: number;
  repairMs: number;
}

export const MAX_SESSIONS = 120;
const MIP_MS = 3000;
const REPAIR_MS = 1500;
const REPAIR_STALL_MS = 600;
const MAX_FAILURES = 12;
/**
 * The MIP's rows: the slot-list rules on; the gap, daily-minimum, continuous, rest and span limits
 * off (the repair after it keeps them). With them, on a sih scale-1 timetable at hard 12, the MIP
 * over 118 sessions left 30 unplaced after 7 s of HiGHS, not finished; without them 9, optimal.
 */
const NEIGHBOURHOOD_BUILD = {
  slotRuleRows: true,
  gapRows: false,
  minPerDay: false,
  continuousRows: false,
  minRestRows: false,
  maxSpanRows: false,
};
const SLICE_MS = 100;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Try neighbourhood re-solves on `st` (left at the best placement found). */
export async function neighbourhoodMip(
  st: IncrementalState,
  m: SearchModel,
  rng: Rng,
  o: NeighbourhoodMipOptions,
): Promise<NeighbourhoodMipReport> {
  const p = st.problem;
  const report: NeighbourhoodMipReport = { tries: 0, kept: 0, mipMs: 0, repairMs: 0 };
  const partners = hardRulePartners(p);
  const violating = new ViolatingSessions(st, m);
  const queue = new Int32Array(p.nSessions);
  const bestSlot = st.slot.slice();
  const bestRoom = st.room.slice();
  let bestHard = st.hardTotal;
  let bestSoft = st.softTotal;
  let failures = 0;
  const mipMs = o.mipMs ?? MIP_MS;
  const repairMs = o.repairMs ?? REPAIR_MS;
  const stop = (): boolean => o.cancelled?.() === true || performance.now() >= o.deadline;
  while (bestHard > 0 && failures < (o.maxFailures ?? MAX_FAILURES) && !stop()) {
    // The MIP must leave time for the repair after it.
    const limit = Math.min(mipMs, (o.deadline - performance.now() - repairMs) / 1.5);
    if (limit < 200) break;
    report.tries++;
    const n = violating.collect(queue, false);
    const nb = neighbourhood(p, partners, queue.subarray(0, n), o.maxSessions ?? MAX_SESSIONS, rng, {
      m,
      slot: st.slot,
      room: st.room,
    });
    const freed = freePlacement(st, m, nb.courses);
    const t0 = performance.now();
    let placed: Placement | null;
    try {
      const out = await mipSchedule(p, freed, [nb.courses], {
        timeLimitMs: limit,
        seed: o.seed + report.tries,
        runner: o.runner,
        workers: 1,
        build: NEIGHBOURHOOD_BUILD,
        startFrom: { slot: st.slot, room: st.room },
      });
      placed = out.placement;
    } catch {
      placed = null;
    }
    report.mipMs += performance.now() - t0;
    if (placed && !stop()) {
      for (let s = 0; s < p.nSessions; s++) if (placed.room[s] < 0) placed.slot[s] = -1;
      restorePlacement(st, placed.slot, placed.room);
      const t1 = performance.now();
      if (st.hardTotal > 0) {
        const repair = new HardRepair(st, m, rng, {
          deadline: Math.min(o.deadline, t1 + repairMs),
          stallMs: REPAIR_STALL_MS,
        });
        while (!repair.finished && !stop()) {
          repair.run(Math.min(o.deadline, performance.now() + SLICE_MS));
          await yieldToEventLoop();
        }
        repair.restoreBest();
      }
      report.repairMs += performance.now() - t1;
    }
    const improved =
      st.hardTotal < bestHard || (st.hardTotal === bestHard && st.softTotal < bestSoft && placed !== null);
    if (improved) {
      failures = st.hardTotal < bestHard ? 0 : failures + 1;
      report.kept++;
      bestHard = st.hardTotal;
      bestSoft = st.softTotal;
      bestSlot.set(st.slot);
      bestRoom.set(st.room);
    } else {
      failures++;
      restorePlacement(st, bestSlot, bestRoom);
    }
    o.onTry?.(bestHard, bestSoft, improved);
  }
  restorePlacement(st, bestSlot, bestRoom);
  return report;
}

/** The placement of `st` with the movable sessions of `courses` taken out (unplaced). */
export function freePlacement(st: IncrementalState, m: SearchModel, courses: ArrayLike<number>): Placement {
  const p = st.problem;
  const out = { slot: st.slot.slice(), room: st.room.slice() };
  for (let i = 0; i < courses.length; i++) {
    const c = courses[i];
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (m.slotLocked[s] === 0 && m.roomLocked[s] === 0) {
        out.slot[s] = -1;
        out.room[s] = -1;
      }
  }
  return out;
}
