// What the editor engine (run in a Web Worker by the Timetable screen) hands to the page: plain
// data and typed arrays, copied across by structured clone.
import type { CompiledProblem } from '../compiled/types.ts';
import type { HardKind, SoftKind, Violation } from '../eval/types.ts';
import type { Move } from './trial.ts';

export interface EditorNames {
  institution: string;
  periods: Array<{ label: string; start: string; end: string }>;
  courseName: string[];
  facultyName: string[];
  facultyDepartment: string[];
  groupName: string[];
  groupDepartment: string[];
  /** Year of study read from the group's name or id (groupYear.ts), 0 = unknown. */
  groupYear: number[];
  roomName: string[];
}

export interface Totals {
  hardTotal: number;
  softTotal: number;
  hard: Record<HardKind, number>;
  soft: Record<SoftKind, number>;
}

/** Where every session is: start slot and room (-1 = none), placed or not, periods held, locked. */
export interface Positions {
  slot: Int32Array;
  room: Int32Array;
  active: Uint8Array;
  span: Int32Array;
  locked: Uint8Array;
}

export interface EngineLoad {
  problem: CompiledProblem;
  names: EditorNames;
  positions: Positions;
}

export interface EngineUpdate {
  positions: Positions;
  totals: Totals;
}

/** A session's new place (and lock) in an edit. */
export interface PlaceChange extends Move {
  locked: boolean;
}

export interface Details {
  /** Hard violations as the evaluator words them (the first MAX_LISTED), with their sessions. */
  hard: Violation[];
  hardCount: number;
}

/** Another version of the timetable, for comparing on the grid. */
export interface VersionPositions {
  positions: Positions;
  totals: Totals;
}
