// Stage 1: HiGHS MIPs per community (src/solver/mip).
//
//   mipSchedule(problem, placement, communities, { timeLimitMs, seed, onProgress?, signal? })
//     -> Promise<MipScheduleResult>
//
// `placement` holds decisions to keep (fixed, locked, resumed; -1 = free; it is copied, not changed);
// `communities` come from decompose() (hardest first). For each community a MIP assigns start slots
// to its free sessions given everything placed so far (per faculty / student set / not_overlapping
// rule and slot, per-day limits (max and min), faculty max_days, room-class capacity per slot, every
// hard rule kind (ruleRows.ts); objective: sessions placed, then student clashes with placed courses,
// then min-days spread; gap and max_continuous limits with slack), started from a greedy solution
// and solved in a worker thread whose deadline is enforced from outside (a timed-out MIP still gives
// its best incumbent, a failed one the greedy start); rooms are then matched slot by slot. `workers`
// (default 2) worker threads solve communities that share no faculty, student set or hard rule side
// by side.
// The worker is warmed up (HiGHS loaded and its code compiled by a small solve) before any deadline;
// call `new MipRunner().warmUp()` early and pass it as `opts.runner` to overlap that with other work.
// `failedCommunities` lists the communities the caller should hand to the greedy constructor;
// `roomless` the sessions that got a slot but no room. Cancelling via `signal` rejects with an
// AbortError. The MipRunner (worker + deadline, MipTimeoutError) is exported for direct use.
export { mipSchedule, applyStarts, DEFAULT_WORKERS } from './mipSchedule.ts';
export type {
  CommunityReport,
  CommunityStatus,
  MipProgress,
  MipScheduleOptions,
  MipScheduleResult,
  MipStageStats,
} from './mipSchedule.ts';
export { MipRunner, MipTimeoutError, MipWorkerError } from './MipRunner.ts';
export type { MipOutcome, MipRunOptions } from './MipRunner.ts';
export { buildCommunityModel, MISS_COST } from './buildModel.ts';
export type { BuildOptions, CommunityModel } from './buildModel.ts';
export type { MipModel } from './mipModel.ts';
export { roomClasses, usableRooms } from './roomClasses.ts';
export type { RoomClasses } from './roomClasses.ts';
