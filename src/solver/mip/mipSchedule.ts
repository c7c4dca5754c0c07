// Stage 1 orchestration: communities one after another (hardest first, as decompose orders them),
// each a MIP over what earlier decisions left free, solved in the worker within its share of the
// time budget, then rooms assigned. A community whose MIP fails or finds nothing is reported so the
// caller can run the greedy constructor on it; a timed-out MIP still contributes its best incumbent.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { alignPairs } from './alignPairs.ts';
import { assignRooms } from './assignRooms.ts';
import { buildCommunityModel, type BuildOptions } from './buildModel.ts';
import { MipRunner, MipTimeoutError } from './MipRunner.ts';
import { occupancy } from './occupancy.ts';
import { roomClasses } from './roomClasses.ts';
import { applySameRooms } from './sameRoomRows.ts';
import { applySessionStarts, namedStarts } from './sessionVars.ts';
import { gapPreference } from './gapPreference.ts';
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
  /** Runner to reuse (tests, pooling); closed by the caller. Default: one created and closed here. */
  runner?: MipRunner;
}

/**
 * optimal / feasible: HiGHS finished (feasible = stopped at its limit with a solution); timeout: the
 * worker was killed and its best incumbent used; greedy: HiGHS gave nothing, the greedy start was used;
 * failed / skipped: nothing placed (error, or no time left).
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
  /** Waiting for the worker to load and warm up. */
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
  const runner = opts.runner ?? new MipRunner();
  const reports: CommunityReport[] = [];
  const tw = Date.now();
  let warmMs: number;
  try {
    await runner.warmUp();
    warmMs = Date.now() - tw;
    for (let i = 0; i < communities.length; i++) {
      if (opts.signal?.aborted) throw new DOMException('MIP stage cancelled', 'AbortError');
      const left = deadline - Date.now();
      const share = (left / (communities.length - i)) * 1.5;
      // Soft limit + the runner's kill grace (max(500, limit/2)) must fit in what is left.
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
        continue;
      }
      if (limit < 50) continue;
      opts.onProgress?.({
        done: i,
        total: communities.length,
        placed: countPlaced(placement),
        sessions: p.nSessions,
        elapsedMs: Date.now() - t0,
        message: `community ${i + 1}/${communities.length}: solving ${cm.sessions.length} sessions`,
        current: { index: i, sessions: cm.sessions.length, limitMs: limit },
      });
      const tg = Date.now();
      const start = greedyStart(
        cm.model,
        cm.xCourse,
        cm.xSlot,
        cm.freeOf,
        p.nPeriods,
        namedStarts(p.nSlots, cm.sessionVars),
        gapPreference(p, occ, cm.xCourse, cm.xSlot),
      );
      const greedyX = new Float64Array(cm.model.numCols);
      for (let k = 0; k < start.indices.length; k++) greedyX[start.indices[k]] = start.values[k];
      report.startMs = Date.now() - tg;
      const ts = Date.now();
      let x: Float64Array | null = null;
      try {
        const out = await runner.solve(cm.model, {
          timeLimitMs: limit,
          seed: opts.seed + i,
          signal: opts.signal,
          start,
        });
        x = out.x;
        report.highsMs = out.workerMs;
        report.status = x === null ? 'greedy' : out.status === 'optimal' ? 'optimal' : 'feasible';
        if (x === null) report.error = `HiGHS status ${out.status}, no solution`;
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') throw err;
        x = err instanceof MipTimeoutError ? err.incumbent : null;
        report.status = x ? 'timeout' : 'greedy';
        report.error = err instanceof Error ? err.message : String(err);
      }
      x ??= greedyX;
      report.solveMs = Date.now() - ts;
      const ta = Date.now();
      if (x) {
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
        for (const s of cm.sessions)
          report.placed += placement.slot[s] >= 0 && placement.room[s] >= 0 ? 1 : 0;
      }
      report.applyMs = Date.now() - ta;
      opts.onProgress?.({
        done: i + 1,
        total: communities.length,
        placed: countPlaced(placement),
        sessions: p.nSessions,
        elapsedMs: Date.now() - t0,
        message: `community ${i + 1}/${communities.length}: ${report.placed}/${report.sessions} sessions (${report.status})`,
      });
    }
  } finally {
    if (!opts.runner) await runner.close();
  }
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
      workers: 1,
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
