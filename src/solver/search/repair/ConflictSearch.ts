// Conflict search for tightly packed colleges, where every student set is busy in nearly every
// period and the hard repair's single moves, exchanges and one-in-the-way ejection chains stall at
// a few clashes: an iterated forward search with conflict weighting. Each step takes one session
// that is unplaced (or, when none is, one in some hard violation, taken out first) and puts it at
// the start that is best once every session in its way is taken out: the sessions sharing a
// faculty member, a student set or its room over its periods, and a session of its own course at
// that start. A start is priced by the hard cost it leaves (the ones taken out count as unplaced)
// plus WEIGHT x the conflict weights of the sessions it takes out; each time a session is taken
// out its weight grows (and all weights fade), so sessions that keep being pushed around are left
// alone in time and the search goes elsewhere (breakout). A short tabu stops the session taken
// out going straight back to where it was. Sessions fewer days away than a hard min_days_apart,
// min_days_between or different_days rule allows (dayPartners.ts) count as in the way too, and so
// do, for a start on a new day of a faculty member at their teaching-day limit (max_days), their
// sessions on their least-loaded other day, and for a start that opens gaps past a student set's
// max_gaps_per_week, its sessions of that day across the gaps (dayLimits.ts). A start's price is
// computed only while a lower bound of it (the sessions it takes out, their weights, its tabu) is
// below the best price found, lowest bound first (startBounds): most starts of a session in a packed
// week take several sessions out and are never priced. The
// best timetable by (hard, soft) is kept; after KICK_STEPS steps without a new best (more while
// the best is far from feasible) the search
// kicks (back to that best, with a day of a stuck session's faculty and student sets cleared, see
// kick()). A session of a tie group (hard same_time / consecutive
// rules, tieGroups.ts) moves with its whole group as a block: every member at its offset from a
// start where the group fits, with what is in any member's way taken out (a member may be taken
// out alone; the group is put back together when its turn comes; a group with a pinned member has
// one start, and its pinned members stay). Locked sessions, and the members of a group whose pinned
// members disagree on its start, never move: a start that would take one out is not tried.
// On a college with hard ends_day rules, a step for an unplaced session first tries to rebuild
// one of its days around it (dayRebuild.ts: the day's sessions of its faculty and student sets
// re-placed together with it, each adding no hard violation), which fills an exactly packed day
// where taking single sessions out only moves the hole; for the last session left (REBUILD_HARD),
// within REBUILD_SHARE search nodes per step. A kick tries the same from the best first. A listed
// session of a student set that is exactly packed (busy in every period it may use) is tried only
// at the starts where it ends that set's day (packedDayEnds, dayLimits.ts): anywhere else it only
// takes the day's later sessions out.
// A step for an unplaced session first looks for a hole chain (holeChain.ts): moves that each
// displace exactly one session, found breadth first, ending at a start where nothing is in the way;
// in a school whose classes are busy all week this places what single take-outs only move around.
// With the alignHoles option, failing that, it tries aligned holes (alignHoles.ts): the session takes
// a start with two or three sessions in its way, and each of those is re-placed by its own hole
// chain (off by default: it makes a step about 5x slower, and on Eng_College at 30 s it reached
// hard 0 on 2 of 5 seeds against 0 of 5, but ended worse on 2 of them).
// Runs in time slices like the other phases; ends at hard 0, the deadline or the step budget.
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Rng } from '../../Rng.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { repairRoom } from './repairRoom.ts';
import { sharedRoom } from '../roomGroups.ts';
import { SOFT_TIE } from './softTie.ts';
import { anchoredStart, groupFits, groupWhole } from './tieGroups.ts';
import { dayPartners, type DayPartners } from './dayPartners.ts';
import { ViolatingSessions } from './violatingSessions.ts';
import type { SearchPhase } from './searchPhase.ts';
import { restorePlacement } from '../restorePlacement.ts';
import { spanAt } from '../../../shared/compiled/span.ts';
import { forDayMates } from './ruin.ts';
import { attends, dayToFree, endsDayMembers, overWeekGaps, packedDayEnds } from './dayLimits.ts';
import { allGroupMates } from '../../../shared/compiled/ruleWatch.ts';
import { DayRebuild } from './dayRebuild.ts';
import { H } from '../../../shared/eval/incremental/kinds.ts';
import { HoleChains } from './holeChain.ts';
import { AlignHoles } from './alignHoles.ts';
import { StartList } from './startList.ts';

export interface ConflictSearchOptions {
  /** performance.now() after which the search stops. */
  deadline: number;
  /** Stop after this many steps (tests; replays exactly). */
  maxSteps?: number;
  /** Stop when the best hard cost has not fallen for this long (ms). */
  stallMs?: number;
  /** Called when hard first reaches 0. */
  onFeasible?: () => void;
  /** Steps without a new best before a kick at best hard < KICK_HARD (default KICK_STEPS; Infinity: never). */
  kickSteps?: number;
  /** Hole chains for unplaced sessions (holeChain.ts; default true). */
  holeChains?: boolean;
  /** Aligned-holes moves for unplaced sessions (alignHoles.ts; default false). */
  alignHoles?: boolean;
  /** Day rebuilds for unplaced sessions (default: on colleges with hard ends_day rules). */
  dayRebuild?: boolean;
}

/** Price of one unit of conflict weight, in hard-cost units. */
const WEIGHT = 0.3;
/** Each take-out adds 1 to the session's weight; all weights fade by this factor per step. */
const FADE = 0.999;
/** Steps a session may not go back to the start it was taken out of: TABU_MIN + up to TABU_SPREAD. */
const TABU_MIN = 7;
const TABU_SPREAD = 10;
/** Added to the price of a tabu start: taken only when every start is tabu (a course with few starts). */
const TABU_PENALTY = 1000;
/** While sessions are unplaced, the chance that a step takes any session in violation instead. */
const OTHERS = 0.1;
/**
 * Steps without a new best (and since the last kick) after which the search kicks (see kick()):
 * KICK_STEPS, times 1 + (best hard) / KICK_HARD rounded down, so that a search still far from
 * feasible, where new bests come slowly, is left to go on.
 */
const KICK_STEPS = 1000;
const KICK_HARD = 5;
/**
 * Day rebuilds (dayRebuild.ts) are tried at this hard cost or below: for the last unplaced session.
 * Tried earlier, a rebuild that places one session tends to use up the free periods the others
 * need (a listed session ending a day early, its day's last periods then closed to the others).
 */
const REBUILD_HARD = 1;
/** Day rebuilds may spend this many search nodes per step on average. */
const REBUILD_SHARE = 2;
/**
 * Room left in a start's lower bound for the soft tie-break (SOFT_TIE x the soft change), which
 * may lower a price: a start whose bound is this close to the best is still priced.
 */
const BOUND_SLACK = 0.5;

export class ConflictSearch implements SearchPhase {
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  bestHard: number;
  bestSoft: number;
  steps = 0;
  /** Steps that found no start for their session (it stayed where it was). */
  stuck = 0;
  /** Kicks so far (see kick()). */
  kicks = 0;
  /** Day rebuilds that placed a session (see rebuildDay()). */
  rebuilds = 0;
  private readonly st: IncrementalState;
  private readonly m: SearchModel;
  private readonly rng: Rng;
  private readonly o: ConflictSearchOptions;
  private readonly violating: ViolatingSessions;
  /** 1 for sessions that may be taken out (not locked, in no tie group whose pinned members disagree). */
  private readonly free: Uint8Array;
  /** Sessions a group step took out or placed, with the slot and room each had, to undo it. */
  private readonly undoS: Int32Array;
  private readonly undoSlot: Int32Array;
  private readonly undoRoom: Int32Array;
  /** The rooms the members of the group being moved had (its first member at 0). */
  private readonly memberRoom: Int32Array;
  private readonly memberSlot: Int32Array;
  /** Conflict weight of what the last group placement took out. */
  private groupWeight = 0;
  /** Conflict weight per session, kept as weight / scale so fading is one multiplication. */
  private readonly weight: Float64Array;
  private scale = 1;
  private readonly tabuUntil: Int32Array;
  /** Sessions in the way of a trial start, and the slot and room each had while it is priced. */
  private readonly way: Int32Array;
  private readonly waySlot: Int32Array;
  private readonly wayRoom: Int32Array;
  private readonly mark: Uint8Array;
  /** The starts of the session being stepped, by a lower bound of their price (startBounds). */
  private readonly starts: StartList;
  private readonly queue: Int32Array;
  /** Per session, the sessions hard rules keep it days away from (dayPartners.ts). */
  private readonly partners: DayPartners;
  /** Sessions a hard ends_day rule lists (endsDayMembers), null when the college has none. */
  private readonly endsDay: ReturnType<typeof endsDayMembers>;
  /** Per listed course and day, the period its sessions must end in (packedDayEnds), or null. */
  private readonly dayEnd: Int16Array | null;
  /** Day rebuilds for unplaced sessions, on colleges with hard ends_day rules (else null). */
  private readonly rebuild: DayRebuild | null;
  /** Hole chains for unplaced sessions (holeChain.ts). */
  readonly holes: HoleChains;
  /** Aligned-holes moves for unplaced sessions (alignHoles.ts). */
  readonly aligns: AlignHoles;
  private lastBestAt = performance.now();
  /** The step of the last new best, and of the last kick. */
  private lastBestStep = 0;
  private lastKick = 0;
  private done = false;
  private started = false;

  constructor(st: IncrementalState, m: SearchModel, rng: Rng, opts: ConflictSearchOptions) {
    const p = st.problem;
    this.st = st;
    this.m = m;
    this.rng = rng;
    this.o = opts;
    this.violating = new ViolatingSessions(st, m);
    // A tie group (hard same_time / consecutive) moves as a block, to its one start when a member
    // is pinned; not at all when pinned members disagree on it.
    const T = m.ties;
    const nGroups = T.offsets.length - 1;
    const groupFree = new Uint8Array(nGroups);
    let largest = 0;
    for (let g = 0; g < nGroups; g++) {
      largest = Math.max(largest, T.offsets[g + 1] - T.offsets[g]);
      groupFree[g] = anchoredStart(T, m, g) === -2 ? 0 : 1;
    }
    this.free = new Uint8Array(p.nSessions);
    for (let s = 0; s < p.nSessions; s++) {
      const g = T.groupOf[s];
      this.free[s] = m.slotLocked[s] === 0 && m.roomLocked[s] === 0 && (g < 0 || groupFree[g] === 1) ? 1 : 0;
    }
    this.undoS = new Int32Array(p.nSessions);
    this.undoSlot = new Int32Array(p.nSessions);
    this.undoRoom = new Int32Array(p.nSessions);
    this.memberRoom = new Int32Array(largest);
    this.memberSlot = new Int32Array(largest);
    this.weight = new Float64Array(p.nSessions);
    this.tabuUntil = new Int32Array(p.nSessions * p.nSlots);
    this.way = new Int32Array(p.nSessions);
    this.waySlot = new Int32Array(p.nSessions);
    this.wayRoom = new Int32Array(p.nSessions);
    this.mark = new Uint8Array(p.nSessions);
    this.starts = new StartList(p.nSlots);
    this.queue = new Int32Array(p.nSessions);
    this.partners = dayPartners(p);
    this.endsDay = endsDayMembers(p);
    this.dayEnd = this.endsDay === null ? null : packedDayEnds(p, this.endsDay.listed);
    // A course none of whose starts ends where it must keeps all of them.
    const dayEnd = this.dayEnd;
    if (dayEnd !== null)
      for (let c = 0; c < p.nCourses; c++) {
        let any = false;
        let forced = false;
        for (let i = m.courseStarts.offsets[c]; i < m.courseStarts.offsets[c + 1]; i++) {
          const t = m.courseStarts.items[i];
          const e = dayEnd[c * p.nDays + ((t / p.nPeriods) | 0)];
          if (e >= 0) forced = true;
          if (this.endsWhereForced(c, t)) any = true;
        }
        if (forced && !any) dayEnd.fill(-1, c * p.nDays, (c + 1) * p.nDays);
      }
    this.rebuild = (opts.dayRebuild ?? this.endsDay !== null) ? new DayRebuild(st, m, this.free) : null;
    const alone = this.free.map((f, x) => (f === 1 && T.groupOf[x] < 0 ? 1 : 0));
    const ways = {
      roomFor: (x: number, t: number) => this.roomFor(x, t, st.room[x]),
      inTheWay: (x: number, t: number, r: number) => this.inTheWay(x, t, r),
      way: this.way,
    };
    this.holes = new HoleChains(st, m, ways, alone);
    this.aligns = new AlignHoles(st, m, ways, alone);
    this.bestSlot = st.slot.slice();
    this.bestRoom = st.room.slice();
    this.bestHard = st.hardTotal;
    this.bestSoft = st.softTotal;
    if (st.hardTotal === 0) this.done = true;
  }

  get finished(): boolean {
    return this.done;
  }

  run(sliceEnd: number): boolean {
    const maxSteps = this.o.maxSteps ?? Infinity;
    if (!this.started) {
      this.started = true;
      this.takeOutClashes();
    }
    while (!this.done) {
      const now = performance.now();
      if (
        now >= this.o.deadline ||
        this.steps >= maxSteps ||
        now - this.lastBestAt >= (this.o.stallMs ?? Infinity)
      ) {
        this.done = true;
        break;
      }
      if (now >= sliceEnd) break;
      const kickAfter = (this.o.kickSteps ?? KICK_STEPS) * (1 + Math.floor(this.bestHard / KICK_HARD));
      if (this.steps - Math.max(this.lastBestStep, this.lastKick) >= kickAfter) this.kick();
      const s = this.pick();
      if (s < 0) {
        this.done = true;
        break;
      }
      this.steps++;
      this.step(s);
      if (this.st.hardTotal === 0) this.done = true;
    }
    return this.done;
  }

  /** Put the state back at the best placement found. */
  restoreBest(): void {
    restorePlacement(this.st, this.bestSlot, this.bestRoom);
  }

  /**
   * Start from a timetable without clashes: a free session with a session in its way where it is
   * (a clash, a duplicate, a day-apart rule broken) is taken out, so that what is left to do
   * is placing the unplaced ones.
   */
  private takeOutClashes(): void {
    const st = this.st;
    const n = this.violating.collect(this.queue, false);
    for (let i = 0; i < n; i++) {
      const s = this.queue[i];
      if (this.free[s] === 0 || st.active[s] === 0) continue;
      const t = st.slot[s];
      const r = st.room[s];
      st.move(s, -1, -1);
      if (this.inTheWay(s, t, r) !== 0) {
        this.tabu(s, t);
        continue;
      }
      st.move(s, t, r);
    }
    this.keepBest();
  }

  /**
   * A random free session in a hard violation, mostly an unplaced one while there are any (the
   * others, e.g. over a gap limit, now and then); -1 when there is none. The full violation scan
   * (violating.collect, which checks every rule of every session: slow on a college with hundreds
   * of rules) runs only for a step that takes any session in violation, not for one that takes an
   * unplaced session (listed directly).
   */
  private pick(): number {
    const st = this.st;
    const q = this.queue;
    let u = 0;
    const n = this.unplacedInto(q);
    for (let i = 0; i < n; i++) if (this.free[q[i]] === 1) q[u++] = q[i];
    // With unplaced sessions the only cost, they are the list collect() would make.
    const onlyUnplaced = u > 0 && (st.hardTotal === st.hard[H.unplaced] || this.rng.float() >= OTHERS);
    if (onlyUnplaced) return q[this.rng.int(u)];
    if (st.hardTotal === st.hard[H.unplaced]) return -1;
    const all = this.violating.collect(q, false);
    let k = 0;
    for (let i = 0; i < all; i++) if (this.free[q[i]] === 1) q[k++] = q[i];
    return k === 0 ? -1 : q[this.rng.int(k)];
  }

  /** The unplaced sessions that may move, in session order, into `out`; returns how many. */
  private unplacedInto(out: Int32Array): number {
    const st = this.st;
    const m = this.m;
    let n = 0;
    for (let s = 0; s < st.problem.nSessions; s++)
      if (st.active[s] === 0 && (m.slotLocked[s] === 0 || m.roomLocked[s] === 0)) out[n++] = s;
    return n;
  }

  /** The free sessions in the way of s at (t, r) into `way`; -1 when a session that may not move is. */
  private inTheWay(s: number, t: number, r: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const len = spanAt(p, c, t);
    let n = 0;
    let blocked = false;
    // A room that is unavailable then: the start is not tried (the room would be a violation anyway).
    // Checked before any session is marked, so no mark outlives this call.
    for (let q = t; q < t + len; q++) if (p.roomUnavailable[r * p.nSlots + q] === 1) return -1;
    for (let q = t; q < t + len; q++) {
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q]; i++) {
        const y = st.slotList[base + i];
        if (y === s || this.mark[y] === 1) continue;
        if (this.m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0 && st.room[y] !== r) continue;
        if (this.free[y] === 0) blocked = true;
        this.mark[y] = 1;
        this.way[n++] = y;
      }
    }
    // A session of the course at that very start (it would count as a duplicate).
    const first = p.courseFirstSession[c];
    for (let y = first; y < first + p.courseSessionCount[c]; y++) {
      if (y === s || this.mark[y] === 1 || st.slot[y] !== t || st.room[y] < 0) continue;
      if (this.free[y] === 0) blocked = true;
      this.mark[y] = 1;
      this.way[n++] = y;
    }
    // A session fewer days away than a hard rule allows (min_days_apart, min_days_between,
    // different_days, on whole courses or single sessions).
    const day = (t / p.nPeriods) | 0;
    const P = this.partners;
    for (let i = P.offsets[s]; i < P.offsets[s + 1]; i++) {
      const y = P.items[i];
      if (this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
      if (Math.abs(((st.slot[y] / p.nPeriods) | 0) - day) >= P.days[i]) continue;
      if (this.free[y] === 0) blocked = true;
      this.mark[y] = 1;
      this.way[n++] = y;
    }
    // A faculty member at their teaching-day limit with nothing on this day: their sessions on
    // their least-loaded other day (taking those out keeps the count of days).
    for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
      const f = p.courseFaculty.items[i];
      const e = p.facultyMaxDays[f] > 0 ? dayToFree(this.st, f, day) : -1;
      if (e < 0) continue;
      for (let a = p.facultyCourses.offsets[f]; a < p.facultyCourses.offsets[f + 1]; a++) {
        const c2 = p.facultyCourses.items[a];
        const first = p.courseFirstSession[c2];
        for (let y = first; y < first + p.courseSessionCount[c2]; y++) {
          if (y === s || this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
          if (((st.slot[y] / p.nPeriods) | 0) !== e) continue;
          if (this.free[y] === 0) blocked = true;
          this.mark[y] = 1;
          this.way[n++] = y;
        }
      }
    }
    // A student set that would go over its weekly gap limit (max_gaps_per_week): its sessions of
    // that day not joined to s's periods by busy ones (taking those out closes the gaps s opens).
    // (Over the daily gap limit only, s is left to the price: taking sessions out for it was found
    // to leave more unplaced.)
    for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++) {
      const k = p.courseStudentSets.items[i];
      if (this.violating.setMaxWeekGaps[k] < 0) continue;
      const q0 = t - day * p.nPeriods;
      if (!overWeekGaps(this.st, k, day, q0, len, this.violating.setMaxWeekGaps[k])) continue;
      const base = k * p.nSlots + day * p.nPeriods;
      let lo = q0;
      let hi = q0 + len - 1;
      while (lo > 0 && st.setOcc[base + lo - 1] > 0) lo--;
      while (hi < p.nPeriods - 1 && st.setOcc[base + hi + 1] > 0) hi++;
      for (let q = 0; q < p.nPeriods; q++) {
        if (q >= lo && q <= hi) continue;
        const slot = day * p.nPeriods + q;
        for (let j = 0; j < st.slotCount[slot]; j++) {
          const y = st.slotList[slot * st.slotCap + j];
          if (y === s || this.mark[y] === 1 || !attends(p, p.sessionCourse[y], k)) continue;
          if (this.free[y] === 0) blocked = true;
          this.mark[y] = 1;
          this.way[n++] = y;
        }
      }
    }
    // Hard ends_day: for a listed s, its students' sessions that would end later that day; for any
    // s, a listed session of its students that s would end after.
    const E = this.endsDay;
    if (E !== null && E.course[c] === 1) {
      const end = t + len;
      for (const c2 of allGroupMates(p)[c]) {
        const first2 = p.courseFirstSession[c2];
        for (let y = first2; y < first2 + p.courseSessionCount[c2]; y++) {
          if (y === s || this.mark[y] === 1 || st.slot[y] < 0 || st.room[y] < 0) continue;
          if (((st.slot[y] / p.nPeriods) | 0) !== day) continue;
          const yEnd = st.slot[y] + st.span[y];
          if (!(E.listed[s] === 1 && yEnd > end) && !(E.listed[y] === 1 && end > yEnd)) continue;
          if (this.free[y] === 0) blocked = true;
          this.mark[y] = 1;
          this.way[n++] = y;
        }
      }
    }
    for (let i = 0; i < n; i++) this.mark[this.way[i]] = 0;
    return blocked ? -1 : n;
  }

  /**
   * The starts worth pricing for unplaced s (its allowed starts from items[from] to items[to - 1],
   * ending where they must, with a room, nothing locked in the way) into `starts`, sorted by a
   * lower bound of each one's price; returns how many. Placing s lowers
   * the hard cost by at most 1 plus what is broken now other than unplaced sessions (a rule or
   * limit it or a session taken out mends), and each session taken out that counts as placed
   * raises it by 1, so the price is at least (taken out - 1 - broken) + the weight and tabu
   * terms, less BOUND_SLACK for the soft tie-break.
   */
  private startBounds(s: number, from: number, to: number, r0: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const broken = st.hardTotal - st.hard[H.unplaced];
    const list = this.starts;
    list.n = 0;
    for (let i = from; i < to; i++) {
      const t = this.m.courseStarts.items[i];
      if (!this.endsWhereForced(c, t)) continue;
      const r = this.roomFor(s, t, r0);
      if (r < 0) continue;
      const k = this.inTheWay(s, t, r);
      if (k < 0) continue;
      let out = 0;
      let w = 0;
      for (let j = 0; j < k; j++) {
        const y = this.way[j];
        out += st.active[y];
        w += this.weight[y];
      }
      const penalty = this.tabuUntil[s * p.nSlots + t] > this.steps ? TABU_PENALTY : 0;
      const low = out - 1 - broken + (WEIGHT * w) / this.scale + penalty - BOUND_SLACK;
      // The tie-break is drawn for every start in order, as when each one was priced.
      list.add(t, r, low, 1e-6 * this.rng.float());
    }
    return list.n;
  }

  /**
   * The room for s at t: the repair's choice (repairRoom.ts) when it is free then; otherwise the
   * allowed room where the fewest sessions would be in the way that are not in it anyway (through
   * a faculty member or a student set), so a full room column costs as few take-outs as it can.
   */
  private roomFor(s: number, t: number, r0: number): number {
    const st = this.st;
    const m = this.m;
    const r = repairRoom(st, m, s, t, r0);
    if (r < 0 || m.roomLocked[s] === 1 || sharedRoom(st, m, s) >= 0) return r;
    let best = r;
    let bestExtra = this.roomExtra(s, t, r);
    if (bestExtra === 0) return r;
    const c = st.problem.sessionCourse[s];
    const o = m.courseRooms.offsets;
    for (let i = o[c]; i < o[c + 1] && bestExtra > 0; i++) {
      const x = m.courseRooms.items[i];
      if (x === r) continue;
      const extra = this.roomExtra(s, t, x);
      if (extra < bestExtra) {
        bestExtra = extra;
        best = x;
      }
    }
    return best;
  }

  /** Sessions in room x over s's periods from t that share no faculty or student set with s (Infinity: unavailable). */
  private roomExtra(s: number, t: number, x: number): number {
    const st = this.st;
    const p = st.problem;
    const c = p.sessionCourse[s];
    const len = spanAt(p, c, t);
    let extra = 0;
    for (let q = t; q < t + len; q++) {
      if (p.roomUnavailable[x * p.nSlots + q] === 1) return Infinity;
      if (st.roomOcc[x * p.nSlots + q] === 0) continue;
      const base = q * st.slotCap;
      for (let i = 0; i < st.slotCount[q]; i++) {
        const y = st.slotList[base + i];
        if (y !== s && st.room[y] === x && this.m.courseConflict[c * p.nCourses + p.sessionCourse[y]] === 0)
          extra++;
      }
    }
    return extra;
  }

  private step(s: number): void {
    const st = this.st;
    const m = this.m;
    const p = st.problem;
    const nS = p.nSlots;
    const c = p.sessionCourse[s];
    // Fade every weight (by growing the scale new weight is added at).
    this.scale /= FADE;
    if (this.scale > 1e100) {
      for (let i = 0; i < this.weight.length; i++) this.weight[i] /= this.scale;
      this.scale = 1;
    }
    if (m.ties.groupOf[s] >= 0) {
      this.stepGroup(m.ties.groupOf[s]);
      return;
    }
    if (
      this.rebuild !== null &&
      st.active[s] === 0 &&
      st.hardTotal <= REBUILD_HARD &&
      this.rebuild.nodes < REBUILD_SHARE * this.steps &&
      this.rebuildDay(s)
    ) {
      this.keepBest();
      return;
    }
    if (st.slot[s] < 0 && this.o.holeChains !== false && this.holes.place(s, () => true)) {
      this.keepBest();
      return;
    }
    if (st.slot[s] < 0 && this.o.alignHoles === true && this.aligns.place(s)) {
      this.keepBest();
      return;
    }
    const t0 = st.slot[s];
    const r0 = st.room[s];
    if (t0 >= 0) {
      this.tabu(s, t0);
      st.move(s, -1, -1);
    }
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    let bestT = -1;
    let bestR = -1;
    let bestScore = Infinity;
    const o = m.courseStarts.offsets;
    st.save();
    // Each start's lower bound first (startBounds), then the full price, lowest bound first, while
    // a bound is below the best price so far.
    const nc = this.startBounds(s, o[c], o[c + 1], r0);
    const list = this.starts;
    for (let j = 0; j < nc; j++) {
      if (list.low[j] >= bestScore) break;
      const t = list.slot[j];
      const r = list.room[j];
      const penalty = this.tabuUntil[s * nS + t] > this.steps ? TABU_PENALTY : 0;
      const n = this.inTheWay(s, t, r);
      // Price it: take the ones in the way out, place s, read the cost, put everything back.
      let w = 0;
      for (let k = 0; k < n; k++) {
        const y = this.way[k];
        w += this.weight[y];
        this.waySlot[k] = st.slot[y];
        this.wayRoom[k] = st.room[y];
        st.move(y, -1, -1);
      }
      st.move(s, t, r);
      const score =
        st.hardTotal -
        h0 +
        SOFT_TIE * (st.softTotal - f0) +
        (WEIGHT * w) / this.scale +
        penalty +
        list.noise[j];
      st.move(s, -1, -1);
      for (let k = n - 1; k >= 0; k--) {
        const y = this.way[k];
        st.move(y, this.waySlot[k], this.wayRoom[k]);
      }
      if (score < bestScore) {
        bestScore = score;
        bestT = t;
        bestR = r;
      }
    }
    st.restore(h0, f0);
    if (bestT < 0) {
      this.stuck++;
      if (t0 >= 0) st.move(s, t0, r0);
      return;
    }
    // Apply: recollect who is in the way of the chosen start (pricing left the state as it was).
    const n = this.inTheWay(s, bestT, bestR);
    for (let k = 0; k < n; k++) {
      const y = this.way[k];
      this.weight[y] += this.scale;
      this.tabu(y, st.slot[y]);
      st.move(y, -1, -1);
    }
    st.move(s, bestT, bestR);
    this.keepBest();
  }

  /**
   * The step for a session of tie group g: the whole group is taken out and put at the start (its
   * members each at their offset, groupFits) that is best once everything in any member's way is
   * taken out, priced like a single session's start.
   */
  private stepGroup(g: number): void {
    const st = this.st;
    const m = this.m;
    const T = m.ties;
    const p = st.problem;
    const a = T.offsets[g];
    let lead = a;
    while (T.memberOffset[lead] !== 0) lead++;
    const leadS = T.members[lead];
    // A whole group may not go straight back; a broken one may be put back together where it is.
    // With a pinned member it has one start, and its pinned members stay.
    const pinned = anchoredStart(T, m, g);
    const whole = groupWhole(T, st.slot, g);
    for (let i = a; i < T.offsets[g + 1]; i++) {
      const x = T.members[i];
      this.memberSlot[i - a] = st.slot[x];
      this.memberRoom[i - a] = st.room[x];
      if (st.slot[x] >= 0 && this.free[x] === 1) st.move(x, -1, -1);
    }
    if (whole && pinned < 0) this.tabu(leadS, this.memberSlot[lead - a]);
    const h0 = st.hardTotal;
    const f0 = st.softTotal;
    let bestT = -1;
    let bestScore = Infinity;
    const o = m.courseStarts.offsets;
    const c = p.sessionCourse[leadS];
    st.save();
    const from = pinned >= 0 ? 0 : o[c];
    const to = pinned >= 0 ? 1 : o[c + 1];
    for (let i = from; i < to; i++) {
      const t = pinned >= 0 ? pinned : m.courseStarts.items[i];
      const penalty = pinned < 0 && this.tabuUntil[leadS * p.nSlots + t] > this.steps ? TABU_PENALTY : 0;
      if (!groupFits(T, m, g, t)) continue;
      const n = this.placeGroup(g, t, false);
      if (n < 0) continue;
      const score =
        st.hardTotal -
        h0 +
        SOFT_TIE * (st.softTotal - f0) +
        (WEIGHT * this.groupWeight) / this.scale +
        penalty +
        1e-6 * this.rng.float();
      this.undo(n);
      if (score < bestScore) {
        bestScore = score;
        bestT = t;
      }
    }
    st.restore(h0, f0);
    if (bestT < 0 || this.placeGroup(g, bestT, true) < 0) {
      this.stuck++;
      for (let i = a; i < T.offsets[g + 1]; i++)
        if (this.memberSlot[i - a] >= 0 && this.free[T.members[i]] === 1)
          st.move(T.members[i], this.memberSlot[i - a], this.memberRoom[i - a]);
      return;
    }
    this.keepBest();
  }

  /**
   * Put every member of group g at start t plus its offset, taking out what is in each one's way
   * (`apply`: for good, raising their weights and making their starts tabu). Returns the number of
   * entries to undo it with, or -1 (nothing changed) when a member has no room or a pinned session
   * or another member of the group is in its way.
   */
  private placeGroup(g: number, t: number, apply: boolean): number {
    const st = this.st;
    const T = this.m.ties;
    const a = T.offsets[g];
    let n = 0;
    this.groupWeight = 0;
    for (let i = a; i < T.offsets[g + 1]; i++) {
      const x = T.members[i];
      if (this.free[x] === 0) continue;
      const ts = t + T.memberOffset[i];
      const r = this.roomFor(x, ts, this.memberRoom[i - a]);
      const k = r < 0 ? -1 : this.inTheWay(x, ts, r);
      let ok = k >= 0;
      for (let j = 0; j < k && ok; j++) if (T.groupOf[this.way[j]] === g) ok = false;
      if (!ok) {
        this.undo(n);
        return -1;
      }
      for (let j = 0; j < k; j++) {
        const y = this.way[j];
        this.groupWeight += this.weight[y];
        this.undoS[n] = y;
        this.undoSlot[n] = st.slot[y];
        this.undoRoom[n++] = st.room[y];
        if (apply) {
          this.weight[y] += this.scale;
          this.tabu(y, st.slot[y]);
        }
        st.move(y, -1, -1);
      }
      this.undoS[n] = x;
      this.undoSlot[n] = -1;
      this.undoRoom[n++] = -1;
      st.move(x, ts, r);
    }
    return n;
  }

  /** Undo the first n entries of a group placement, last first. */
  private undo(n: number): void {
    for (let k = n - 1; k >= 0; k--) this.st.move(this.undoS[k], this.undoSlot[k], this.undoRoom[k]);
  }

  private keepBest(): void {
    const st = this.st;
    if (st.hardTotal < this.bestHard || (st.hardTotal === this.bestHard && st.softTotal < this.bestSoft)) {
      if (this.bestHard > 0 && st.hardTotal === 0) this.o.onFeasible?.();
      if (st.hardTotal < this.bestHard) {
        this.lastBestAt = performance.now();
        this.lastBestStep = this.steps;
      }
      this.bestHard = st.hardTotal;
      this.bestSoft = st.softTotal;
      this.bestSlot.set(st.slot);
      this.bestRoom.set(st.room);
    }
  }

  /**
   * Out of a stall: back to the best timetable, and one of its sessions in violation (an unplaced
   * one while there are any) gets a day cleared for it: every free session sharing a faculty
   * member or a student set with it on a random day it may start on is taken out, so that the
   * search places that day's sessions afresh (and the tight sets' free periods line up anew).
   */
  private kick(): void {
    const st = this.st;
    const p = st.problem;
    const m = this.m;
    this.lastKick = this.steps;
    this.kicks++;
    this.restoreBest();
    // The last unplaced session, placed by a day rebuilt around it (from the best, a new best).
    if (this.rebuild !== null && st.hardTotal <= REBUILD_HARD) {
      let placed = false;
      for (let s = 0; s < st.problem.nSessions; s++)
        if (st.active[s] === 0 && this.free[s] === 1 && this.rebuildDay(s)) placed = true;
      if (placed) {
        this.keepBest();
        return;
      }
    }
    const s = this.pick();
    if (s < 0) return;
    const c = p.sessionCourse[s];
    const o = m.courseStarts.offsets;
    if (o[c + 1] === o[c]) return;
    const day = (m.courseStarts.items[o[c] + this.rng.int(o[c + 1] - o[c])] / p.nPeriods) | 0;
    forDayMates(st, c, day, s, (x) => {
      if (this.free[x] === 1) st.move(x, -1, -1);
    });
  }

  /**
   * Place unplaced session s by rebuilding one of its days (dayRebuild.ts), the days tried from a
   * random one on; true when one was (the state has lower hard cost).
   */
  private rebuildDay(s: number): boolean {
    const rb = this.rebuild;
    if (rb === null) return false;
    const nDays = this.st.problem.nDays;
    const d0 = this.rng.int(nDays);
    for (let i = 0; i < nDays; i++)
      if (rb.tryDay(s, (d0 + i) % nDays)) {
        this.rebuilds++;
        return true;
      }
    return false;
  }

  /**
   * Does a session of course c at t end where a listed course must end that day (packedDayEnds)?
   * True when nothing is forced.
   */
  private endsWhereForced(c: number, t: number): boolean {
    const e = this.dayEnd;
    if (e === null) return true;
    const p = this.st.problem;
    const day = (t / p.nPeriods) | 0;
    const q = e[c * p.nDays + day];
    return q < 0 || (t % p.nPeriods) + spanAt(p, c, t) - 1 === q;
  }

  /** Forbid s to start at t again for a while. */
  private tabu(s: number, t: number): void {
    this.tabuUntil[s * this.st.problem.nSlots + t] = this.steps + TABU_MIN + this.rng.int(TABU_SPREAD);
  }
}
