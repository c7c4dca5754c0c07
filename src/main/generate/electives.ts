// NEP electives: institute-wide open electives for third-year students (one common slot pattern),
// parallel professional-elective options for fourth-year students of a department (same_time),
// and minors that students pick after the timetable is planted.
import { addOffering } from './curriculum.ts';
import type { Draft, Offering, UnitMember } from './draft.ts';
import type { Section } from './people.ts';
import { PROGRAMME_DEPARTMENTS } from './catalog.ts';

const ELECTIVE_SIZE = 60;

function studentsOf(d: Draft, sections: Section[]): number[] {
  const ids = new Set(sections.map((s) => s.group.id));
  const out: number[] = [];
  d.students.forEach((st, i) => {
    if (ids.has(st.groups[0])) out.push(i);
  });
  return out;
}

function leavesOf(sections: Section[]): number[] {
  return sections.flatMap((s) => s.group.leaves);
}

/** Spreads students over options, each student in one option not of the departments `avoid` names. */
function distribute(d: Draft, students: number[], options: Offering[], avoidOwnDept: boolean): void {
  const cap = Math.ceil(students.length / options.length) + 4;
  const count = new Array<number>(options.length).fill(0);
  let start = 0;
  for (const st of d.rng.shuffle([...students])) {
    const dept = d.students[st].dept;
    let chosen = -1;
    for (let t = 0; t < options.length; t++) {
      const k = (start + t) % options.length;
      if (count[k] >= cap || (avoidOwnDept && options[k].dept === dept)) continue;
      chosen = k;
      break;
    }
    if (chosen < 0) chosen = count.indexOf(Math.min(...count));
    count[chosen]++;
    start = (chosen + 1) % options.length;
    d.enrollments.push({ student: st, off: options[chosen] });
  }
  options.forEach((o, k) => (o.size = count[k]));
}

function sameTimeUnits(d: Draft, options: Offering[], extraLeaves: number[], stage: number): void {
  for (let k = 0; k < options[0].sessions; k++) {
    const members: UnitMember[] = options.map((off, i) => ({
      off,
      session: k,
      offset: 0,
      extraLeaves: i === 0 ? extraLeaves : [],
    }));
    d.units.push({ members, stage, attractLeaves: [] });
  }
}

export function addOpenElectives(d: Draft, sections: Section[]): void {
  const third = sections.filter((s) => s.year === 3 && !s.postgraduate);
  const students = studentsOf(d, third);
  if (students.length === 0) return;
  const teaching = d.departments.filter((x) => x.code !== 'MA' || d.departments.length > 3);
  const n = Math.max(2, Math.ceil(students.length / ELECTIVE_SIZE));
  const options: Offering[] = [];
  for (let k = 0; k < n; k++) {
    const dep = teaching[k % teaching.length];
    const info = PROGRAMME_DEPARTMENTS.find((p) => p.code === dep.code);
    const topic = info
      ? info.subjects[(Math.floor(k / teaching.length) + 4) % info.subjects.length]
      : `${dep.name} Perspectives`;
    const code = `OE${dep.code}${String(k + 1).padStart(2, '0')}`;
    options.push(
      addOffering(d, {
        id: code,
        name: `Open Elective: ${topic}`,
        subject: code,
        dept: dep.code,
        kind: 'open',
        year: 3,
        groups: [],
        leaves: [],
        sessions: 3,
        length: 1,
        roomType: 'lecture',
        size: 0,
      }),
    );
  }
  distribute(d, students, options, true);
  sameTimeUnits(d, options, leavesOf(third), 0);
}

export function addProfessionalElectives(d: Draft, sections: Section[]): void {
  for (const dep of d.departments.filter((x) => x.programme)) {
    const fourth = sections.filter((s) => s.year === 4 && !s.postgraduate && s.dept.code === dep.code);
    if (fourth.length === 0) continue;
    const students = studentsOf(d, fourth);
    const info = PROGRAMME_DEPARTMENTS.find((p) => p.code === dep.code);
    for (let e = 1; e <= 2; e++) {
      const n = Math.max(2, Math.ceil(students.length / ELECTIVE_SIZE) + 1);
      const options: Offering[] = [];
      for (let k = 0; k < n; k++) {
        const code = `${dep.code}4${6 + e}${k + 1}`;
        const topic = info ? info.subjects[(k * 3 + e) % info.subjects.length] : 'Special Topics';
        options.push(
          addOffering(d, {
            id: code,
            name: `Professional Elective ${e === 1 ? 'I' : 'II'}: Advanced ${topic}`,
            subject: code,
            dept: dep.code,
            kind: 'elective',
            year: 4,
            groups: [],
            leaves: [],
            sessions: 3,
            length: 1,
            roomType: 'lecture',
            size: 0,
          }),
        );
      }
      distribute(d, students, options, false);
      sameTimeUnits(d, options, leavesOf(fourth), 1);
      d.rules.push({ kind: 'same_time', offerings: options, hard: true, weight: 1 });
    }
  }
}

/** Minors are placed like any course; students choose them after planting (see enrollMinors). */
export function addMinors(d: Draft, sections: Section[]): Offering[] {
  const senior = sections.filter((s) => (s.year === 3 || s.year === 4) && !s.postgraduate);
  const students = studentsOf(d, senior);
  const n = Math.floor((students.length * d.preset.minorShare) / ELECTIVE_SIZE);
  const programmes = d.departments.filter((x) => x.programme);
  const out: Offering[] = [];
  for (let k = 0; k < Math.max(1, n); k++) {
    const dep = programmes[k % programmes.length];
    const code = `MN${dep.code}${String(k + 1).padStart(2, '0')}`;
    const off = addOffering(d, {
      id: code,
      name: `Minor in ${dep.name}`,
      subject: code,
      dept: dep.code,
      kind: 'minor',
      year: 3,
      groups: [],
      leaves: [],
      sessions: 3,
      length: 1,
      roomType: 'lecture',
      size: ELECTIVE_SIZE,
    });
    out.push(off);
    for (let j = 0; j < off.sessions; j++)
      d.units.push({
        members: [{ off, session: j, offset: 0, extraLeaves: [] }],
        stage: 7,
        attractLeaves: leavesOf(senior),
      });
  }
  return out;
}

export const MINOR_CAPACITY = ELECTIVE_SIZE;
