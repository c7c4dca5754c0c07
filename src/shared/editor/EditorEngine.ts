// The Timetable screen's model, run in a Web Worker so the page never waits for it: the college
// compiled once, the timetable being edited in an IncrementalState, and every question the editor
// asks of them (where may this go, may these two swap, which chains exist, what is broken).
import { compile } from '../compiled/compile.ts';
import { lockedSessions, timetableToPlacement } from '../compiled/placement.ts';
import type { CompiledProblem } from '../compiled/types.ts';
import { evaluate } from '../eval/evaluate.ts';
import { studentClashes, type StudentClashes } from '../eval/studentClashes.ts';
import { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { buildState, PLACED } from '../eval/state.ts';
import { HARD_KINDS, SOFT_KINDS, type HardKind, type Placement, type SoftKind } from '../eval/types.ts';
import type { College, Timetable } from '../model/types.ts';
import type {
  Details,
  EditorNames,
  EngineLoad,
  EngineUpdate,
  PlaceChange,
  Positions,
  Totals,
  VersionPositions,
} from './engineTypes.ts';
import { groupYear } from './groupYear.ts';
import { checkMoves, type SlotCheck } from './moveCheck.ts';
import { collegeNaming, type Naming } from './naming.ts';
import { chainSuggestions, checkSwap, type ChainSuggestion, type MovesCheck } from './swap.ts';

/** Hard violations listed in the side panel at most (the count is always exact). */
export const MAX_LISTED = 500;

function namesOf(college: College): EditorNames {
  return {
    institution: college.calendar.institution,
    periods: college.periods.map((p) => ({ label: p.label, start: p.start, end: p.end })),
    courseName: college.courses.map((c) => c.name),
    facultyName: college.faculty.map((f) => f.name),
    facultyDepartment: college.faculty.map((f) => f.department),
    groupName: college.groups.map((g) => g.name),
    groupDepartment: college.groups.map((g) => g.department ?? ''),
    groupYear: college.groups.map((g) => groupYear(g.id, g.name)),
    roomName: college.rooms.map((r) => r.name),
  };
}

function totalsOf(hard: ArrayLike<number>, soft: ArrayLike<number>): Totals {
  const h = Object.fromEntries(HARD_KINDS.map((k, i) => [k, hard[i]])) as Record<HardKind, number>;
  const s = Object.fromEntries(SOFT_KINDS.map((k, i) => [k, soft[i]])) as Record<SoftKind, number>;
  let hardTotal = 0;
  let softTotal = 0;
  for (let i = 0; i < hard.length; i++) hardTotal += hard[i];
  for (let i = 0; i < soft.length; i++) softTotal += soft[i];
  return { hardTotal, softTotal, hard: h, soft: s };
}

/** Positions as the evaluator reads a placement (placed or not, periods held), without costs. */
function positionsOf(problem: CompiledProblem, placement: Placement, locked: Uint8Array): Positions {
  const st = buildState(problem, placement);
  return {
    slot: placement.slot.slice(),
    room: placement.room.slice(),
    active: st.status.map((x) => (x === PLACED ? 1 : 0)),
    span: st.span,
    locked: locked.slice(),
  };
}

export class EditorEngine {
  private college: College | null = null;
  private problem: CompiledProblem | null = null;
  private naming: Naming | null = null;
  /** The timetable being edited; its incremental state is built on first need (see totals). */
  private placement: Placement | null = null;
  private state: IncrementalState | null = null;
  private locked: Uint8Array = new Uint8Array(0);

  /**
   * Parses and compiles the college (JSON text); then loads the timetable as loadTimetable does.
   * Returns what the page shows first; the costs follow from totals().
   */
  load(collegeJson: string, timetableJson: string): EngineLoad {
    const college = JSON.parse(collegeJson) as College;
    const problem = compile(college);
    this.college = college;
    this.problem = problem;
    this.naming = collegeNaming(problem, college);
    return { problem, names: namesOf(college), positions: this.loadTimetable(timetableJson) };
  }

  /** Loads another timetable of the same college (JSON text) for editing; its positions. */
  loadTimetable(timetableJson: string): Positions {
    const { problem } = this.needCollege();
    const timetable = JSON.parse(timetableJson) as Timetable;
    this.placement = timetableToPlacement(problem, timetable);
    this.state = null;
    this.locked = lockedSessions(problem, timetable);
    return positionsOf(problem, this.placement, this.locked);
  }

  /** The costs of the timetable being edited (builds its incremental state the first time). */
  totals(): Totals {
    const { state } = this.need();
    return totalsOf(state.hard, state.soft);
  }

  /** Applies an edit: each session to its new place and lock. */
  apply(changes: readonly PlaceChange[]): EngineUpdate {
    const { state } = this.need();
    for (const c of changes) {
      state.move(c.session, c.slot, c.room);
      this.locked[c.session] = c.locked ? 1 : 0;
    }
    return this.update();
  }

  /** Every start slot of the week for session s (into `room` when given): allowed, or why not. */
  checkMoves(s: number, room: number): SlotCheck[] {
    const { state, naming } = this.need();
    return checkMoves(state, s, room, naming);
  }

  /** May sessions a and b exchange their times? */
  checkSwap(a: number, b: number): MovesCheck {
    const { state, naming, problem } = this.need();
    const result = checkSwap(state, a, b, naming);
    const locked = [a, b].filter((s) => this.locked[s] === 1);
    if (locked.length > 0)
      result.reasons.unshift(
        ...locked.map((s) => `${problem.courseIds[problem.sessionCourse[s]]} is locked`),
      );
    return result;
  }

  /** Swap chains that take session s to another slot without breaking a hard constraint. */
  chains(s: number): ChainSuggestion[] {
    const { state, naming } = this.need();
    return chainSuggestions(state, s, this.locked, naming);
  }

  /** The hard violations in words, for the side panel. */
  details(): Details {
    const { state, problem } = this.need();
    if (state.hardTotal === 0) return { hard: [], hardCount: 0 };
    const evaluation = evaluate(problem, state.snapshot());
    const hard = evaluation.violations.filter((v) => v.hard);
    return { hard: hard.slice(0, MAX_LISTED), hardCount: hard.length };
  }

  /**
   * The students double-booked in the timetable being edited (counts and course pairs, as
   * studentClashes words them), counted here so the page's thread never does it.
   */
  studentClashes(): StudentClashes {
    const { state, problem } = this.need();
    return studentClashes(problem, { slot: state.slot, room: state.room });
  }

  /** Another version's positions and cost (JSON text), for comparing two versions on the grid. */
  version(timetableJson: string): VersionPositions {
    const { problem } = this.needCollege();
    const timetable = JSON.parse(timetableJson) as Timetable;
    const placement = timetableToPlacement(problem, timetable);
    const positions = positionsOf(problem, placement, lockedSessions(problem, timetable));
    const ev = evaluate(problem, placement, { details: false });
    return {
      positions,
      totals: { hardTotal: ev.hardTotal, softTotal: ev.softTotal, hard: ev.hard, soft: ev.soft },
    };
  }

  private update(): EngineUpdate {
    const { state } = this.need();
    return {
      positions: {
        slot: state.slot.slice(),
        room: state.room.slice(),
        active: state.active.slice(),
        span: state.span.slice(),
        locked: this.locked.slice(),
      },
      totals: totalsOf(state.hard, state.soft),
    };
  }

  private needCollege(): { college: College; problem: CompiledProblem; naming: Naming } {
    if (!this.college || !this.problem || !this.naming) throw new Error('The editor has no college loaded.');
    return { college: this.college, problem: this.problem, naming: this.naming };
  }

  private need(): { college: College; problem: CompiledProblem; naming: Naming; state: IncrementalState } {
    const college = this.needCollege();
    if (!this.placement) throw new Error('The editor has no timetable loaded.');
    this.state ??= new IncrementalState(college.problem, this.placement);
    return { ...college, state: this.state };
  }
}
