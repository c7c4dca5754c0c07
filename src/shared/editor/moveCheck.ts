// Where may a session go? For every start slot of the week: the cost change of moving the session
// there (keeping its room when that room is free and allowed, otherwise the best allowed free room)
// and, when the move breaks a hard constraint, the reasons in plain words, naming the clashing
// course, faculty, group or room. Tried on the incremental state (save, move, read, move back,
// restore), so the answer is exactly what `evaluate` would say about the moved timetable.
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { HARD_KINDS } from '../eval/types.ts';
import type { HardKind } from '../eval/types.ts';
import { slotName } from '../eval/describe.ts';
import { RULE_EXPLANATION } from '../eval/rules.ts';

export interface SlotCheck {
  /** The room the session would use there (index), -1 when the course has no room at all. */
  room: number;
  hardDelta: number;
  softDelta: number;
  /** Empty when the move breaks no hard constraint. */
  reasons: string[];
}

const GENERIC: Partial<Record<HardKind, string>> = {
  unplaced: 'another session of the course already starts here',
  outside_block: 'the session would run past the end of the day or across a break',
  room_type: 'the room is of the wrong type for this course',
  room_not_allowed: 'the room is not in the course\u2019s allowed rooms',
  room_capacity: 'the room is too small for the course',
  faculty_unavailable: 'a teacher of the course is not available then',
  room_unavailable: 'the room is not available then',
  course_unavailable: 'the course may not be taught then',
  faculty_max_per_day: 'a teacher would exceed their sessions per day',
  faculty_max_per_week: 'a teacher would exceed their sessions per week',
  faculty_max_days: 'a teacher would teach on more days than allowed',
  faculty_max_gaps: 'a teacher would have more gaps in the day than allowed',
  group_max_per_day: 'a group would exceed its sessions per day',
  group_min_per_day: 'a group would fall below its sessions per day',
  group_max_gaps: 'a group would have more gaps in the day than allowed',
  fixed_moved: 'the session is fixed to another time or room',
  rule: 'a scheduling rule would be broken',
};

function csrHas(offsets: Int32Array, items: Int32Array, row: number, value: number): boolean {
  for (let i = offsets[row]; i < offsets[row + 1]; i++) if (items[i] === value) return true;
  return false;
}

/** The group listed on course c that student set `set` belongs to (the set's own group if none). */
function listedGroupOf(state: IncrementalState, c: number, set: number): number {
  const p = state.problem;
  for (let i = p.courseGroups.offsets[c]; i < p.courseGroups.offsets[c + 1]; i++) {
    const listed = p.courseGroups.items[i];
    for (let g = p.setGroup[set]; g >= 0; g = p.groupParent[g]) if (g === listed) return listed;
  }
  return p.setGroup[set];
}

/** Periods [slot, slot + span) within the day that a session of `length` starting at `slot` covers. */
function spanAt(state: IncrementalState, slot: number, length: number): number {
  const p = state.problem;
  return Math.min(length, p.nPeriods - (slot % p.nPeriods));
}

function roomFree(state: IncrementalState, s: number, room: number, slot: number, span: number): boolean {
  const p = state.problem;
  for (let t = slot; t < slot + span; t++) {
    const own =
      state.active[s] === 1 &&
      state.room[s] === room &&
      t >= state.slot[s] &&
      t < state.slot[s] + state.span[s];
    if (state.roomOcc[room * p.nSlots + t] - (own ? 1 : 0) > 0) return false;
  }
  return true;
}

/** How many of the free rooms that fit are tried per slot. */
const FITTING_TRIED = 4;

/** Is room r big enough for course c and available for the whole session? */
function fits(state: IncrementalState, c: number, r: number, slot: number, span: number): boolean {
  const p = state.problem;
  if (p.roomCapacity[r] < p.courseStudents[c]) return false;
  for (let t = slot; t < slot + span; t++) if (p.roomUnavailable[r * p.nSlots + t] === 1) return false;
  return true;
}

/** Plain-words clashes of session s placed at (slot, room): who it meets there. */
function clashReasons(
  state: IncrementalState,
  s: number,
  slot: number,
  room: number,
  kinds: Set<HardKind>,
): string[] {
  const p = state.problem;
  const c = p.sessionCourse[s];
  const span = spanAt(state, slot, p.courseLength[c]);
  const out = new Set<string>();
  for (let t = slot; t < slot + span; t++) {
    const base = t * state.slotCap;
    for (let i = 0; i < state.slotCount[t]; i++) {
      const x = state.slotList[base + i];
      if (x === s) continue;
      const c2 = p.sessionCourse[x];
      const other = p.courseIds[c2];
      if (kinds.has('faculty_clash')) {
        const fo = p.courseFaculty.offsets;
        for (let k = fo[c]; k < fo[c + 1]; k++) {
          const f = p.courseFaculty.items[k];
          if (csrHas(fo, p.courseFaculty.items, c2, f))
            out.add(`${p.facultyIds[f]} already teaches ${other} then`);
        }
      }
      if (kinds.has('group_clash') && c2 !== c) {
        const so = p.courseStudentSets.offsets;
        for (let k = so[c]; k < so[c + 1]; k++) {
          const set = p.courseStudentSets.items[k];
          if (csrHas(so, p.courseStudentSets.items, c2, set)) {
            out.add(`group ${p.groupIds[listedGroupOf(state, c2, set)]} already has ${other} then`);
            break;
          }
        }
      }
      if (kinds.has('room_clash') && state.room[x] === room)
        out.add(`room ${p.roomIds[room]} is taken by ${other} then`);
    }
  }
  return [...out];
}

/** The hard rules whose count rises, in plain words: which rule row, which courses, what it asks. */
function ruleReasons(state: IncrementalState, rules: Int32Array, ruleIncrease: Float64Array): string[] {
  const p = state.problem;
  const out: string[] = [];
  rules.forEach((i, j) => {
    const rule = p.rules[i];
    if (!rule.hard || ruleIncrease[j] <= 0) return;
    const ids = [...new Set(Array.from(rule.courses, (c) => p.courseIds[c]))].join(', ');
    out.push(`rule ${rule.source + 1} (${rule.kind} of ${ids}): the sessions ${RULE_EXPLANATION[rule.kind]}`);
  });
  return out;
}

/**
 * Moves s to (slot, room) and back. Returns the hard and soft change against the current timetable
 * and fills `increase` with what placing s there adds per hard kind compared with s not placed at
 * all, so a clash at the target counts even when the move also ends a clash at the source.
 */
function trial(
  state: IncrementalState,
  s: number,
  slot: number,
  room: number,
  increase: Float64Array,
  ruleIncrease?: Float64Array,
): [number, number] {
  const s0 = state.slot[s];
  const r0 = state.room[s];
  const h0 = state.hardTotal;
  const f0 = state.softTotal;
  const rules = state.rules.rulesOf(state.problem.sessionCourse[s]);
  state.save();
  state.move(s, -1, -1);
  increase.set(state.hard);
  if (ruleIncrease) for (let i = 0; i < rules.length; i++) ruleIncrease[i] = -state.rules.costOf(rules[i]);
  state.move(s, slot, room);
  const result: [number, number] = [state.hardTotal - h0, state.softTotal - f0];
  for (let k = 0; k < increase.length; k++) increase[k] = state.hard[k] - increase[k];
  if (ruleIncrease) for (let i = 0; i < rules.length; i++) ruleIncrease[i] += state.rules.costOf(rules[i]);
  state.move(s, s0, r0);
  state.restore(h0, f0);
  return result;
}

/**
 * The check of moving session s to start at `slot` (see SlotCheck), into `room` when given (a drop
 * on a room's week), else into the room chosen as described above. The state is left unchanged.
 */
export function checkSlot(state: IncrementalState, s: number, slot: number, room = -1): SlotCheck {
  const p = state.problem;
  const c = p.sessionCourse[s];
  const span = spanAt(state, slot, p.courseLength[c]);
  const increase = new Float64Array(HARD_KINDS.length);
  const current = state.room[s];
  const ro = p.courseRooms.offsets;
  const allowed = (r: number): boolean => csrHas(ro, p.courseRooms.items, c, r);
  let best = -1;
  let bestCost: [number, number] = [Infinity, Infinity];
  const consider = (r: number): void => {
    const cost = trial(state, s, slot, r, increase);
    if (cost[0] < bestCost[0] || (cost[0] === bestCost[0] && cost[1] < bestCost[1])) {
      best = r;
      bestCost = cost;
    }
  };
  if (room >= 0) best = room;
  else if (current >= 0 && allowed(current) && roomFree(state, s, current, slot, span)) best = current;
  else {
    // Free allowed rooms; those big enough and available then are tried first, the course's own
    // rooms and the tightest fits ahead, a few of them (a college has hundreds of rooms).
    const free: number[] = [];
    for (let i = ro[c]; i < ro[c + 1]; i++) {
      const r = p.courseRooms.items[i];
      if (roomFree(state, s, r, slot, span)) free.push(r);
    }
    const fitting = free.filter((r) => fits(state, c, r, slot, span));
    if (fitting.length > 0) {
      const used = (r: number): number => (state.courseRoomCount[c * p.nRooms + r] > 0 ? 0 : 1);
      fitting.sort((a, b) => used(a) - used(b) || p.roomCapacity[a] - p.roomCapacity[b]);
      for (const r of fitting.slice(0, FITTING_TRIED)) consider(r);
    } else for (const r of free) consider(r);
    // No free allowed room: stay in the current one (the clash is then the reason).
    if (best < 0) best = current >= 0 ? current : ro[c + 1] > ro[c] ? p.courseRooms.items[ro[c]] : -1;
  }
  if (best < 0)
    return { room: -1, hardDelta: 0, softDelta: 0, reasons: ['the course has no room it may use'] };
  const rules = state.rules.rulesOf(c);
  const ruleIncrease = new Float64Array(rules.length);
  const [hardDelta, softDelta] = trial(state, s, slot, best, increase, ruleIncrease);
  const kinds = new Set<HardKind>();
  HARD_KINDS.forEach((k, i) => {
    // Placing normally ends `unplaced` (-1); not so when another session of the course starts there.
    if (increase[i] > 0 || (k === 'unplaced' && increase[i] > -1)) kinds.add(k);
  });
  const reasons: string[] = [];
  if (kinds.size > 0) {
    reasons.push(...clashReasons(state, s, slot, best, kinds));
    const named = kinds.has('rule') ? ruleReasons(state, rules, ruleIncrease) : [];
    reasons.push(...named);
    for (const k of kinds) {
      if (k === 'rule' && named.length > 0) continue;
      const text = GENERIC[k];
      if (text) reasons.push(text);
    }
    if (reasons.length === 0) reasons.push(`it breaks a hard constraint at ${slotName(p, slot)}`);
  }
  return { room: best, hardDelta, softDelta, reasons };
}

/** The check of every start slot of the week for session s (into `room` when given), indexed by slot. */
export function checkMoves(state: IncrementalState, s: number, room = -1): SlotCheck[] {
  const out: SlotCheck[] = [];
  for (let t = 0; t < state.problem.nSlots; t++) out.push(checkSlot(state, s, t, room));
  return out;
}
