// generateCollege: a realistic synthetic college (departments, sections with lab batches, theory,
// labs, tutorials, NEP electives, faculty limits, rules) together with a timetable planted while
// generating, so the college is hard-feasible by construction. Deterministic per preset and seed.
import { blocks } from '../../shared/model/periods.ts';
import type { College, Timetable } from '../../shared/model/types.ts';
import { assembleCollege, PERIODS, plantedTimetable } from './assemble.ts';
import { INSTITUTIONS } from './catalog.ts';
import { addSectionCourses, addSingleUnits } from './curriculum.ts';
import { planYear } from './yearPlan.ts';
import type { YearPlan } from './yearPlan.ts';
import type { Draft, Offering } from './draft.ts';
import { addMinors, addOpenElectives, addProfessionalElectives } from './electives.ts';
import { addDerivedRules } from './extraRules.ts';
import { addPlantedStarts } from './plantedStarts.ts';
import { addPlantedBuildingLimits } from './plantedBuildingLimits.ts';
import { buildFaculty } from './faculty.ts';
import { dropUnplaced } from './finalize.ts';
import { enrollMinors } from './minors.ts';
import { occupancyOf } from './occupancy.ts';
import { buildDepartments, buildSections, chooseProgrammes } from './people.ts';
import { Planter } from './planter.ts';
import { restrictTheoryRooms } from './plantedExtras.ts';
import { addPlantedFetRules, addPlantedSameDayRules } from './plantedFetRules.ts';
import { addPlantedSlotRules } from './plantedSlotRules.ts';
import { addPlantedDayLimitRules } from './plantedDayLimitRules.ts';
import { addPlantedSimultaneousRules } from './plantedSimultaneousRules.ts';
import { addPlantedMinSlotsRules } from './plantedMinSlotsRules.ts';
import { addPlantedGapBreakRules } from './plantedGapBreakRules.ts';
import { addPlantedOrderedIfSameDayRules } from './plantedOrderedIfSameDay.ts';
import { addPlantedGroupedRules } from './plantedGrouped.ts';
import { addPlantedPartsRules } from './plantedParts.ts';
import { addPlantedMemberRules } from './plantedMemberRules.ts';
import { addPlantedRules, sortSessionsByTime } from './plantedRules.ts';
import { PRESETS } from './presets.ts';
import type { PresetName } from './presets.ts';
import { Rng } from './rng.ts';
import { assignHomeRooms, buildRooms, restrictLabRooms } from './rooms.ts';
import { measure } from './stats.ts';
import type { GenerationStats } from './stats.ts';

export type { PresetName } from './presets.ts';
export { PRESET_NAMES } from './presets.ts';
export type { GenerationStats } from './stats.ts';

export interface GenerateOptions {
  /** Multiplies the number of sections (students, courses, faculty, rooms); default 1. */
  scale?: number;
  /**
   * The plain college: the rules, pinned sessions and room lists of the first generator only
   * (no rules read off the planted timetable, few pinned sessions). Default false: every sheet and
   * every rule kind, hard and soft, at a real college's density.
   */
  plain?: boolean;
}

export interface GeneratedCollege {
  college: College;
  /** A timetable with no hard violation, built while generating. */
  planted: Timetable;
  stats: GenerationStats;
}

/** Mixed into the seed for the full college's own random stream. */
const FULL_SALT = 0x5eed_f011;
/** The stream of the rule kinds planted after the first ones (plantedRules.ts). */
const MORE_RULES_SALT = 0x0a11_2b3c;
/** The stream of the rules naming single sessions, three courses and the newest kinds (plantedMemberRules.ts). */
const MEMBER_RULES_SALT = 0x3e5b_71d9;
/** The stream of max_days_apart, ends_day and same_room_if_consecutive (plantedFetRules.ts). */
const FET_RULES_SALT = 0x7f3c_90a5;
/** The stream of adjacent_if_same_day, max_terms and max_per_term (plantedFetRules.ts). */
const SAME_DAY_RULES_SALT = 0x2d41_c6e3;
/** Courses' allowed starts (plantedStarts.ts): their own stream, drawn last. */
const STARTS_SALT = 0x51a7_4e2b;
/** The stream of max_slots and max_days_in_slots (plantedSlotRules.ts). */
const SLOT_RULES_SALT = 0x6b19_d3f7;
/** The stream of max_per_day and max_continuous (plantedDayLimitRules.ts). */
const DAY_LIMIT_RULES_SALT = 0x1c8e_5a3b;
/** The stream of the simultaneous, sessions-in-slots and preferred kinds (plantedSimultaneousRules.ts). */
const SIMULTANEOUS_RULES_SALT = 0x1c5e_a8b3;
/** The stream of min_slots (plantedMinSlotsRules.ts). */
const MIN_SLOTS_RULES_SALT = 0x4a2f_6d17;
/** The stream of min_gap_counting_breaks (plantedGapBreakRules.ts). */
const GAP_BREAK_RULES_SALT = 0x2b7d_e915;
/** The stream of ordered_if_same_day (plantedOrderedIfSameDay.ts). */
const ORDERED_SAME_DAY_RULES_SALT = 0x5c93_17a1;
/** The stream of grouped (plantedGrouped.ts). */
const GROUPED_RULES_SALT = 0x3e61_b4d9;
/** The stream of not_overlapping_parts (plantedParts.ts). */
const PARTS_RULES_SALT = 0x6d2a_91c5;
/** The stream of the building-change limits (plantedBuildingLimits.ts), drawn last. */
const BUILDING_LIMITS_SALT = 0x4b1d_73e9;

export function generateCollege(
  preset: PresetName,
  seed: number,
  opts: GenerateOptions = {},
): GeneratedCollege {
  const p = PRESETS[preset];
  if (!p) throw new Error(`unknown preset "${String(preset)}": use small, medium or sih`);
  const scale = opts.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale))
    throw new Error(`scale must be a positive number, got ${scale}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const rng = new Rng(seed);
  const d: Draft = {
    preset: p,
    rng,
    institution: rng.pick(INSTITUTIONS),
    days: p.days,
    nPeriods: PERIODS.length,
    nSlots: p.days.length * PERIODS.length,
    blockOf: blockIndex(),
    departments: [],
    groups: [],
    leafGroup: [],
    students: [],
    faculty: [],
    rooms: [],
    offerings: [],
    units: [],
    rules: [],
    enrollments: [],
  };
  const programmes = chooseProgrammes(p.programmeDepartments);
  buildDepartments(d, programmes);
  const sections = buildSections(d, programmes, scale);

  const plans = new Map<string, YearPlan>();
  const single: Offering[] = [];
  let firstYear = 0;
  for (const s of sections) {
    const key = `${s.dept.code}:${s.year}:${s.postgraduate ? 'pg' : 'ug'}`;
    if (!plans.has(key)) plans.set(key, planYear(d, s));
    const isFirst = s.year === 1 && !s.postgraduate;
    single.push(...addSectionCourses(d, s, isFirst ? firstYear++ : 0, plans.get(key)!));
  }
  addOpenElectives(d, sections);
  addProfessionalElectives(d, sections);
  addSingleUnits(d, single);
  const minors = addMinors(d, sections);

  buildFaculty(d);
  buildRooms(d);
  assignHomeRooms(d);
  restrictLabRooms(d);

  const planter = new Planter(d);
  planter.placeAll();
  enrollMinors(d, minors, planter.leafBusy);
  dropUnplaced(d);
  // The full college draws from its own stream, so the plain one stays exactly as it was.
  const extra = opts.plain ? null : new Rng((seed ^ FULL_SALT) >>> 0);
  if (extra) sortSessionsByTime(d);

  const occ = occupancyOf(d);
  addDerivedRules(d, occ);
  if (extra) {
    restrictTheoryRooms(d, extra);
    addPlantedRules(d, extra, new Rng((seed ^ MORE_RULES_SALT) >>> 0));
    addPlantedMemberRules(d, new Rng((seed ^ MEMBER_RULES_SALT) >>> 0));
    addPlantedFetRules(d, occ, new Rng((seed ^ FET_RULES_SALT) >>> 0));
    addPlantedSameDayRules(d, new Rng((seed ^ SAME_DAY_RULES_SALT) >>> 0));
    addPlantedSlotRules(d, new Rng((seed ^ SLOT_RULES_SALT) >>> 0));
    addPlantedDayLimitRules(d, new Rng((seed ^ DAY_LIMIT_RULES_SALT) >>> 0));
    addPlantedSimultaneousRules(d, new Rng((seed ^ SIMULTANEOUS_RULES_SALT) >>> 0));
    addPlantedMinSlotsRules(d, new Rng((seed ^ MIN_SLOTS_RULES_SALT) >>> 0));
    addPlantedGapBreakRules(d, new Rng((seed ^ GAP_BREAK_RULES_SALT) >>> 0));
    addPlantedOrderedIfSameDayRules(d, new Rng((seed ^ ORDERED_SAME_DAY_RULES_SALT) >>> 0));
    addPlantedGroupedRules(d, new Rng((seed ^ GROUPED_RULES_SALT) >>> 0));
    addPlantedPartsRules(d, new Rng((seed ^ PARTS_RULES_SALT) >>> 0));
  }
  const name = `${preset}${scale !== 1 ? `x${scale}` : ''}-seed${seed}`;
  const college = assembleCollege(d, occ, name, extra);
  if (extra) addPlantedStarts(d, college, new Rng((seed ^ STARTS_SALT) >>> 0));
  const planted = plantedTimetable(d);
  if (extra) addPlantedBuildingLimits(college, planted, new Rng((seed ^ BUILDING_LIMITS_SALT) >>> 0));
  return { college, planted, stats: measure(d, college, occ, planter.stats) };
}

function blockIndex(): number[] {
  const out: number[] = [];
  blocks(PERIODS).forEach(([first, last], b) => {
    for (let p = first; p <= last; p++) out[p] = b;
  });
  return out;
}
