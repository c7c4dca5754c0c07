// compile(college): the college model -> CompiledProblem (integer indices, typed arrays), built once
// and shared read-only by the evaluator, the solver and the editor.
import type { College, SlotRef } from '../model/types.ts';
import { memberClash, memberText, ruleMember, type RuleMember } from '../model/ruleMembers.ts';
import { adjacency, blocks } from '../model/periods.ts';
import { DEFAULT_WEIGHTS, ITC_WEIGHTS, resolveWeights } from '../eval/weights.ts';
import { compileStudents } from './compileStudents.ts';
import { csrFromRows, csrInvert } from './csr.ts';
import { setUnavailable } from './setUnavailable.ts';
import type { CompiledProblem, CompiledRule } from './types.ts';

function indexOf(ids: Array<{ id: string }>, what: string): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((x, i) => {
    if (map.has(x.id)) throw new Error(`compile: ${what} id "${x.id}" is used twice`);
    map.set(x.id, i);
  });
  return map;
}

/** ids.get(id), or an Error naming `what()` (built only on failure). */
function lookup(ids: Map<string, number>, id: string, what: () => string): number {
  const i = ids.get(id);
  if (i === undefined) throw new Error(`compile: ${what()} refers to unknown id "${id}"`);
  return i;
}

function markSlots(
  out: Uint8Array,
  row: number,
  slots: SlotRef[],
  nDays: number,
  nPeriods: number,
  what: string,
): void {
  const nSlots = nDays * nPeriods;
  for (const s of slots) {
    if (s.day >= nDays || s.period >= nPeriods) {
      throw new Error(
        `compile: ${what} lists day ${s.day} period ${s.period}, outside the ${nDays}x${nPeriods} week`,
      );
    }
    out[row * nSlots + s.day * nPeriods + s.period] = 1;
  }
}

/** courseStartOff: 1 where a course that lists its `starts` may not start (every slot not listed). */
function compileStarts(courses: College['courses'], nDays: number, nPeriods: number): Uint8Array {
  const nSlots = nDays * nPeriods;
  const off = new Uint8Array(courses.length * nSlots);
  courses.forEach((c, i) => {
    const starts = c.starts ?? [];
    if (starts.length === 0) return;
    off.fill(1, i * nSlots, (i + 1) * nSlots);
    const listed = new Uint8Array(nSlots);
    markSlots(listed, 0, starts, nDays, nPeriods, `course "${c.id}" starts`);
    for (let s = 0; s < nSlots; s++) if (listed[s] === 1) off[i * nSlots + s] = 0;
  });
  return off;
}

/** Default value of a rule's parameter when the row leaves it empty. */
function ruleValue(kind: string, value: number | undefined): number {
  if (value !== undefined) return value;
  return kind === 'min_days_apart' ||
    kind === 'min_days_between' ||
    kind === 'min_gap' ||
    kind === 'min_gap_counting_breaks'
    ? 1
    : 0;
}

export function compile(college: College, weightOverrides: Record<string, number> = {}): CompiledProblem {
  const nDays = college.calendar.days.length;
  const nPeriods = college.periods.length;
  const nSlots = nDays * nPeriods;
  const adjacent = adjacency(college.periods);
  const adjacentToNext = Uint8Array.from(adjacent, (a) => (a ? 1 : 0));
  const blockOf = new Int32Array(nPeriods);
  blocks(college.periods).forEach(([a, b], i) => blockOf.fill(i, a, b + 1));

  const roomIndex = indexOf(college.rooms, 'room');
  const facultyIndex = indexOf(college.faculty, 'faculty');
  indexOf(college.groups, 'group');
  const courseIndex = indexOf(college.courses, 'course');

  // Room types.
  const typeIndex = new Map<string, number>();
  const typeOf = (t: string): number => {
    let i = typeIndex.get(t);
    if (i === undefined) typeIndex.set(t, (i = typeIndex.size));
    return i;
  };
  const roomType = Int32Array.from(college.rooms, (r) => typeOf(r.type));
  const courseRoomType = Int32Array.from(college.courses, (c) => typeOf(c.roomType));
  // Buildings (an empty name is no building).
  const buildingIndex = new Map<string, number>();
  const roomBuilding = Int32Array.from(college.rooms, (r) => {
    const b = r.building?.trim() ?? '';
    if (b === '') return -1;
    let i = buildingIndex.get(b);
    if (i === undefined) buildingIndex.set(b, (i = buildingIndex.size));
    return i;
  });

  // Rooms.
  const nRooms = college.rooms.length;
  const roomUnavailable = new Uint8Array(nRooms * nSlots);
  college.rooms.forEach((r, i) =>
    markSlots(roomUnavailable, i, r.unavailable, nDays, nPeriods, `room "${r.id}"`),
  );

  // Faculty.
  const nFaculty = college.faculty.length;
  const facultyUnavailable = new Uint8Array(nFaculty * nSlots);
  college.faculty.forEach((f, i) =>
    markSlots(facultyUnavailable, i, f.unavailable, nDays, nPeriods, `faculty "${f.id}"`),
  );

  // Courses.
  const courses = college.courses;
  const nCourses = courses.length;
  const courseFirstSession = new Int32Array(nCourses);
  const courseSessionCount = Int32Array.from(courses, (c) => c.sessions);
  const courseLength = Int32Array.from(courses, (c) => c.length);
  const courseMinDays = Int32Array.from(courses, (c) => c.minDays ?? Math.min(c.sessions, nDays));
  let nSessions = 0;
  for (let c = 0; c < nCourses; c++) {
    courseFirstSession[c] = nSessions;
    nSessions += courseSessionCount[c];
  }
  const facultyRows = courses.map((c) =>
    c.faculty.map((id) => lookup(facultyIndex, id, () => `course "${c.id}" faculty`)),
  );
  const courseFaculty = csrFromRows(facultyRows);
  const roomsOfType: number[][] = Array.from({ length: typeIndex.size }, () => []);
  roomType.forEach((t, r) => roomsOfType[t].push(r));
  const courseRooms = csrFromRows(
    courses.map((c, ci) => {
      if (c.rooms.length === 0) return roomsOfType[courseRoomType[ci]];
      const allowed = c.rooms.map((id) => lookup(roomIndex, id, () => `course "${c.id}" rooms`));
      return allowed.filter((r) => roomType[r] === courseRoomType[ci]);
    }),
  );

  const courseUnavailable = new Uint8Array(nCourses * nSlots);
  courses.forEach((c, i) =>
    markSlots(courseUnavailable, i, c.unavailable, nDays, nPeriods, `course "${c.id}"`),
  );
  const courseStartOff = compileStarts(courses, nDays, nPeriods);
  // A start is forbidden when the session would cross a break or the day's end, one of its periods
  // is blocked for the course (its own or a faculty member's unavailability), or the course lists
  // its starts and this is not one of them.
  const startForbidden = courseStartOff.slice();
  const blocked = new Uint8Array(nSlots);
  for (let c = 0; c < nCourses; c++) {
    const len = courseLength[c];
    blocked.set(courseUnavailable.subarray(c * nSlots, (c + 1) * nSlots));
    for (const f of facultyRows[c]) {
      for (let s = 0; s < nSlots; s++) blocked[s] |= facultyUnavailable[f * nSlots + s];
    }
    for (let d = 0; d < nDays; d++) {
      for (let p = 0; p < nPeriods; p++) {
        let bad = p + len > nPeriods;
        for (let q = p; !bad && q < p + len; q++) {
          bad = blocked[d * nPeriods + q] === 1 || (q < p + len - 1 && adjacentToNext[q] === 0);
        }
        if (bad) startForbidden[c * nSlots + d * nPeriods + p] = 1;
      }
    }
  }

  // Sessions.
  const sessionCourse = new Int32Array(nSessions);
  const sessionIndex = new Int32Array(nSessions);
  for (let c = 0; c < nCourses; c++) {
    for (let k = 0; k < courseSessionCount[c]; k++) {
      sessionCourse[courseFirstSession[c] + k] = c;
      sessionIndex[courseFirstSession[c] + k] = k;
    }
  }
  const sessionFixedSlot = new Int32Array(nSessions).fill(-1);
  const sessionFixedRoom = new Int32Array(nSessions).fill(-1);
  for (const f of college.fixed) {
    const c = lookup(courseIndex, f.courseId, () => 'a fixed session');
    const where = `fixed session ${f.session} of course "${f.courseId}"`;
    if (f.session > courseSessionCount[c])
      throw new Error(`compile: ${where}: the course has ${courseSessionCount[c]} sessions`);
    if (f.day >= nDays || f.period >= nPeriods) throw new Error(`compile: ${where} is outside the week`);
    const s = courseFirstSession[c] + f.session - 1;
    sessionFixedSlot[s] = f.day * nPeriods + f.period;
    if (f.roomId !== undefined) sessionFixedRoom[s] = lookup(roomIndex, f.roomId, () => where);
  }

  const students = compileStudents(college, courseIndex);

  const { rules, sessionRules } = compileRules(college, courseIndex, courseFirstSession, courseSessionCount);
  for (const r of [...rules, ...sessionRules]) {
    const listed = college.rules[r.source].slots;
    if (listed === undefined) continue;
    r.slots = new Uint8Array(nSlots);
    markSlots(r.slots, 0, listed, nDays, nPeriods, `rule ${r.source + 1} (${r.kind}) slots`);
  }

  const capacityHard = college.settings.roomCapacity === 'hard' && college.source?.kind !== 'ctt';
  const base = capacityHard ? DEFAULT_WEIGHTS : ITC_WEIGHTS;
  const weights = resolveWeights(resolveWeights(base, college.weights), weightOverrides);

  const groups = college.groups;
  return {
    nDays,
    ...(college.calendar.daysPerTerm !== undefined ? { daysPerTerm: college.calendar.daysPerTerm } : {}),
    nPeriods,
    nSlots,
    dayNames: [...college.calendar.days],
    periodLabels: college.periods.map((p) => p.label),
    adjacentToNext,
    blockOf,
    nCourses,
    courseIds: courses.map((c) => c.id),
    courseFirstSession,
    courseSessionCount,
    courseLength,
    courseStudents: students.courseStudents,
    courseMinDays,
    courseFaculty,
    courseGroups: students.courseGroups,
    courseStudentSets: students.courseStudentSets,
    courseRooms,
    startForbidden,
    courseUnavailable,
    courseStartOff,
    courseRoomType,
    courseStudentConflicts: students.courseStudentConflicts,
    courseConflictWeight: students.courseConflictWeight,
    students: students.students,
    nSessions,
    sessionCourse,
    sessionIndex,
    sessionFixedSlot,
    sessionFixedRoom,
    nRooms,
    roomIds: college.rooms.map((r) => r.id),
    roomCapacity: Int32Array.from(college.rooms, (r) => r.capacity),
    roomType,
    roomTypes: [...typeIndex.keys()],
    roomBuilding,
    buildings: [...buildingIndex.keys()],
    roomUnavailable,
    nFaculty,
    facultyIds: college.faculty.map((f) => f.id),
    facultyMaxPerDay: Int32Array.from(college.faculty, (f) => f.maxPerDay ?? 0),
    facultyMaxPerWeek: Int32Array.from(college.faculty, (f) => f.maxPerWeek ?? 0),
    facultyMaxDays: Int32Array.from(college.faculty, (f) => f.maxDays ?? 0),
    facultyMaxGapsPerDay: Int32Array.from(college.faculty, (f) => f.maxGapsPerDay ?? -1),
    facultyMaxGapsPerWeek: Int32Array.from(college.faculty, (f) => f.maxGapsPerWeek ?? -1),
    facultyMinPerDay: Int32Array.from(college.faculty, (f) => f.minPerDay ?? 0),
    facultyMinDays: Int32Array.from(college.faculty, (f) => f.minDays ?? 0),
    facultyMaxContinuous: Int32Array.from(college.faculty, (f) => f.maxContinuous ?? 0),
    facultyMaxSpan: Int32Array.from(college.faculty, (f) => f.maxSpan ?? 0),
    facultyMinRest: Int32Array.from(college.faculty, (f) => f.minRest ?? 0),
    facultyMaxBuildingChangesPerDay: Int32Array.from(
      college.faculty,
      (f) => f.maxBuildingChangesPerDay ?? -1,
    ),
    facultyMaxBuildingChangesPerWeek: Int32Array.from(
      college.faculty,
      (f) => f.maxBuildingChangesPerWeek ?? -1,
    ),
    facultyMinGapsBetweenBuildingChanges: Int32Array.from(
      college.faculty,
      (f) => f.minGapsBetweenBuildingChanges ?? 0,
    ),
    facultyUnavailable,
    facultyCourses: csrInvert(courseFaculty, nFaculty),
    nGroups: groups.length,
    groupIds: groups.map((g) => g.id),
    groupParent: students.groupParent,
    groupSize: Int32Array.from(groups, (g) => g.size),
    groupMaxPerDay: Int32Array.from(groups, (g) => g.maxPerDay ?? 0),
    groupMinPerDay: Int32Array.from(groups, (g) => g.minPerDay ?? 0),
    groupMaxGapsPerDay: Int32Array.from(groups, (g) => g.maxGapsPerDay ?? -1),
    groupMaxGapsPerWeek: Int32Array.from(groups, (g) => g.maxGapsPerWeek ?? -1),
    groupMaxContinuous: Int32Array.from(groups, (g) => g.maxContinuous ?? 0),
    groupMaxLateStarts: Int32Array.from(groups, (g) => g.maxLateStarts ?? -1),
    groupMaxSpan: Int32Array.from(groups, (g) => g.maxSpan ?? 0),
    groupMinRest: Int32Array.from(groups, (g) => g.minRest ?? 0),
    groupMaxBuildingChangesPerDay: Int32Array.from(groups, (g) => g.maxBuildingChangesPerDay ?? -1),
    groupMaxBuildingChangesPerWeek: Int32Array.from(groups, (g) => g.maxBuildingChangesPerWeek ?? -1),
    groupMinGapsBetweenBuildingChanges: Int32Array.from(groups, (g) => g.minGapsBetweenBuildingChanges ?? 0),
    nStudentSets: students.nStudentSets,
    setGroup: students.setGroup,
    setCourses: students.setCourses,
    setUnavailable: setUnavailable(students.nStudentSets, students.setCourses, courseUnavailable, nSlots),
    rules,
    sessionRules,
    capacityHard,
    weights,
  };
}

/**
 * The college's rules: those naming whole courses only (problem.rules, as before) and those with a
 * `course_id#k` member (problem.sessionRules, with each member's session range).
 */
/** not_overlapping_parts: each member's part (one part alone counts nothing); no session in two parts. */
function ruleParts(r: College['rules'][number], members: RuleMember[], what: () => string): Int32Array {
  const parts = r.parts ?? [];
  if (parts.length !== members.length)
    throw new Error(`compile: ${what()}: ${parts.length} parts given for ${members.length} courses`);
  for (let j = 0; j < members.length; j++)
    for (let k = 0; k < j; k++)
      if (
        parts[j] !== parts[k] &&
        (memberClash(members[k], members[j]) || memberText(members[k]) === memberText(members[j]))
      )
        throw new Error(`compile: ${what()}: ${memberText(members[j])} is in two parts`);
  return Int32Array.from(parts);
}

function compileRules(
  college: College,
  courseIndex: Map<string, number>,
  courseFirstSession: Int32Array,
  courseSessionCount: Int32Array,
): { rules: CompiledRule[]; sessionRules: CompiledRule[] } {
  const rules: CompiledRule[] = [];
  const sessionRules: CompiledRule[] = [];
  college.rules.forEach((r, i) => {
    const what = (): string => `rule ${i + 1} (${r.kind})`;
    const members: RuleMember[] = r.courses.map((id) => ruleMember(id, (x) => courseIndex.has(x)));
    const courses = Int32Array.from(members, (m) => lookup(courseIndex, m.courseId, what));
    const base = {
      kind: r.kind,
      courses,
      hard: r.hard,
      weight: r.weight,
      value: ruleValue(r.kind, r.value),
      source: i,
      ...(r.kind === 'not_overlapping_parts' ? { parts: ruleParts(r, members, what) } : {}),
    };
    if (members.every((m) => m.session === undefined)) {
      rules.push(base);
      return;
    }
    members.forEach((m, j) => {
      const n = courseSessionCount[courses[j]];
      if (m.session !== undefined && (m.session < 1 || m.session > n))
        throw new Error(`compile: ${what()} names ${memberText(m)}, but ${m.courseId} has ${n} sessions`);
      for (let k = 0; k < j; k++) {
        const clash = memberClash(members[k], m);
        if (clash) throw new Error(`compile: ${what()}: ${clash}`);
      }
    });
    sessionRules.push({
      ...base,
      first: Int32Array.from(members, (m, j) => courseFirstSession[courses[j]] + (m.session ?? 1) - 1),
      count: Int32Array.from(members, (m, j) =>
        m.session === undefined ? courseSessionCount[courses[j]] : 1,
      ),
    });
  });
  return { rules, sessionRules };
}
