// The quick start, tried before the MIP stage on colleges with rules, limits or multi-period
// sessions of up to QUICK_MAX_SESSIONS sessions (real institutions' files): the greedy constructor,
// a short run of the targeted hard repair (with its ejection chains), then the conflict search
// (ConflictSearch.ts: tightly packed colleges) until hard 0 or a short stall, then from its best
// the hard repair again until hard 0, the deadline, or a stall.
// On such colleges this often reaches hard 0 in well under a second, where the MIP stage alone
// takes its whole share of the time limit; the caller then skips the MIP. Otherwise the caller
// drops this state and goes on with the MIP as before. Runs in time slices, yielding to the event
// loop between them (progress, cancellation). Deterministic for a seed up to where the clock stops.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../SearchModel.ts';
import { Rng } from '../Rng.ts';
import { construct } from '../construct/construct.ts';
import { FlatState } from '../search/flat/FlatState.ts';
import { HardRepair } from '../search/repair/HardRepair.ts';
import { ConflictSearch } from '../search/repair/ConflictSearch.ts';
import type { SearchPhase } from '../search/repair/searchPhase.ts';

/** Largest college (sessions) the quick start is tried on. */
export const QUICK_MAX_SESSIONS = 4000;
/** The repair gives up after this long without a new best. */
const QUICK_STALL_MS = 1500;
/** The first repair gives way to the conflict search after this long, or this long without a new best. */
const FIRST_REPAIR_MS = 600;
const FIRST_REPAIR_STALL_MS = 300;
/** The conflict search gives way to the repair after this long without a new best. */
const CONFLICT_STALL_MS = 2000;
/**
 * ... and, near feasibility (ConflictSearch's NEAR_HARD), after this many steps without one: its
 * last sessions are placed after long walks (Eng_College: best 1 for about 5,000 steps, 4 for
 * 7,000, before 0), which a stall in time alone cuts off, sooner the more loaded the machine is.
 */
const CONFLICT_STALL_STEPS = 10_000;
const SLICE_MS = 100;
/** Past its deadline the conflict search stops after this long without a new best. */
const EXTEND_STALL_MS = 2000;

export interface QuickStartOptions {
  seed: number;
  /** performance.now() by which the quick start ends, at hard 0 or not. */
  deadline: number;
  cancelled: () => boolean;
  /**
   * performance.now() up to which the conflict search may go on past `deadline` while it keeps
   * finding new bests, one at least every EXTEND_STALL_MS (default: deadline).
   */
  extendTo?: number;
  /** The repair gives up after this long without a new best (default QUICK_STALL_MS). */
  stallMs?: number;
  /** Called as the constructor places sessions. */
  onConstruct?: (placed: number, pending: number) => void;
  /** Called after each repair slice with the best hard and soft cost so far. */
  onSlice?: (hard: number, soft: number) => void;
}

export interface QuickStartResult {
  /** The state at the best placement found (hard 0 when `st.hardTotal` is 0). */
  st: IncrementalState;
  constructMs: number;
  repairMs: number;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Is the quick start tried on this problem (not a flat one-period problem, not too big)? */
export function quickStartFits(p: CompiledProblem, st: IncrementalState): boolean {
  return p.nSessions > 0 && p.nSessions <= QUICK_MAX_SESSIONS && !FlatState.fits(st);
}

/**
 * Construct and repair from `start` (fixed and locked sessions placed). Returns null when the
 * problem does not fit the quick start (see quickStartFits).
 */
export async function quickStart(
  p: CompiledProblem,
  m: SearchModel,
  start: Placement,
  opts: QuickStartOptions,
): Promise<QuickStartResult | null> {
  const t0 = performance.now();
  const st = new IncrementalState(p, { slot: start.slot.slice(), room: start.room.slice() });
  if (!quickStartFits(p, st)) return null;
  const rng = new Rng(opts.seed);
  const stop = (end = opts.deadline): boolean => opts.cancelled() || performance.now() >= end;
  construct(st, m, rng, stop, opts.onConstruct);
  const t1 = performance.now();
  opts.onSlice?.(st.hardTotal, st.softTotal);
  // Past the deadline (up to `end`) a phase goes on only while its best hard cost keeps falling:
  // one that has not lowered it at all stops there, and so does one that has not for
  // EXTEND_STALL_MS, unless it ends its own stalls (`ownStall`).
  const runPhase = async (phase: SearchPhase, end = opts.deadline, ownStall = false): Promise<void> => {
    let lastHard = phase.bestHard;
    let lastDrop = -Infinity;
    while (!phase.finished && !stop(end)) {
      const now = performance.now();
      if (now >= opts.deadline && now - lastDrop >= EXTEND_STALL_MS && (!ownStall || lastDrop < 0)) break;
      phase.run(Math.min(end, now + SLICE_MS));
      if (phase.bestHard < lastHard) {
        lastHard = phase.bestHard;
        lastDrop = performance.now();
      }
      opts.onSlice?.(phase.bestHard, phase.bestSoft);
      await yieldToEventLoop();
    }
    phase.restoreBest();
  };
  const stallMs = opts.stallMs ?? QUICK_STALL_MS;
  // The repair first, briefly: on most colleges it reaches hard 0 at once.
  if (st.hardTotal > 0 && !stop())
    await runPhase(
      new HardRepair(st, m, rng, {
        deadline: Math.min(opts.deadline, performance.now() + FIRST_REPAIR_MS),
        stallMs: Math.min(stallMs, FIRST_REPAIR_STALL_MS),
        eagerChains: true,
      }),
    );
  // The conflict search may go on past the deadline, up to extendTo, while it finds new bests
  // (a packed school, where it places one session after another).
  const conflictEnd = Math.max(opts.deadline, opts.extendTo ?? opts.deadline);
  if (st.hardTotal > 0 && !stop())
    await runPhase(
      new ConflictSearch(st, m, rng, {
        deadline: conflictEnd,
        stallMs: CONFLICT_STALL_MS,
        stallSteps: CONFLICT_STALL_STEPS,
      }),
      conflictEnd,
      true,
    );
  if (st.hardTotal > 0 && !stop())
    await runPhase(new HardRepair(st, m, rng, { deadline: opts.deadline, stallMs, eagerChains: true }));
  return { st, constructMs: t1 - t0, repairMs: performance.now() - t1 };
}
