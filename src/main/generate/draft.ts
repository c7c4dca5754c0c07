// The generator's working state: the college being built, with integer indices that the planting
// step works on, before it is turned into the workbook model.
import type { RuleKind, SlotRef } from '../../shared/model/types.ts';
import type { Preset } from './presets.ts';
import type { Rng } from './rng.ts';

export type OfferingKind = 'theory' | 'lab' | 'tutorial' | 'prelab' | 'elective' | 'open' | 'minor';

export interface Offering {
  index: number;
  id: string;
  name: string;
  /** Subject code shared by the sections that take the same subject. */
  subject: string;
  dept: string;
  kind: OfferingKind;
  year: number;
  /** Faculty indices. */
  faculty: number[];
  /** Group ids listed on the course. */
  groups: string[];
  /** Leaf-group indices attending (through the listed groups). */
  leaves: number[];
  sessions: number;
  length: number;
  roomType: string;
  /** Allowed room indices; empty = every room of the type. */
  rooms: number[];
  /** Head count the room must hold. */
  size: number;
  /** Preferred room (a section's home classroom), or -1. */
  homeRoom: number;
  /** Planted start slot and room per session; -1 = not placed. */
  slot: number[];
  room: number[];
  /** Bit d set when a planted session falls on day d. */
  daysUsed: number;
}

export interface UnitMember {
  off: Offering;
  /** 0-based session number. */
  session: number;
  /** Start offset in periods from the unit's start slot. */
  offset: number;
  /** Leaves kept free while this member runs (students away at an elective), beyond the course's own. */
  extraLeaves: number[];
}

/** Sessions placed together: same start (parallel sections) or back to back (theory then lab). */
export interface Unit {
  members: UnitMember[];
  /** Lower = placed earlier. */
  stage: number;
  /** Leaves whose free slots attract this unit (minors prefer slots their students have free). */
  attractLeaves: number[];
}

export interface DraftGroup {
  id: string;
  name: string;
  size: number;
  dept: string;
  parent?: string;
  /** Leaf indices at or below this group. */
  leaves: number[];
  year: number;
}

export interface DraftStudent {
  id: string;
  name: string;
  /** Section id then lab batch id (when the section has batches). */
  groups: string[];
  leaf: number;
  dept: string;
  year: number;
  postgraduate: boolean;
}

export interface DraftFaculty {
  id: string;
  name: string;
  dept: string;
  email: string;
  /** Assigned teaching periods per week. */
  load: number;
}

export interface DraftRoom {
  id: string;
  name: string;
  capacity: number;
  type: string;
  building: string;
}

export interface DraftRule {
  kind: RuleKind;
  offerings: Offering[];
  hard: boolean;
  weight: number;
  value?: number;
  /** Per offering, the one session (0-based) the rule names (`course_id#k`); undefined = the whole course. */
  sessions?: Array<number | undefined>;
  /** The slot-list kinds (max_slots, …, preferred_slots): the rule's slot list. */
  slots?: SlotRef[];
  /** not_overlapping_parts: the part of each offering. */
  parts?: number[];
}

export interface Draft {
  preset: Preset;
  rng: Rng;
  institution: string;
  days: string[];
  nPeriods: number;
  nSlots: number;
  /** blockOf[p]: index of the block of adjacent periods containing period p. */
  blockOf: number[];
  departments: Array<{ code: string; name: string; labType?: string; programme: boolean }>;
  groups: DraftGroup[];
  /** Group id of each leaf index. */
  leafGroup: string[];
  students: DraftStudent[];
  faculty: DraftFaculty[];
  rooms: DraftRoom[];
  offerings: Offering[];
  units: Unit[];
  rules: DraftRule[];
  /** Elective choices: student index -> offering. */
  enrollments: Array<{ student: number; off: Offering }>;
  /** Calendar days_per_term, set with the term rules (plantedFetRules.ts). */
  daysPerTerm?: number;
}

export function fitsBlock(d: Draft, slot: number, length: number): boolean {
  const p = slot % d.nPeriods;
  return p + length <= d.nPeriods && d.blockOf[p] === d.blockOf[p + length - 1];
}
