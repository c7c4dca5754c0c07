// Stage 1 orchestration: communities in order (hardest first, as decompose orders them), each a MIP
// over what the decisions already landed left free, solved in a worker within its share of the time
// budget, then rooms assigned. Two workers solve side by side: a free one takes the next community
// (looking a few ahead) that shares no faculty member, student set or hard rule with the one in
// flight, so only rooms can collide (the room matching leaves such a session to the constructor).
// Every community lands something: a timed-out MIP its best incumbent, a MIP that fails or finds
// nothing, or one left no time to run, the greedy start it would have been given (warmStart.ts);
// what that cannot place stays free for the constructor.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { alignPairs } from './alignPairs.ts';
import { assignRooms } from './assignRooms.ts';
import { communityKeys, disjoint, hardRulesOf } from './communityKeys.ts';
import { buildCommunityModel, type BuildOptions, type CommunityModel } from './buildModel.ts';
import { MipRunner, MipTimeoutError, type MipOutcome } from './MipRunner.ts';
import { occupancy } from './occupancy.ts';
import { roomClasses } from './roomClasses.ts';
import { applySameRooms } from './sameRoomRows.ts';
import { applySessionStarts, namedStarts } from './sessionVars.ts';
import { gapPreference } from './gapPreference.ts';
import { heldStartsFirst } from './heldStarts.ts';
import { greedyStart } from './warmStart.ts';

export interface MipProgress {
  /** Communities finished so far, of `total`. */
  done: number;
  total: number;
  /** Sessions with a slot and a room so far, of `sessions`. */
  placed: number;
  sessions: number;
  elapsedMs: number;
  message: string;
  /** Set when a community's MIP starts: which, how many sessions it places, and its time limit. */
  current?: { index: number; sessions: number; limitMs: number };
  /** Set when a community's MIP has landed: which (two may be in flight side by side). */
  finished?: number;
}

export interface MipScheduleOptions {
  /** Budget for the whole stage (all communities). */
  timeLimitMs: number;
  seed: number;
  onProgress?: (p: MipProgress) => void;
  signal?: AbortSignal;
  /** Cap on one community's MIP (default: its fair share of what is left, × 1.5). */
  perCommunityMaxMs?: number;
  /** Model the gap limits in the MIP (see BuildOptions.gapRows; default true). */
  gapRows?: boolean;
  /** Which hard rule kinds and limits the MIPs model (see BuildOptions; default all). */
  build?: BuildOptions;
  /**
   * Runner(s) to reuse (tests, pooling), closed by the caller; the first is waited for, the others
   * join as they warm up. Runners up to `workers` are created (and closed) here.
   */
  runner?: MipRunner | readonly MipRunner[];
  /**
   * A placement the greedy start follows first: each course tries the starts its sessions hold
   * there before any other (heldStarts.ts; neighbourhood re-solves start from the timetable they
   * try to improve).
   */
  startFrom?: Placement;
  /** HiGHS workers solving communities side by side (default DEFAULT_WORKERS). */
  workers?: number;
}

/** Workers by default: the solver process's main thread waits while they solve. */
export const DEFAULT_WORKERS = 2;

/**
 * optimal / feasible: HiGHS finished (feasible = stopped at its limit with a solution); timeout: the
 * worker was killed and its best incumbent used; greedy: HiGHS gave nothing or had no time left, the
 * greedy start was used; failed / skipped: nothing placed (not used by the stage itself today).
 */
export type CommunityStatus = 'optimal' | 'feasible' | 'timeout' | 'greedy' | 'failed' | 'skipped';

export interface CommunityReport {
  index: number;
  courses: number;
  /** Sessions the MIP had to place, and how many got a slot and a room. */
  sessions: number;
  placed: number;
  status: CommunityStatus;
  cols: number;
  rows: number;
  nonzeros: number;
  /** Occupancy and model build, greedy start, the solve call (worker round trip), HiGHS inside the
   * worker, then applying the starts and matching rooms. */
  buildMs: number;
  startMs: number;
  solveMs: number;
  highsMs: number;
  applyMs: number;
  /** The soft time limit the MIP was given. */
  limitMs: number;
  /** Why it failed, when it did. */
  error?: string;
}

export interface MipScheduleResult {
  placement: Placement;
  /** Indices into `communities` whose MIP gave a solution (optimal, feasible or a timed-out incumbent). */
  solvedCommunities: number[];
  /** Indices whose MIP failed, found nothing or was skipped for lack of time: use the constructor. */
  failedCommunities: number[];
  /** Sessions that got a slot but no room (the evaluator counts them unplaced until repaired). */
  roomless: number[];
  reports: CommunityReport[];
  stats: MipStageStats;
}

/** Where the stage's time went (ms), summed over the communities. */
export interface MipStageStats {
  ms: number;
  placed: number;
  sessions: number;
  /** Waiting for the first worker to load and warm up (the others join when they are ready). */
  warmMs: number;
  /** Workers that solved side by side (the times below are summed over them). */
  workers: number;
  buildMs: number;
  startMs: number;
  solveMs: number;
  highsMs: number;
  applyMs: number;
}

function placeFixed(p: CompiledProblem, placement: Placement): void {
  for (let s = 0; s < p.nSessions; s++) {
    if (placement.slot[s] >= 0 || p.sessionFixedSlot[s] < 0) continue;
    placement.slot[s] = p.sessionFixedSlot[s];
    if (placement.room[s] < 0) placement.room[s] = p.sessionFixedRoom[s];
  }
}

function countPlaced(placement: Placement): number {
  let n = 0;
  for (let s = 0; s < placement.slot.length; s++)
    n += placement.slot[s] >= 0 && placement.room[s] >= 0 ? 1 : 0;
  return n;
}

/** Why a community's greedy start landed without a HiGHS solve. */
const NO_TIME = 'no time left for HiGHS: the greedy start was used';

/** How far down the list (hardest first) a free worker looks for a community independent of those in flight. */
const LOOKAHEAD = 4;

/** A community whose MIP runs in a worker. */
interface Flight {
  i: number;
  lane: number;
  cm: CommunityModel;
  report: CommunityReport;
  greedyX: Float64Array;
  done: Promise<{ out?: MipOutcome; err?: unknown }>;
}

export async function mipSchedule(
  p: CompiledProblem,
  initial: Placement,
  communities: readonly Int32Array[],
  opts: MipScheduleOptions,
): Promise<MipScheduleResult> {
  const t0 = Date.now();
  const deadline = t0 + opts.timeLimitMs;
  const placement: Placement = { slot: Int32Array.from(initial.slot), room: Int32Array.from(initial.room) };
  placeFixed(p, placement);
  const classes = roomClasses(p);
  const all = Int32Array.from({ length: p.nSessions }, (_, s) => s);
  const roomless = new Set(assignRooms(p, all, placement, occupancy(p, placement), classes));
  const n = communities.length;
  const wanted = Math.max(1, Math.min(opts.workers ?? DEFAULT_WORKERS, n));
  const given: readonly MipRunner[] = opts.runner ? [opts.runner].flat() : [];
  const runners = given.slice(0, wanted);
  const owned: MipRunner[] = [];
  while (runners.length < wanted) owned.push(runners[runners.push(new MipRunner()) - 1]);
  const reports: CommunityReport[] = [];
  const tw = Date.now();
  let warmMs: number;
  let lanes = 1;
  try {
    // The first worker must be ready; the others join as they warm up (one that cannot is left out).
    const joins = new Map<number, Promise<readonly ['join', number, boolean]>>();
    for (let k = 1; k < runners.length; k++)
      joins.set(
        k,
        runners[k].warmUp().then(
          () => ['join', k, true] as const,
          () => ['join', k, false] as const,
        ),
      );
    await runners[0].warmUp();
    warmMs = Date.now() - tw;
    const rulesOf = hardRulesOf(p);
    const keys = runners.length > 1 ? communities.map((cs) => communityKeys(p, cs, rulesOf)) : [];
    const pending = communities.map((_, i) => i);
    const flights = new Map<number, Flight>();
    const freeLanes = [0];
    let finished = 0;

    /** Builds community i's model from the placement as it is now and starts its MIP on `lane`. */
    const launch = (i: number, lane: number): Flight | null => {
      const left = deadline - Date.now();
      // Its share of what is left (the lanes run side by side) × 1.5; soft limit + the runner's kill
      // grace (max(500, limit/2)) must fit in what is left.
      const share = ((left * lanes) / (pending.length + flights.size + 1)) * 1.5;
      const limit = Math.min(opts.perCommunityMaxMs ?? Infinity, share, (left - 500) / 1.5, left / 1.5);
      const tb = Date.now();
      const occ = occupancy(p, placement);
      const cm = buildCommunityModel(p, communities[i], placement, occ, classes, opts.seed + i, {
        ...opts.build,
        gapRows: opts.gapRows ?? opts.build?.gapRows,
      });
      const report: CommunityReport = {
        index: i,
        courses: communities[i].length,
        sessions: cm.sessions.length,
        placed: 0,
        status: 'skipped',
        cols: cm.model.numCols,
        rows: cm.model.numRows,
        nonzeros: cm.model.starts[cm.model.numRows],
        buildMs: Date.now() - tb,
        startMs: 0,
        solveMs: 0,
        highsMs: 0,
        applyMs: 0,
        limitMs: Math.max(0, Math.round(limit)),
      };
      reports.push(report);
      if (cm.sessions.length === 0) {
        report.status = 'optimal';
        finished++;
        return null;
      }
      const tg = Date.now();
      const start = greedyStart(
        cm.model,
        cm.xCourse,
        cm.xSlot,
        cm.freeOf,
        p.nPeriods,
        namedStarts(p.nSlots, cm.sessionVars),
        opts.startFrom
          ? heldStartsFirst(p, opts.startFrom, cm.xSlot, gapPreference(p, occ, cm.xCourse, cm.xSlot))
          : gapPreference(p, occ, cm.xCourse, cm.xSlot),
      );
      const greedyX = new Float64Array(cm.model.numCols);
      for (let k = 0; k < start.indices.length; k++) greedyX[start.indices[k]] = start.values[k];
      report.startMs = Date.now() - tg;
      if (limit < 50) {
        // No time left for HiGHS: the greedy start lands as it is, so no community is lost.
        land({ i, lane, cm, report, greedyX, done: Promise.resolve({}) }, { err: new Error(NO_TIME) });
        return null;
      }
      opts.onProgress?.({
        done: finished,
        total: n,
        placed: countPlaced(placement),
        sessions: p.nSessions,
        elapsedMs: Date.now() - t0,
        message: `community ${i + 1}/${n}: solving ${cm.sessions.length} sessions`,
        current: { index: i, sessions: cm.sessions.length, limitMs: limit },
      });
      const ts = Date.now();
      const done = runners[lane]
        .solve(cm.model, { timeLimitMs: limit, seed: opts.seed + i, signal: opts.signal, start })
        .then(
          (out) => ({ out }),
          (err: unknown) => {
            if (err instanceof DOMException && err.name === 'AbortError') throw err;
            return { err };
          },
        )
        .finally(() => (report.solveMs = Date.now() - ts));
      // A cancelled solve rejects here and in the race; the flights not raced then are dropped.
      done.catch(() => undefined);
      return { i, lane, cm, report, greedyX, done };
    };

    /** Puts a finished community's starts and rooms into the placement. */
    const land = (f: Flight, result: { out?: MipOutcome; err?: unknown }): void => {
      const { cm, report } = f;
      let x: Float64Array | null;
      if (result.out) {
        x = result.out.x;
        report.highsMs = result.out.workerMs;
        report.status = x === null ? 'greedy' : result.out.status === 'optimal' ? 'optimal' : 'feasible';
        if (x === null) report.error = `HiGHS status ${result.out.status}, no solution`;
      } else {
        const err = result.err;
        x = err instanceof MipTimeoutError ? err.incumbent : null;
        report.status = x ? 'timeout' : 'greedy';
        report.error = err instanceof Error ? err.message : String(err);
      }
      x ??= f.greedyX;
      const ta = Date.now();
      const before = Int32Array.from(placement.slot);
      applyStarts(p, cm.xCourse, cm.xSlot, x, placement);
      const { named, y } = cm.sessionVars;
      applySessionStarts(
        p.nSlots,
        p.courseFirstSession,
        p.courseSessionCount,
        named,
        y,
        x,
        before,
        placement.slot,
      );
      alignPairs(p, cm.sessions, placement, new Set(named.values()));
      const after = occupancy(p, placement);
      applySameRooms(p, cm.sameRooms, x, cm.sessions, placement, after);
      for (const s of assignRooms(p, cm.sessions, placement, after, classes)) roomless.add(s);
      for (const s of cm.sessions) report.placed += placement.slot[s] >= 0 && placement.room[s] >= 0 ? 1 : 0;
      report.applyMs = Date.now() - ta;
      finished++;
      opts.onProgress?.({
        done: finished,
        total: n,
        placed: countPlaced(placement),
        sessions: p.nSessions,
        elapsedMs: Date.now() - t0,
        message: `community ${f.i + 1}/${n}: ${report.placed}/${report.sessions} sessions (${report.status})`,
        finished: f.i,
      });
    };

    while (pending.length > 0 || flights.size > 0) {
      if (opts.signal?.aborted) throw new DOMException('MIP stage cancelled', 'AbortError');
      // Free workers take the next communities (hardest first) that share no faculty member, student
      // set or hard rule with one in flight: built before the other lands, a model could not see it.
      // Rooms are shared: a session the room matching cannot seat is left to the constructor.
      while (freeLanes.length > 0 && pending.length > 0) {
        const inFlight = [...flights.values()];
        const k = pending
          .slice(0, LOOKAHEAD)
          .findIndex((i) => inFlight.every((f) => disjoint(keys[i], keys[f.i])));
        if (k < 0) break;
        const [i] = pending.splice(k, 1);
        const lane = freeLanes.shift()!;
        const f = launch(i, lane);
        if (f) flights.set(lane, f);
        else freeLanes.unshift(lane);
      }
      if (flights.size === 0) continue;
      const next = await Promise.race([
        ...[...flights.values()].map((fl) => fl.done.then((r) => ['land', fl, r] as const)),
        ...joins.values(),
      ]);
      if (next[0] === 'join') {
        joins.delete(next[1]);
        if (next[2]) {
          freeLanes.push(next[1]);
          lanes++;
        }
        continue;
      }
      const [, f, result] = next;
      flights.delete(f.lane);
      freeLanes.push(f.lane);
      land(f, result);
    }
  } finally {
    await Promise.all(owned.map((r) => r.close()));
  }
  reports.sort((a, b) => a.index - b.index);
  const sum = (k: 'buildMs' | 'startMs' | 'solveMs' | 'highsMs' | 'applyMs'): number =>
    reports.reduce((a, r) => a + r[k], 0);
  const ok = (r: CommunityReport): boolean => r.status !== 'failed' && r.status !== 'skipped';
  return {
    placement,
    solvedCommunities: reports.filter(ok).map((r) => r.index),
    failedCommunities: reports.filter((r) => !ok(r)).map((r) => r.index),
    roomless: [...roomless].filter((s) => placement.room[s] < 0).sort((a, b) => a - b),
    reports,
    stats: {
      ms: Date.now() - t0,
      placed: countPlaced(placement),
      sessions: p.nSessions,
      warmMs,
      workers: lanes,
      buildMs: sum('buildMs'),
      startMs: sum('startMs'),
      solveMs: sum('solveMs'),
      highsMs: sum('highsMs'),
      applyMs: sum('applyMs'),
    },
  };
}

/** Gives each course's free sessions (in index order) the starts the MIP chose (in time order). */
export function applyStarts(
  p: CompiledProblem,
  xCourse: Int32Array,
  xSlot: Int32Array,
  x: Float64Array,
  placement: Placement,
): void {
  const chosen = new Map<number, number[]>();
  for (let j = 0; j < xCourse.length; j++) {
    if (x[j] < 0.5) continue;
    const list = chosen.get(xCourse[j]);
    if (list) list.push(xSlot[j]);
    else chosen.set(xCourse[j], [xSlot[j]]);
  }
  for (const [c, slots] of chosen) {
    slots.sort((a, b) => a - b);
    let k = 0;
    for (
      let s = p.courseFirstSession[c];
      s < p.courseFirstSession[c] + p.courseSessionCount[c] && k < slots.length;
      s++
    ) {
      if (placement.slot[s] < 0) placement.slot[s] = slots[k++];
    }
  }
}
