// solve(college, options): the whole pipeline in-process. Compile; pre-check; a starting timetable
// from the MIP stage (Louvain communities + HiGHS) when enabled, else / then the greedy constructor
// for whatever is left; on big instances a targeted hard repair, neighbourhood MIPs in the MIP
// stage's worker when little is left, and polish rounds (search/repair);
// simulated annealing until the time limit or the target; the best timetable with its evaluation
// and every unplaced session explained. Progress is reported at least once a second; the search
// runs in slices so that cancellation (AbortSignal) is seen within ~0.1 s and returns the best so
// far with status 'cancelled'. Deterministic for a seed up to where the clock stops the search.
import type { College } from '../shared/model/types.ts';
import type {
  SolveOptions,
  SolveProgress,
  SolveResult,
  SolverStage,
  StageTime,
} from '../shared/solver/protocol.ts';
import type { PrecheckFinding } from '../shared/solver/protocol.ts';
import { compile } from '../shared/compiled/compile.ts';
import { placementToTimetable } from '../shared/compiled/placement.ts';
import type { Placement } from '../shared/eval/types.ts';
import { IncrementalState } from '../shared/eval/incremental/IncrementalState.ts';
import { Rng } from './Rng.ts';
import { startPoint } from './startPoint.ts';
import { construct } from './construct/construct.ts';
import { Annealer } from './search/Annealer.ts';
import { FlatAnnealer } from './search/flat/FlatAnnealer.ts';
import { FlatState, writeFlat } from './search/flat/FlatState.ts';
import { buildResult } from './solveResult.ts';
import { precheck } from './precheck/index.ts';
import { mipStart } from './stages/mipStart.ts';
import { quickStart } from './stages/quickStart.ts';
import { mipAfterQuickStart } from './stages/mipDecision.ts';
import { restorePlacement } from './search/restorePlacement.ts';
import { MipRunner } from './mip/index.ts';
import { HardRepair } from './search/repair/HardRepair.ts';
import { FeasiblePolish } from './search/repair/FeasiblePolish.ts';
import type { SearchPhase } from './search/repair/searchPhase.ts';
import { neighbourhoodMip } from './search/repair/neighbourhoodMip.ts';

const SLICE_MS = 100;
/** Most of the time kept back for the end of a solve (restore the best, build the result). */
const FINISH_RESERVE_MAX_MS = 1000;

/**
 * Share of the time limit the MIP stage may use: more on the biggest instances (its two workers solve
 * side by side, so a quarter of the limit is half of it in solver time; above HUGE_SESSIONS a quarter
 * leaves the last communities no time at all and the search too much to repair).
 */
const MIP_SHARE = 0.25;
const MIP_SHARE_HUGE = 0.5;
const HUGE_SESSIONS = 10_000;
const LARGE_SESSIONS = 2000;
/** Share of the time left after the MIP that the constructor may use; the search places the rest. */
const CONSTRUCT_SHARE = 0.5;
/** Big instances: share of the search time the hard repair may use. */
const REPAIR_SHARE = 0.6;
/** Big instances: share of the search time for repair + polish rounds, and one round's length. */
const POLISH_SHARE = 0.8;
/** Big instances: the repair gives way to the polish rounds after this long without a new best. */
const REPAIR_STALL_MS = 5000;
const POLISH_ROUND_MS = 5000;
/** Big instances: most hard cost left after the repair for the neighbourhood MIP tries. */
const NEIGHBOURHOOD_MAX_HARD = 20;
/** Small instances still infeasible after the first repair: length of one repair round. */
const SMALL_POLISH_ROUND_MS = 1000;
/** Share of the time limit the quick start (before the MIP) may use. */
const QUICK_SHARE = 0.2;
/**
 * Share of the time limit the quick start's conflict search may go on to while it keeps finding
 * new bests (a packed school, where it places what the MIP stage does not).
 */
const QUICK_EXTEND_SHARE = 0.9;

const sleep = (ms: number): Promise<false> =>
  new Promise((resolve) => setTimeout(() => resolve(false), ms).unref());
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function solve(
  college: College,
  options: SolveOptions,
  onProgress?: (p: SolveProgress) => void,
  signal?: AbortSignal,
): Promise<SolveResult> {
  // The MIP worker (a thread) is owned here, so that it is closed however the pipeline ends,
  // a throw included; the pipeline closes it earlier when it is done with it (close is idempotent).
  const skip = new Set<SolverStage>(options.skipStages ?? []);
  const mipWanted = !skip.has('mip') && !skip.has('decompose') && options.timeLimitMs >= 5000;
  const runner = mipWanted && signal?.aborted !== true ? new MipRunner() : null;
  try {
    return await pipeline(college, options, runner, onProgress, signal);
  } finally {
    await runner?.close();
  }
}

async function pipeline(
  college: College,
  options: SolveOptions,
  runner: MipRunner | null,
  onProgress?: (p: SolveProgress) => void,
  signal?: AbortSignal,
): Promise<SolveResult> {
  const t0 = performance.now();
  // The search stops a little early so that restoring the best and building the result (which
  // grow with the instance) still end by the time limit.
  const limitEnd = t0 + Math.max(0, options.timeLimitMs);
  const finishReserve = Math.min(FINISH_RESERVE_MAX_MS, college.courses.length * 0.5);
  const deadline = Math.max(t0, limitEnd - finishReserve);
  const skip = new Set<SolverStage>(options.skipStages ?? []);
  const stages: StageTime[] = [];
  let stageStart = t0;
  let lastReport = -Infinity;
  let best: { hard: number | null; soft: number | null } = { hard: null, soft: null };
  // The best timetable so far rides on progress (at most once a second, when it changed), so the
  // job supervisor can checkpoint it and a retry resumes from it.
  let bestPlacement: Placement | null = null;
  let bestDirty = false;
  let lastBestAt = -Infinity;
  const report = (stage: SolverStage, percent: number, message: string, force = false): void => {
    const now = performance.now();
    if (!onProgress || (!force && now - lastReport < 250)) return;
    lastReport = now;
    const attach = bestPlacement !== null && bestDirty && (force || now - lastBestAt >= 1000);
    if (attach) {
      bestDirty = false;
      lastBestAt = now;
    }
    onProgress({
      best: attach && bestPlacement ? placementToTimetable(problem, bestPlacement, start.locked) : undefined,
      stage,
      percent: Math.max(0, Math.min(100, percent)),
      bestHard: best.hard,
      bestSoft: best.soft,
      message,
      elapsedMs: Math.round(now - t0),
    });
  };
  const endStage = (stage: SolverStage, note?: string): void => {
    const now = performance.now();
    stages.push(
      note === undefined
        ? { stage, ms: Math.round(now - stageStart) }
        : { stage, ms: Math.round(now - stageStart), note },
    );
    stageStart = now;
  };
  const cancelled = (): boolean => signal?.aborted === true;

  // The MIP worker boots and warms up (HiGHS compiled, a tiny MIP run) while compile and pre-check run.
  const warming = runner?.warmUp().then(
    () => true,
    () => false,
  );
  const problem = compile(college, options.weights ?? {});
  await yieldToEventLoop();
  // Pre-check.
  let findings: PrecheckFinding[] = [];
  if (!skip.has('precheck')) {
    report('precheck', 0, 'checking the data for impossible demands', true);
    try {
      findings = precheck(problem, college);
    } catch (err) {
      findings = [];
      report('precheck', 1, `pre-check failed and was skipped: ${errorText(err)}`, true);
    }
    endStage('precheck');
  }
  const start = startPoint(problem, options.initial);
  const m = start.model;
  let placement = start.placement;

  // Quick start (colleges with rules or limits, see quickStart.ts): construct + conflict search +
  // hard repair before the MIP, as stage 'quick'; when that reaches hard 0 or comes close to it
  // (mipDecision.ts) the MIP is skipped and its timetable goes on as it is, else the MIP runs and
  // its state is kept for later (see quickLeft). The decision is the quick stage's note.
  let quick: IncrementalState | null = null;
  // A quick start that ended short of hard 0: kept, and used instead of the MIP's start when that
  // is further from feasible.
  let quickLeft: IncrementalState | null = null;
  if (runner && !cancelled()) {
    report('quick', 1, 'quick start: building a first timetable', true);
    const q = await quickStart(problem, m, placement, {
      seed: options.seed,
      deadline: Math.min(deadline, t0 + QUICK_SHARE * options.timeLimitMs),
      extendTo: Math.min(deadline, t0 + QUICK_EXTEND_SHARE * options.timeLimitMs),
      cancelled,
      onConstruct: (placed, pending) => report('quick', 1, `quick start: placed ${placed}, ${pending} to go`),
      onSlice: (hard, soft) => {
        best = { hard, soft };
        report('quick', 2, `quick start: hard ${hard}, soft ${soft}`);
      },
    });
    if (q) {
      // One stage of its own (its construct and repair together), before the pipeline's stages.
      const decision = mipAfterQuickStart(q.st.hardTotal, problem.nSessions);
      stages.push({ stage: 'quick', ms: Math.round(q.constructMs + q.repairMs), note: decision.note });
      stageStart = performance.now();
      report('quick', 2, `quick start: ${decision.note}`, true);
      if (!decision.runMip) quick = q.st;
      else {
        quickLeft = q.st;
        best = { hard: null, soft: null };
      }
    }
  }

  // Stages 0-1: communities and MIPs, with the constructor as fallback.
  let mipRan = false;
  if (runner && !quick && !cancelled()) {
    // The heartbeat repeats the stage's latest progress (it moves within a community: mipProgress.ts).
    let mipShown = { percent: 2, message: 'starting the MIP solver' };
    report('mip', mipShown.percent, mipShown.message, true);
    const heartbeat = setInterval(() => report('mip', mipShown.percent, mipShown.message, true), 900);
    try {
      // A worker that cannot warm up within a fifth of the limit is given up on.
      const warm = await Promise.race([warming, sleep(Math.max(0, 0.2 * (deadline - performance.now())))]);
      if (warm !== true) throw new Error('the MIP worker did not start in time');
      const share = problem.nSessions > HUGE_SESSIONS ? MIP_SHARE_HUGE : MIP_SHARE;
      const out = await mipStart(problem, placement, m.slotLocked, {
        seed: options.seed,
        // Its share, but never more than most of what is left (the warm-up may have run long).
        timeLimitMs: Math.min(options.timeLimitMs * share, 0.8 * (deadline - performance.now())),
        runner,
        signal,
        onProgress: (f, msg) => {
          mipShown = { percent: 2 + 23 * f, message: msg };
          report('mip', mipShown.percent, msg, f >= 1);
        },
      });
      placement = out.placement;
      mipRan = true;
      stages.push({ stage: 'decompose', ms: Math.round(out.decomposeMs) });
      stageStart += out.decomposeMs;
    } catch (err) {
      report('mip', 25, `MIP stage failed, using the constructor: ${errorText(err)}`, true);
    } finally {
      clearInterval(heartbeat);
    }
    endStage('mip');
  }
  // Big instances keep the MIP worker (when the MIP stage ran on it) for the neighbourhood
  // re-solves after the repair (below).
  const large = problem.nSessions > LARGE_SESSIONS;
  const keptRunner = large && mipRan ? runner : null;
  if (runner && !keptRunner) await runner.close();

  const st = quick ?? new IncrementalState(problem, placement);
  const rng = new Rng(options.seed);
  // Greedy constructor for everything not placed yet.
  report('construct', 25, 'building a first timetable', true);
  // The constructor stops at its share of the time left; unplaced sessions go to the search.
  const constructEnd = performance.now() + CONSTRUCT_SHARE * Math.max(0, deadline - performance.now());
  const constructStop = (): boolean => cancelled() || performance.now() >= constructEnd;
  // A quick start's timetable goes on as it is (its conflict search left out what it could not place).
  if (!cancelled() && quick === null)
    construct(st, m, rng, constructStop, (placed, pending) =>
      report(
        'construct',
        25 + (5 * placed) / Math.max(1, placed + pending),
        `placed ${placed}, ${pending} to go`,
      ),
    );
  let constructNote: string | undefined;
  if (quickLeft && !cancelled()) {
    const mipHard = st.hardTotal;
    const keep = quickLeft.hardTotal < mipHard;
    if (keep) restorePlacement(st, quickLeft.slot, quickLeft.room);
    constructNote = keep
      ? `the quick start's timetable kept: hard ${quickLeft.hardTotal}, the MIP's start ${mipHard}`
      : `the MIP's start kept: hard ${mipHard}, the quick start's ${quickLeft.hardTotal}`;
    report('construct', 30, constructNote, true);
  }
  best = { hard: st.hardTotal, soft: st.softTotal };
  bestPlacement = st.snapshot();
  bestDirty = true;
  endStage('construct', constructNote);
  report('construct', 30, `first timetable: hard ${st.hardTotal}, soft ${st.softTotal}`, true);

  // Local search: repair (hard only) if needed, then annealing on hard + soft.
  const searchStart = performance.now();
  const percentAt = (now: number): number =>
    30 + (70 * (now - searchStart)) / Math.max(1, deadline - searchStart);
  const runPhase = async (a: SearchPhase, label: string): Promise<void> => {
    // The deadline is enforced here too, whatever the phase does with a slice that ends at once.
    while (!a.finished && !cancelled() && performance.now() < deadline) {
      a.run(Math.min(deadline, performance.now() + SLICE_MS));
      if (a.bestHard !== best.hard || a.bestSoft !== best.soft) {
        bestPlacement = { slot: a.bestSlot, room: a.bestRoom };
        bestDirty = true;
      }
      best = { hard: a.bestHard, soft: a.bestSoft };
      report('search', percentAt(performance.now()), `${label}: best hard ${a.bestHard}, soft ${a.bestSoft}`);
      await yieldToEventLoop();
    }
    a.restoreBest();
  };
  const onFeasible = (): void => {
    best = { hard: 0, soft: best.soft };
    report('search', percentAt(performance.now()), 'first feasible timetable', true);
  };
  // One-period problems without rules, limits or gap costs (ITC-2007 and the like) run on the
  // compact flat state, an order of magnitude faster; everything else on the incremental state.
  const flat = cancelled() ? null : FlatState.from(st, m);
  if (flat) {
    if (flat.hard > 0 && !cancelled()) {
      const repairEnd =
        searchStart + Math.max(0.3 * (deadline - searchStart), Math.min(deadline - searchStart, 2000));
      await runPhase(
        new FlatAnnealer(flat, rng, { start: searchStart, deadline: repairEnd, hardOnly: true, onFeasible }),
        'repairing',
      );
    }
    if (!cancelled() && performance.now() < deadline) {
      const feasibleBefore = flat.hard === 0;
      await runPhase(
        new FlatAnnealer(flat, rng, {
          start: performance.now(),
          deadline,
          targetSoft: options.targetSoft,
          onFeasible: feasibleBefore ? undefined : onFeasible,
        }),
        'improving',
      );
    }
    writeFlat(flat, st);
  } else {
    if (st.hardTotal > 0 && !cancelled()) {
      // Big instances: targeted repair of the sessions in violation (the annealer's random picks
      // rarely meet the few hundred violated rows among thousands of sessions). Small ones keep
      // the hard-only annealer, which lowers the soft cost as it repairs.
      const repairEnd = large
        ? searchStart + REPAIR_SHARE * (deadline - searchStart)
        : searchStart + Math.max(0.3 * (deadline - searchStart), Math.min(deadline - searchStart, 2000));
      await runPhase(
        large
          ? new HardRepair(st, m, rng, { deadline: repairEnd, stallMs: REPAIR_STALL_MS, onFeasible })
          : new Annealer(st, m, rng, { start: searchStart, deadline: repairEnd, hardOnly: true, onFeasible }),
        'repairing',
      );
    }
    // Big instances still infeasible with little left: re-solves of the neighbourhood of what is
    // left in violation, in the MIP worker (neighbourhoodMip.ts), until they stop finding new bests.
    // With more left the repair and polish rounds lower it faster (sih scale 1 from hard 63, 10 CPU
    // seconds each: polish 31, tries 55; from hard 12: polish 11, tries 9). In bench:rules at scale 1
    // (load 3-4.5) the tries took seed 2 from 11 to 4 (end: 2, without them 6) and found nothing
    // from 4 on seed 1 in 12 s (end: 4, without them 2).
    const nbrWanted = st.hardTotal > 0 && st.hardTotal <= NEIGHBOURHOOD_MAX_HARD;
    if (keptRunner && nbrWanted && !cancelled() && performance.now() < deadline) {
      const hardBefore = st.hardTotal;
      const out = await neighbourhoodMip(st, m, rng, {
        runner: keptRunner,
        seed: options.seed,
        deadline,
        cancelled,
        onTry: (hard, soft) => {
          if (hard === 0 && best.hard !== 0) onFeasible();
          best = { hard, soft };
          report(
            'search',
            percentAt(performance.now()),
            `neighbourhood MIP: best hard ${hard}, soft ${soft}`,
          );
        },
      });
      if (st.hardTotal < hardBefore) {
        bestPlacement = st.snapshot();
        bestDirty = true;
      }
      report(
        'search',
        percentAt(performance.now()),
        `neighbourhood MIP: ${out.tries} tries, ${out.kept} kept, hard ${hardBefore} -> ${st.hardTotal}`,
        true,
      );
    }
    // Big instances: annealing rounds each followed by the hard repair, keeping the best feasible
    // (see FeasiblePolish), before the annealer improves on its own. Feasibility first, on any
    // size: while hard > 0 the rounds (shaking harder each time one finds nothing) go on until
    // the deadline, so the search never settles on an infeasible timetable while time remains.
    const infeasible = st.hardTotal > 0;
    if ((large || infeasible) && !cancelled()) {
      const polishEnd = large ? searchStart + POLISH_SHARE * (deadline - searchStart) : performance.now();
      if (infeasible || polishEnd - performance.now() > POLISH_ROUND_MS)
        await runPhase(
          new FeasiblePolish(st, m, rng, {
            deadline: infeasible ? deadline : polishEnd,
            feasibleBy: polishEnd,
            roundMs: large ? POLISH_ROUND_MS : SMALL_POLISH_ROUND_MS,
            onFeasible: infeasible ? onFeasible : undefined,
          }),
          infeasible ? 'repairing' : 'polishing',
        );
    }
    if (!cancelled() && performance.now() < deadline) {
      const feasibleBefore = st.hardTotal === 0;
      await runPhase(
        new Annealer(st, m, rng, {
          start: performance.now(),
          deadline,
          targetSoft: options.targetSoft,
          onFeasible: feasibleBefore ? undefined : onFeasible,
        }),
        'improving',
      );
    }
  }
  if (keptRunner) await keptRunner.close();
  st.recomputeTotals();
  endStage('search');
  const result = buildResult(college, st, m, start.locked, findings, stages, options.seed, cancelled());
  best = { hard: result.evaluation.hardTotal, soft: result.evaluation.softTotal };
  report('done', 100, `${result.status}: hard ${best.hard}, soft ${best.soft}`, true);
  return result;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
