// The curriculum of one department and year (the same for all its sections): theory subjects,
// laboratories per batch, tutorials, and the first-year physics and chemistry cycles.
import type { Draft } from './draft.ts';
import type { Section } from './people.ts';

export interface Subject {
  code: string;
  name: string;
  dept: string;
  sessions: number;
  length: number;
  roomType: string;
}

export interface YearPlan {
  theory: Subject[];
  labs: Subject[];
  tutorial?: Subject;
  /** First-year physics and chemistry cycles. */
  cycles: Array<{ theory: Subject[]; lab: Subject; prelab?: Subject; prelabLab?: Subject }>;
}

/** The curriculum of one department and year, the same for all its sections. */
export function planYear(d: Draft, s: Section): YearPlan {
  const { rng, preset } = d;
  const dept = s.dept;
  const pick = (from: string[], n: number, base: number): Subject[] =>
    rng
      .shuffle(from.map((name, i) => ({ name, i })))
      .slice(0, n)
      .map(({ name, i }) => ({
        code: `${dept.code}${base + i}`,
        name,
        dept: dept.code,
        sessions: rng.pick([3, 4, 4, 4]),
        length: 1,
        roomType: 'lecture',
      }));
  const lab = (name: string, code: string): Subject => {
    const length = rng.chance(0.5) ? 3 : 2;
    return {
      code,
      name,
      dept: dept.code,
      sessions: length === 2 && rng.chance(0.6) ? 2 : 1,
      length,
      roomType: dept.labType,
    };
  };
  const nTheory = rng.int(preset.theoryPerSection[0], preset.theoryPerSection[1]);
  const ma = serviceDept(d, 'MA');
  const plan: YearPlan = { theory: [], labs: [], cycles: [] };
  if (s.postgraduate) {
    plan.theory = pick(dept.subjects.slice(5), s.year === 1 ? 3 : 2, 500 + s.year * 100 - 100 + 5);
    if (s.year === 1) plan.labs = [lab(`Advanced ${dept.labs[dept.labs.length - 1]}`, `${dept.code}551`)];
    return plan;
  }
  const secondLab = rng.chance(preset.secondLabChance);
  if (s.year === 1) {
    plan.theory = [
      {
        code: 'MA101',
        name: 'Engineering Mathematics I',
        dept: ma,
        sessions: 4,
        length: 1,
        roomType: 'lecture',
      },
      {
        code: 'HS101',
        name: 'Professional English',
        dept: serviceDept(d, 'HS'),
        sessions: 2,
        length: 1,
        roomType: 'lecture',
      },
    ];
    plan.tutorial = {
      code: 'MA101T',
      name: 'Mathematics I Tutorial',
      dept: ma,
      sessions: 1,
      length: 1,
      roomType: 'tutorial',
    };
    const cse = d.departments.find((x) => x.code === 'CSE') ? 'CSE' : dept.code;
    const me = d.departments.find((x) => x.code === 'ME') ? 'ME' : serviceDept(d, 'MA');
    const ph = serviceDept(d, 'PH');
    const cy = serviceDept(d, 'CY');
    plan.cycles = [
      {
        theory: [
          {
            code: 'PH101',
            name: 'Engineering Physics',
            dept: ph,
            sessions: 3,
            length: 1,
            roomType: 'lecture',
          },
          {
            code: 'CS101',
            name: 'Programming for Problem Solving',
            dept: cse,
            sessions: 3,
            length: 1,
            roomType: 'lecture',
          },
        ],
        lab: {
          code: 'PH151',
          name: 'Physics Lab',
          dept: ph,
          sessions: 1,
          length: 2,
          roomType: 'physics_lab',
        },
      },
      {
        theory: [
          {
            code: 'CY101',
            name: 'Engineering Chemistry',
            dept: cy,
            sessions: 3,
            length: 1,
            roomType: 'lecture',
          },
        ],
        lab: {
          code: 'CY151',
          name: 'Chemistry Lab',
          dept: cy,
          sessions: 1,
          length: 2,
          roomType: 'chemistry_lab',
        },
        prelab: {
          code: 'ME102',
          name: 'Engineering Graphics',
          dept: me,
          sessions: 1,
          length: 1,
          roomType: 'lecture',
        },
        prelabLab: {
          code: 'ME152',
          name: 'Engineering Drawing Practice',
          dept: me,
          sessions: 1,
          length: 2,
          roomType: 'drawing_hall',
        },
      },
    ];
    return plan;
  }
  const slice = s.year === 2 ? [0, 5] : s.year === 3 ? [3, 8] : [6, 10];
  plan.theory = pick(
    dept.subjects.slice(slice[0], slice[1]),
    s.year === 4 ? nTheory - 1 : nTheory,
    s.year * 100 + 1 + slice[0],
  );
  if (s.year === 2) {
    plan.theory.push({
      code: 'MA201',
      name: 'Probability and Statistics',
      dept: ma,
      sessions: 3,
      length: 1,
      roomType: 'lecture',
    });
    plan.tutorial = {
      code: 'MA201T',
      name: 'Statistics Tutorial',
      dept: ma,
      sessions: 1,
      length: 1,
      roomType: 'tutorial',
    };
  }
  const labIdx = s.year === 2 ? 0 : s.year === 3 ? 2 : dept.labs.length - 1;
  plan.labs.push(lab(dept.labs[labIdx], `${dept.code}${s.year}5${labIdx + 1}`));
  if (secondLab && s.year < 4) {
    const second = lab(dept.labs[labIdx + 1], `${dept.code}${s.year}5${labIdx + 2}`);
    if (rng.chance(0.7)) {
      second.length = plan.labs[0].length;
      second.sessions = plan.labs[0].sessions;
    }
    plan.labs.push(second);
  }
  return plan;
}

/** Which department teaches a common course (the combined department in a small college). */
export function serviceDept(d: Draft, code: string): string {
  return d.departments.some((x) => x.code === code)
    ? code
    : (d.departments.find((x) => !x.programme)?.code ?? code);
}
