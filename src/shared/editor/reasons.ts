// Why a move (or a swap, or a swap chain) breaks hard constraints, in plain words naming who and
// what: the clashing course and the teacher, group or room it shares; the room that is too small or
// of the wrong type; the teacher who is away; the limit that would be passed and whose it is; the
// rule that would break. Read from the state with the moves applied (then taken back).
import { ruleWatches } from '../compiled/ruleWatch.ts';
import type { CompiledRule } from '../compiled/types.ts';
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import type { EvalState } from '../eval/state.ts';
import { EvalSink } from '../eval/sink.ts';
import { checkRules } from '../eval/rules.ts';
import { sessionName, slotName } from '../eval/describe.ts';
import type { HardKind } from '../eval/types.ts';
import type { Naming } from './naming.ts';
import { limitFindings, worsened } from './limits.ts';
import { withMoves, type Move } from './trial.ts';

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

/** Who session s meets at its (applied) place: shared teachers, groups and its room. */
function clashReasons(
  state: IncrementalState,
  s: number,
  kinds: Set<HardKind>,
  naming: Naming,
  out: Set<string>,
): void {
  const p = state.problem;
  const c = p.sessionCourse[s];
  if (state.active[s] !== 1) return;
  const room = state.room[s];
  for (let t = state.slot[s]; t < state.slot[s] + state.span[s]; t++) {
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
            out.add(`${naming.faculty(f)} already teaches ${other} then`);
        }
      }
      if (kinds.has('group_clash') && c2 !== c) {
        const so = p.courseStudentSets.offsets;
        for (let k = so[c]; k < so[c + 1]; k++) {
          const set = p.courseStudentSets.items[k];
          if (csrHas(so, p.courseStudentSets.items, c2, set)) {
            out.add(`group ${naming.group(listedGroupOf(state, c2, set))} already has ${other} then`);
            break;
          }
        }
      }
      if (kinds.has('room_clash') && state.room[x] === room)
        out.add(`room ${naming.room(room)} is taken by ${other} then`);
    }
  }
}

/** What is wrong with session s's (applied) place on its own: time, room, availability, pinning. */
function placeReasons(
  state: IncrementalState,
  m: Move,
  kinds: Set<HardKind>,
  naming: Naming,
  out: Set<string>,
): void {
  const p = state.problem;
  const s = m.session;
  const c = p.sessionCourse[s];
  const course = p.courseIds[c];
  const len = p.courseLength[c];
  const { slot, room } = m;
  const period = slot % p.nPeriods;
  const span = Math.min(len, p.nPeriods - period);
  const when = slotName(p, slot);
  if (kinds.has('unplaced') && state.active[s] !== 1)
    out.add(`another session of ${course} already starts at ${when}`);
  if (kinds.has('outside_block')) {
    let crosses = span < len;
    for (let q = period; !crosses && q < period + len - 1; q++) crosses = p.adjacentToNext[q] === 0;
    if (crosses)
      out.add(
        `${course} lasts ${len} periods: from ${when} it would run across a break or past the day's end`,
      );
  }
  if (kinds.has('course_unavailable') && p.courseStartOff[c * p.nSlots + slot] === 1)
    out.add(`${course} may not start at ${when}: it is not one of the starts the course lists`);
  if (room < 0) return;
  const where = `room ${naming.room(room)}`;
  if (kinds.has('room_type') && p.roomType[room] !== p.courseRoomType[c])
    out.add(
      `${where} is a ${p.roomTypes[p.roomType[room]]} room; ${course} needs a ${p.roomTypes[p.courseRoomType[c]]} room`,
    );
  if (kinds.has('room_not_allowed') && !csrHas(p.courseRooms.offsets, p.courseRooms.items, c, room))
    out.add(`${where} is not one of the rooms ${course} may use`);
  if (kinds.has('room_capacity') && p.roomCapacity[room] < p.courseStudents[c])
    out.add(`${where} has ${p.roomCapacity[room]} seats; ${course} has ${p.courseStudents[c]} students`);
  for (let t = slot; t < slot + span; t++) {
    const at = slotName(p, t);
    if (kinds.has('room_unavailable') && p.roomUnavailable[room * p.nSlots + t] === 1)
      out.add(`${where} is not available at ${at}`);
    if (kinds.has('course_unavailable') && p.courseUnavailable[c * p.nSlots + t] === 1)
      out.add(`${course} may not be taught at ${at}`);
    if (kinds.has('faculty_unavailable'))
      for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
        const f = p.courseFaculty.items[i];
        if (p.facultyUnavailable[f * p.nSlots + t] === 1)
          out.add(`${naming.faculty(f)} is not available at ${at}`);
      }
  }
  if (kinds.has('fixed_moved') && p.sessionFixedSlot[s] >= 0) {
    const fixedRoom = p.sessionFixedRoom[s];
    if (p.sessionFixedSlot[s] !== slot || (fixedRoom >= 0 && fixedRoom !== room))
      out.add(
        `${sessionName(p, s)} is fixed to ${slotName(p, p.sessionFixedSlot[s])}${fixedRoom >= 0 ? ` in room ${naming.room(fixedRoom)}` : ''} (the Fixed sheet)`,
      );
  }
}

/** The hard rules' violations the given courses' sessions take part in, as the evaluator words them. */
function ruleMessages(state: IncrementalState, courses: ReadonlySet<number>): Set<string> {
  const p = state.problem;
  // A rule reads its members, and ends_day also their students' other courses (ruleWatch.ts).
  const named = (r: CompiledRule): boolean => r.hard && ruleWatches(p, r).some((c) => courses.has(c));
  const rules = p.rules.filter(named);
  const sessionRules = (p.sessionRules ?? []).filter(named);
  if (rules.length + sessionRules.length === 0) return new Set();
  const view: EvalState = {
    p: { ...p, rules, sessionRules },
    slot: state.slot,
    room: state.room,
    status: state.active,
    span: state.span,
    slotOffsets: new Int32Array(p.nSlots + 1),
    slotItems: new Int32Array(0),
  };
  const sink = new EvalSink(true);
  checkRules(view, sink);
  return new Set(sink.result().violations.map((v) => v.message));
}

const LIMIT_KINDS: readonly HardKind[] = [
  'faculty_max_per_day',
  'faculty_max_per_week',
  'faculty_max_days',
  'faculty_max_gaps',
  'faculty_max_gaps_per_week',
  'faculty_min_per_day',
  'faculty_min_days',
  'faculty_max_continuous',
  'group_max_per_day',
  'group_min_per_day',
  'group_max_gaps',
  'group_max_gaps_per_week',
  'group_max_continuous',
  'group_max_late_starts',
  'faculty_max_span',
  'group_max_span',
  'faculty_min_rest',
  'group_min_rest',
  'faculty_max_building_changes',
  'faculty_max_building_changes_per_week',
  'faculty_min_building_gaps',
  'group_max_building_changes',
  'group_max_building_changes_per_week',
  'group_min_building_gaps',
];

/**
 * Plain-words reasons why `moves` break the hard kinds `kinds` (from tryMoves). The state is left
 * unchanged. Never empty when `kinds` is not.
 */
export function explainMoves(
  state: IncrementalState,
  moves: readonly Move[],
  kinds: Set<HardKind>,
  naming: Naming,
): string[] {
  if (kinds.size === 0) return [];
  const p = state.problem;
  const courses = [...new Set(moves.map((m) => p.sessionCourse[m.session]))];
  const limits = LIMIT_KINDS.some((k) => kinds.has(k));
  const limitsBefore = limits ? limitFindings(state, courses, naming) : null;
  const rulesBefore = kinds.has('rule') ? ruleMessages(state, new Set(courses)) : null;
  const out = new Set<string>();
  withMoves(state, moves, () => {
    for (const m of moves) {
      clashReasons(state, m.session, kinds, naming, out);
      placeReasons(state, m, kinds, naming, out);
    }
    if (limitsBefore)
      for (const text of worsened(limitsBefore, limitFindings(state, courses, naming))) out.add(text);
    if (rulesBefore) {
      // The rules broken there: those the move newly breaks, else (a rule broken before and still
      // broken at the target) every broken rule of these courses, so the reason is never generic.
      const after = [...ruleMessages(state, new Set(courses))];
      const fresh = after.filter((text) => !rulesBefore.has(text));
      for (const text of fresh.length > 0 ? fresh : after) out.add(text);
    }
  });
  if (out.size === 0) out.add(`it breaks a hard constraint (${[...kinds].join(', ').replace(/_/g, ' ')})`);
  return [...out];
}
