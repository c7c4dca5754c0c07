// Reads the parts of a FET document (days, hours, teachers, students tree, rooms, activities and
// the constraint elements) into plain data. Structural problems (a missing list, an activity naming
// an unknown teacher) are FetXmlErrors located at the element concerned.
import { isMornAft, realDays, realHours, renameOldConstraints, type MornAft } from './mornAftRead.ts';
import { child, childrenNamed, FetXmlError, textOf, textsOf, type XmlElement } from './xml.ts';

export interface FetRoom {
  name: string;
  building: string;
  capacity: number;
  virtual: boolean;
  line: number;
}

export interface FetActivity {
  id: number;
  teachers: string[];
  subject: string;
  tags: string[];
  students: string[];
  duration: number;
  groupId: number;
  /** FET's head count: the given number, or the sum of the listed students sets' sizes. */
  nStudents: number;
  line: number;
}

export interface FetDocument {
  institution: string;
  days: string[];
  hours: string[];
  teachers: string[];
  /** Teacher names the Teachers_List gives more than once (merged into one). */
  duplicateTeachers: string[];
  subjects: string[];
  /** Atomic student sets (FET's subgroups, or groups/years without subgroups) with their sizes. */
  subgroups: Map<string, number>;
  /** Year name per atomic set (the first year it appears in). */
  yearOf: Map<string, string>;
  /** Every students set name (year, group, subgroup) -> the atomic sets it stands for. */
  setMembers: Map<string, Set<string>>;
  setSize: Map<string, number>;
  rooms: FetRoom[];
  activities: FetActivity[];
  /** Active activities only. */
  inactive: number;
  timeConstraints: XmlElement[];
  spaceConstraints: XmlElement[];
  /** Mornings-afternoons mode: `days` and `hours` are real days and their hours (mornAftRead.ts). */
  mornAft?: MornAft;
  /** Terms mode: the days fall into terms of this many days (termsOf). */
  daysPerTerm?: number;
}

/**
 * Days per term of a Terms-mode file: Number_of_Days_Per_Term; a file of FET 5's terms build
 * ("-mathmake", no Mode) FET reads as 5 terms of 5 days (fet-cl rewrites FET-5-terms/1/simple.fet so).
 */
function termsOf(
  root: XmlElement,
  mode: string | undefined,
  version: string,
  nDays: number,
): number | undefined {
  const n =
    mode === 'Terms'
      ? Number(textOf(root, 'Number_of_Days_Per_Term'))
      : mode === undefined && /-mathmake/i.test(version)
        ? 5
        : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 1 && nDays % n === 0 ? n : undefined;
}

function fail(el: XmlElement, message: string): never {
  throw new FetXmlError(message, el.line, el.column);
}

function int(el: XmlElement, name: string, fallback?: number): number {
  const t = textOf(el, name);
  if (t === undefined || t === '') {
    if (fallback !== undefined) return fallback;
    fail(el, `<${el.name}> has no <${name}>`);
  }
  const n = Number(t);
  if (!Number.isFinite(n)) fail(child(el, name) ?? el, `<${name}> must be a number, not "${t}"`);
  return Math.round(n);
}

/** A day or hour entry: `<Day><Name>Mon</Name></Day>` (FET 5.x/6.x) or `<Day>Mon</Day>` (older files). */
function entryName(el: XmlElement): string {
  return (textOf(el, 'Name') ?? el.text).trim();
}

/** Fails at the second element with a name already used (FET refers to everything by name). */
function unique(els: XmlElement[], name: (el: XmlElement) => string, what: string): void {
  const seen = new Set<string>();
  for (const el of els) {
    const n = name(el);
    if (seen.has(n)) fail(el, `The ${what} "${n}" is defined twice; names must be unique`);
    seen.add(n);
  }
}

export function readFet(root: XmlElement): FetDocument {
  if (root.name !== 'fet')
    fail(root, `This is not a FET file: the document element is <${root.name}>, not <fet>`);
  const mode = textOf(root, 'Mode');
  const version = root.attributes.version ?? '';
  const daysList = child(root, 'Days_List') ?? fail(root, 'The file has no <Days_List>');
  const hoursList = child(root, 'Hours_List') ?? fail(root, 'The file has no <Hours_List>');
  let days = childrenNamed(daysList, 'Day').map(entryName);
  let hours = childrenNamed(hoursList, 'Hour').map(entryName);
  if (days.length === 0) fail(daysList, 'The file defines no days');
  if (hours.length === 0) fail(hoursList, 'The file defines no hours');
  // Mornings-afternoons: FET's days are half days; the college's are real days (mornAftRead.ts).
  const mornAft = isMornAft(mode, version) ? { halfDays: days, halfHours: hours } : undefined;
  if (mornAft) {
    days = realDays(root, mornAft.halfDays);
    hours = realHours(mornAft.halfHours);
  }

  const teachersList = child(root, 'Teachers_List');
  const teacherNames = teachersList ? childrenNamed(teachersList, 'Teacher').map(entryName) : [];
  // A teacher listed twice is one teacher (FET refers to teachers by name only).
  const teachers = [...new Set(teacherNames)];
  const duplicateTeachers = [...new Set(teacherNames.filter((t, i) => teacherNames.indexOf(t) !== i))];
  const subjectsList = child(root, 'Subjects_List');
  const subjects = subjectsList ? childrenNamed(subjectsList, 'Subject').map(entryName) : [];

  const subgroups = new Map<string, number>();
  const yearOf = new Map<string, string>();
  const setMembers = new Map<string, Set<string>>();
  const setSize = new Map<string, number>();
  const addMembers = (name: string, members: Iterable<string>): void => {
    const set = setMembers.get(name) ?? new Set<string>();
    for (const m of members) set.add(m);
    setMembers.set(name, set);
  };
  const studentsList = child(root, 'Students_List');
  for (const year of studentsList ? childrenNamed(studentsList, 'Year') : []) {
    const yName = textOf(year, 'Name') ?? fail(year, '<Year> has no <Name>');
    const ySize = int(year, 'Number_of_Students', 0);
    setSize.set(yName, ySize);
    const groups = childrenNamed(year, 'Group');
    const atomic = (name: string, size: number): void => {
      if (!subgroups.has(name)) subgroups.set(name, size);
      if (!yearOf.has(name)) yearOf.set(name, yName);
    };
    if (groups.length === 0) {
      atomic(yName, ySize);
      addMembers(yName, [yName]);
    }
    for (const group of groups) {
      const gName = textOf(group, 'Name') ?? fail(group, '<Group> has no <Name>');
      const gSize = int(group, 'Number_of_Students', 0);
      setSize.set(gName, gSize);
      const subs = childrenNamed(group, 'Subgroup');
      if (subs.length === 0) {
        atomic(gName, gSize);
        addMembers(gName, [gName]);
      }
      for (const sub of subs) {
        const sName = textOf(sub, 'Name') ?? fail(sub, '<Subgroup> has no <Name>');
        const sSize = int(sub, 'Number_of_Students', 0);
        setSize.set(sName, sSize);
        atomic(sName, sSize);
        addMembers(sName, [sName]);
        addMembers(gName, [sName]);
      }
      addMembers(yName, setMembers.get(gName) ?? []);
    }
  }

  unique(childrenNamed(daysList, 'Day'), entryName, 'day');
  unique(childrenNamed(hoursList, 'Hour'), entryName, 'hour');
  const roomsList = child(root, 'Rooms_List');
  if (roomsList) unique(childrenNamed(roomsList, 'Room'), entryName, 'room');
  if (child(root, 'Activities_List'))
    unique(
      childrenNamed(child(root, 'Activities_List')!, 'Activity'),
      (a) => textOf(a, 'Id') ?? '',
      'activity id',
    );
  const rooms: FetRoom[] = (roomsList ? childrenNamed(roomsList, 'Room') : []).map((r) => ({
    name: textOf(r, 'Name') ?? fail(r, '<Room> has no <Name>'),
    building: textOf(r, 'Building') ?? '',
    capacity: int(r, 'Capacity', 30000),
    virtual: textOf(r, 'Virtual') === 'true',
    line: r.line,
  }));

  const activitiesList = child(root, 'Activities_List');
  const activities: FetActivity[] = [];
  let inactive = 0;
  const teacherSet = new Set(teachers);
  for (const a of activitiesList ? childrenNamed(activitiesList, 'Activity') : []) {
    if (textOf(a, 'Active') === 'false') {
      inactive++;
      continue;
    }
    const students = textsOf(a, 'Students');
    for (const s of students)
      if (!setMembers.has(s))
        fail(
          a,
          `Activity ${textOf(a, 'Id')} names students set "${s}", which the Students_List does not define`,
        );
    const acts = textsOf(a, 'Teacher');
    for (const t of acts)
      if (!teacherSet.has(t))
        fail(a, `Activity ${textOf(a, 'Id')} names teacher "${t}", which the Teachers_List does not define`);
    const computed = textOf(a, 'Computed_Number_Of_Students') !== 'false';
    const nStudents = computed
      ? students.reduce((sum, s) => sum + (setSize.get(s) ?? 0), 0)
      : int(a, 'Number_Of_Students', 0);
    activities.push({
      id: int(a, 'Id'),
      teachers: acts,
      subject: textOf(a, 'Subject') ?? '',
      tags: textsOf(a, 'Activity_Tag'),
      students,
      duration: int(a, 'Duration'),
      groupId: int(a, 'Activity_Group_Id', 0),
      nStudents,
      line: a.line,
    });
  }
  const tc = child(root, 'Time_Constraints_List');
  const sc = child(root, 'Space_Constraints_List');
  if (mornAft && tc) renameOldConstraints(mode, tc.children);
  const daysPerTerm = termsOf(root, mode, version, days.length);
  return {
    ...(daysPerTerm !== undefined ? { daysPerTerm } : {}),
    ...(mornAft ? { mornAft } : {}),
    institution: textOf(root, 'Institution_Name') ?? '',
    days,
    hours,
    teachers,
    duplicateTeachers,
    subjects,
    subgroups,
    yearOf,
    setMembers,
    setSize,
    rooms,
    activities,
    inactive,
    timeConstraints: tc ? tc.children : [],
    spaceConstraints: sc ? sc.children : [],
  };
}
