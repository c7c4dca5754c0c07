// Stages 0-1 behind one call: Louvain communities, then a HiGHS MIP per community for start slots
// and a room matching. Returns the placement it reached (sessions of failed communities and
// roomless ones left free for the constructor), or null when the stage failed as a whole.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { decompose } from '../decompose/index.ts';
import { mipSchedule } from '../mip/index.ts';
import type { MipRunner, MipScheduleResult } from '../mip/index.ts';
import { MipProgressTracker } from './mipProgress.ts';

/** How often the stage reports while one community's MIP runs. */
const TICK_MS = 500;

export interface MipStartReport {
  placement: Placement;
  communities: number;
  failed: number;
  decomposeMs: number;
  mipMs: number;
}

export async function mipStart(
  p: CompiledProblem,
  start: Placement,
  slotLocked: Uint8Array,
  opts: {
    seed: number;
    timeLimitMs: number;
    signal?: AbortSignal;
    /** Model the gap limits in the MIPs (see BuildOptions.gapRows; default true). */
    gapRows?: boolean;
    /** A runner already started (and warmed up) by the caller, who closes it (mipSchedule adds a second). */
    runner?: MipRunner;
    onProgress: (fraction: number, message: string) => void;
  },
): Promise<MipStartReport> {
  const t0 = performance.now();
  opts.onProgress(0, 'clustering the college into communities');
  const communities = decompose(p, { seed: opts.seed });
  const decomposeMs = performance.now() - t0;
  opts.onProgress(0, `${communities.length} communities; building the first MIP`);
  // The MIP keeps what `start` decides; only slot-locked sessions are decisions here.
  const given: Placement = {
    slot: new Int32Array(p.nSessions).fill(-1),
    room: new Int32Array(p.nSessions).fill(-1),
  };
  for (let s = 0; s < p.nSessions; s++)
    if (slotLocked[s] === 1) {
      given.slot[s] = start.slot[s];
      given.room[s] = start.room[s];
    }
  let free = 0;
  for (let s = 0; s < p.nSessions; s++) free += slotLocked[s] === 1 ? 0 : 1;
  const progress = new MipProgressTracker(free, opts.onProgress);
  const ticker = setInterval(() => progress.tick(), TICK_MS);
  let out;
  try {
    out = await mipSchedule(p, given, communities, {
      timeLimitMs: Math.max(0, opts.timeLimitMs - decomposeMs),
      seed: opts.seed,
      signal: opts.signal,
      gapRows: opts.gapRows,
      runner: opts.runner,
      onProgress: (mp) => progress.update(mp),
    });
  } finally {
    clearInterval(ticker);
  }
  opts.onProgress(1, mipSplit(out));
  const placement = out.placement;
  for (let s = 0; s < p.nSessions; s++) if (placement.room[s] < 0) placement.slot[s] = -1;
  return {
    placement,
    communities: communities.length,
    failed: out.failedCommunities.length,
    decomposeMs,
    mipMs: out.stats.ms,
  };
}

/** Where the stage's time went, in one line (the stage's last progress message; bench:rules --stages). */
export function mipSplit(out: MipScheduleResult): string {
  const { stats, reports } = out;
  const sec = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const statuses = new Map<string, number>();
  for (const r of reports) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const slowest = reports.reduce((a, r) => (r.solveMs > a ? r.solveMs : a), 0);
  return (
    `MIP done: ${reports.length} communities, ${stats.placed}/${stats.sessions} placed in ${sec(stats.ms)} ` +
    `on ${stats.workers} worker${stats.workers === 1 ? '' : 's'} (warm-up wait ${sec(stats.warmMs)}, ` +
    `build ${sec(stats.buildMs)}, greedy start ${sec(stats.startMs)}, starts and rooms ${sec(stats.applyMs)}; ` +
    `HiGHS ${sec(stats.highsMs)}, worker round trips ${sec(stats.solveMs)}, summed over the workers; ` +
    `slowest community ${sec(slowest)}; ${[...statuses].map(([k, n]) => `${n} ${k}`).join(', ')})`
  );
}
