// Departments, sections with lab batches, and students of a generated college.
import {
  FIRST_NAMES,
  LAST_NAMES,
  PROGRAMME_DEPARTMENTS,
  SCIENCE_AND_HUMANITIES,
  SERVICE_DEPARTMENTS,
} from './catalog.ts';
import type { DepartmentInfo } from './catalog.ts';
import type { Draft, DraftGroup } from './draft.ts';

export interface Section {
  group: DraftGroup;
  dept: DepartmentInfo;
  year: number;
  /** Index of the section within its department and year (0 = A). */
  letter: number;
  postgraduate: boolean;
  batches: DraftGroup[];
}

export function personName(d: Draft): string {
  return `${d.rng.pick(FIRST_NAMES)} ${d.rng.pick(LAST_NAMES)}`;
}

export function buildDepartments(d: Draft, programmes: DepartmentInfo[]): void {
  for (const p of programmes)
    d.departments.push({ code: p.code, name: p.name, labType: p.labType, programme: true });
  const service = d.preset.combinedService ? [SCIENCE_AND_HUMANITIES] : SERVICE_DEPARTMENTS;
  for (const s of service)
    d.departments.push({ code: s.code, name: s.name, labType: s.labType, programme: false });
}

export function chooseProgrammes(count: number): DepartmentInfo[] {
  return PROGRAMME_DEPARTMENTS.slice(0, Math.min(count, PROGRAMME_DEPARTMENTS.length));
}

/** Builds every section (with its lab batches) and its students; returns the sections. */
export function buildSections(d: Draft, programmes: DepartmentInfo[], scale: number): Section[] {
  const sections: Section[] = [];
  const { preset, rng } = d;
  for (const dept of programmes) {
    for (let year = 1; year <= 4; year++) {
      const count = Math.max(1, Math.round(dept.weight * preset.sectionsPerWeight * scale));
      for (let k = 0; k < count; k++) {
        const size = rng.int(preset.sectionSize[0], preset.sectionSize[1]);
        sections.push(addSection(d, dept, year, k, size, false));
      }
    }
    if (preset.postgraduate) {
      const count = Math.max(1, Math.round(scale));
      for (let year = 1; year <= 2; year++)
        for (let k = 0; k < count; k++) sections.push(addSection(d, dept, year, k, rng.int(18, 30), true));
    }
  }
  return sections;
}

function sectionLetter(k: number): string {
  return k < 26
    ? String.fromCharCode(65 + k)
    : `${String.fromCharCode(65 + Math.floor(k / 26) - 1)}${String.fromCharCode(65 + (k % 26))}`;
}

function addSection(
  d: Draft,
  dept: DepartmentInfo,
  year: number,
  letter: number,
  size: number,
  postgraduate: boolean,
): Section {
  const id = postgraduate
    ? `M${dept.code}${year}${sectionLetter(letter)}`
    : `${dept.code}${year}${sectionLetter(letter)}`;
  const name = postgraduate
    ? `M.Tech ${dept.name} year ${year} section ${sectionLetter(letter)}`
    : `B.Tech ${dept.name} year ${year} section ${sectionLetter(letter)}`;
  const group: DraftGroup = { id, name, size, dept: dept.code, leaves: [], year };
  d.groups.push(group);
  const section: Section = { group, dept, year, letter, postgraduate, batches: [] };
  const nBatches = postgraduate ? 1 : size > 64 && d.rng.chance(0.3) ? 3 : 2;
  const joinYear = 26 - year;
  const studentIds: string[] = [];
  for (let i = 0; i < size; i++) studentIds.push(`${joinYear}${id}${String(i + 1).padStart(3, '0')}`);
  if (nBatches === 1) {
    group.leaves.push(addLeaf(d, id));
    for (const sid of studentIds) addStudent(d, sid, [id], group.leaves[0], dept.code, year, postgraduate);
    return section;
  }
  let start = 0;
  for (let b = 0; b < nBatches; b++) {
    const end = Math.round(((b + 1) * size) / nBatches);
    const batch: DraftGroup = {
      id: `${id}-B${b + 1}`,
      name: `${name}, lab batch ${b + 1}`,
      size: end - start,
      dept: dept.code,
      parent: id,
      leaves: [],
      year,
    };
    d.groups.push(batch);
    batch.leaves.push(addLeaf(d, batch.id));
    group.leaves.push(batch.leaves[0]);
    section.batches.push(batch);
    for (let i = start; i < end; i++)
      addStudent(d, studentIds[i], [id, batch.id], batch.leaves[0], dept.code, year, postgraduate);
    start = end;
  }
  return section;
}

function addLeaf(d: Draft, groupId: string): number {
  d.leafGroup.push(groupId);
  return d.leafGroup.length - 1;
}

function addStudent(
  d: Draft,
  id: string,
  groups: string[],
  leaf: number,
  dept: string,
  year: number,
  postgraduate: boolean,
): void {
  d.students.push({ id, name: personName(d), groups, leaf, dept, year, postgraduate });
}
