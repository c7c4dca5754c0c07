// The types the FET constraint mapping shares: the context a constraint handler records into (read
// back by build.ts), the limits it collects per teacher and subgroup, and a mapping row's shape.
import type { RuleKind, SlotRef } from '../../../shared/model/index.ts';
import type { XmlElement } from './xml.ts';
import type { FetActivity } from './read.ts';

/** A FET time slot: day index x number of hours + hour index (FET's own hours, breaks included). */
export type FetSlot = number;

export type Outcome = 'mapped' | 'weakened' | 'dropped';

export interface TeacherLimits {
  maxPerDay?: number;
  maxDays?: number;
  maxGapsPerDay?: number;
  maxGapsPerWeek?: number;
  minPerDay?: number;
  minDays?: number;
  maxContinuous?: number;
  maxSpan?: number;
  minRest?: number;
  maxBuildingChangesPerDay?: number;
  maxBuildingChangesPerWeek?: number;
  minGapsBetweenBuildingChanges?: number;
}
export interface SubgroupLimits {
  maxPerDay?: number;
  minPerDay?: number;
  maxGapsPerDay?: number;
  maxGapsPerWeek?: number;
  maxContinuous?: number;
  maxLateStarts?: number;
  maxSpan?: number;
  minRest?: number;
  maxBuildingChangesPerDay?: number;
  maxBuildingChangesPerWeek?: number;
  minGapsBetweenBuildingChanges?: number;
}

/** A relation between activities that becomes a Rule once activities are grouped into courses. */
export interface Relation {
  fetKind: string;
  kind: 'pairwise' | 'whole';
  rule: RuleKind | 'min_days';
  activities: number[];
  hard: boolean;
  weight: number;
  value?: number;
  /** Set when FET says more than the rule can. */
  weakened?: string;
  /**
   * Min days between activities with "consecutive if on the same day" below 100 %: FET keeps the
   * activities that share a day back to back at any weight (Rules adjacent_if_same_day, hard).
   */
  adjacentIfSameDay?: boolean;
  /** The slot-list kinds (max_slots, …, preferred_slots): FET's slots (build.ts turns them into `refs`). */
  slots?: FetSlot[];
  refs?: SlotRef[];
  /** not_overlapping_parts: the part of each of `activities` (FET's activity tag, by its place in the list). */
  parts?: number[];
  /** Counted once for its FET constraint, which became several relations (one per teacher or subgroup). */
  noted?: boolean;
}

export interface FetContext {
  activityById: Map<number, FetActivity>;
  /** Component number (1-based) of an activity within its split activity. */
  component: Map<number, number>;
  /** Times named in `el`'s children `item` (each with a `dayTag` and an `hourTag`). */
  slots(el: XmlElement, item: string, dayTag: string, hourTag: string): FetSlot[];
  /** The slots of one day and hour name (an empty name = every day, or every hour). */
  timeSlots(el: XmlElement, day: string, hour: string): FetSlot[];
  hoursPerDay: number;
  /** Mornings-afternoons mode: a day's hours are a morning's then an afternoon's, this many each. */
  mornAft?: { hoursPerHalf: number };
  /** The file is in Terms mode (Calendar days_per_term). */
  hasTerms: boolean;
  /** FET's activity filter (teacher, students, subject, activity tag, duration; empty = any). */
  matching(el: XmlElement): FetActivity[];
  /** Activities listed by `Activity_Id` children (unknown or inactive ones skipped). */
  listed(el: XmlElement, tag?: string): number[];
  atomicOf(studentsSet: string): string[];
  allTeachers: string[];
  allSubgroups: string[];
  breaks: Set<FetSlot>;
  allowStart: Map<number, Set<FetSlot>>;
  allowOccupy: Map<number, Set<FetSlot>>;
  forbidOccupy: Map<number, Set<FetSlot>>;
  fixedStart: Map<number, { day: number; hour: number }>;
  /** ActivityPreferredRoom at 100 %: becomes the fixed room when the activity's time is fixed too. */
  singleRoom: Map<number, string>;
  roomSets: Map<number, Set<string>>;
  homeRooms: Map<number, Set<string>>;
  teacherLimits: Map<string, TeacherLimits>;
  teacherUnavailable: Map<string, Set<FetSlot>>;
  subgroupLimits: Map<string, SubgroupLimits>;
  /** Per atomic students set: its not-available slots (FET's first hour of a day skips them). */
  subgroupUnavailable: Map<string, Set<FetSlot>>;
  roomUnavailable: Map<string, Set<FetSlot>>;
  relations: Relation[];
  /** Counts the constraint as mapped, weakened or dropped, with the activities it concerns. */
  note(fetKind: string, outcome: Outcome, activities: number[], reason: string): void;
}

export interface Mapping {
  /** What the constraint becomes, in words (docs/FET.md, bench output). */
  target: string;
  /** Only weight 100 can be expressed (the contract's field is hard); a soft one is dropped. */
  hardOnly?: boolean;
  handle(el: XmlElement, ctx: FetContext, weight: number, fetKind: string): void;
}
