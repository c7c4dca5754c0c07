// Size presets of the generator. `scale` multiplies the number of sections (and so students,
// course offerings, sessions, faculty and rooms).

export type PresetName = 'small' | 'medium' | 'sih';
export const PRESET_NAMES: readonly PresetName[] = ['small', 'medium', 'sih'];

export interface Preset {
  name: PresetName;
  /** How many programme departments (in catalog order). */
  programmeDepartments: number;
  /** One combined Science and Humanities department instead of Mathematics/Physics/Chemistry/Humanities. */
  combinedService: boolean;
  days: string[];
  /** Sections per year = round(department weight * sectionsPerWeight), at least 1. */
  sectionsPerWeight: number;
  sectionSize: [number, number];
  /** Postgraduate (M.Tech) programmes: 2 years, one small section, no lab batches. */
  postgraduate: boolean;
  /** Department theory courses per section and year (beyond the common ones). */
  theoryPerSection: [number, number];
  /** Probability that a section has a second laboratory subject. */
  secondLabChance: number;
  /** Probability that a first- or second-year section has a tutorial per lab batch. */
  tutorialChance: number;
  /** Average teaching periods per faculty member and week: sets the faculty head count. */
  facultyLoad: number;
  /** Share of third- and fourth-year students taking a minor. */
  minorShare: number;
  /** Target share of a room type's usable slots that the planted timetable uses. */
  labUtilisation: number;
  lectureUtilisation: number;
}

const WEEK5 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const WEEK6 = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export const PRESETS: Record<PresetName, Preset> = {
  small: {
    name: 'small',
    programmeDepartments: 2,
    combinedService: true,
    days: WEEK5,
    sectionsPerWeight: 0.34,
    sectionSize: [54, 66],
    postgraduate: false,
    theoryPerSection: [2, 3],
    secondLabChance: 0.3,
    tutorialChance: 0.5,
    facultyLoad: 13,
    minorShare: 0.2,
    labUtilisation: 0.9,
    lectureUtilisation: 0.7,
  },
  medium: {
    name: 'medium',
    programmeDepartments: 6,
    combinedService: false,
    days: WEEK6,
    sectionsPerWeight: 1,
    sectionSize: [54, 68],
    postgraduate: true,
    theoryPerSection: [2, 3],
    secondLabChance: 0.3,
    tutorialChance: 0.4,
    facultyLoad: 12,
    minorShare: 0.2,
    labUtilisation: 0.9,
    lectureUtilisation: 0.7,
  },
  sih: {
    name: 'sih',
    programmeDepartments: 15,
    combinedService: false,
    days: WEEK6,
    sectionsPerWeight: 3.4,
    sectionSize: [58, 70],
    postgraduate: true,
    theoryPerSection: [5, 5],
    secondLabChance: 0.3,
    tutorialChance: 0.1,
    facultyLoad: 4.5,
    minorShare: 0.15,
    labUtilisation: 0.9,
    lectureUtilisation: 0.72,
  },
};
