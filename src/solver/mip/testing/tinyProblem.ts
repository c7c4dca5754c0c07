// A compact way to build a CompiledProblem by hand for unit tests of the solver stages: ids instead
// of indices, slots as day*periods+period, every group a student set unless it has children.
import type { CompiledProblem, CompiledRule, Csr } from '../../../shared/compiled/types.ts';
import type { RuleKind } from '../../../shared/model/types.ts';
import { DEFAULT_WEIGHTS } from '../../../shared/eval/weights.ts';
import { setUnavailable } from '../../../shared/compiled/setUnavailable.ts';

export interface TinySpec {
  days: number;
  periods: number;
  /** Periods p after which there is a break (p and p+1 not adjacent). */
  breaksAfter?: number[];
  rooms: Array<{ id: string; capacity: number; type?: string; unavailable?: number[] }>;
  faculty: Array<{
    id: string;
    maxPerDay?: number;
    maxPerWeek?: number;
    maxDays?: number;
    minPerDay?: number;
    minDays?: number;
    unavailable?: number[];
  }>;
  groups: Array<{ id: string; size: number; parent?: string; maxPerDay?: number; minPerDay?: number }>;
  courses: Array<{
    id: string;
    sessions: number;
    length?: number;
    faculty?: string[];
    groups?: string[];
    /** Allowed rooms; default every room. */
    rooms?: string[];
    students?: number;
    minDays?: number;
    roomType?: string;
    unavailable?: number[];
    /** Slots a session may start at; absent = anywhere. */
    starts?: number[];
  }>;
  fixed?: Array<{ course: string; session: number; slot: number; room?: string }>;
  rules?: Array<{ kind: RuleKind; courses: string[]; hard?: boolean; value?: number }>;
  /** Pairs of courses sharing enrolled students: [a, b, count]. */
  shared?: Array<[string, string, number]>;
  capacityHard?: boolean;
}

function csr(rows: number[][]): Csr {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => (offsets[i + 1] = offsets[i] + r.length));
  return { offsets, items: Int32Array.from(rows.flat()) };
}

function indexer(ids: string[]): (id: string) => number {
  const m = new Map(ids.map((id, i) => [id, i]));
  return (id) => {
    const i = m.get(id);
    if (i === undefined) throw new Error(`tinyProblem: unknown id ${id}`);
    return i;
  };
}

export function tinyProblem(spec: TinySpec): CompiledProblem {
  const { days: nDays, periods: nPeriods } = spec;
  const nSlots = nDays * nPeriods;
  const adjacentToNext = new Uint8Array(nPeriods);
  const blockOf = new Int32Array(nPeriods);
  for (let p = 0; p < nPeriods; p++) {
    adjacentToNext[p] = p + 1 < nPeriods && !(spec.breaksAfter ?? []).includes(p) ? 1 : 0;
    blockOf[p] = p === 0 ? 0 : blockOf[p - 1] + (adjacentToNext[p - 1] ? 0 : 1);
  }
  const roomIx = indexer(spec.rooms.map((r) => r.id));
  const facIx = indexer(spec.faculty.map((f) => f.id));
  const groupIx = indexer(spec.groups.map((g) => g.id));
  const nCourses = spec.courses.length;
  const groupParent = Int32Array.from(spec.groups.map((g) => (g.parent ? groupIx(g.parent) : -1)));
  const hasChild = new Set(spec.groups.filter((g) => g.parent).map((g) => g.parent));
  const leaves = spec.groups.map((g, i) => i).filter((i) => !hasChild.has(spec.groups[i].id));
  const ancestorsOf = (g: number): number[] => (g < 0 ? [] : [g, ...ancestorsOf(groupParent[g])]);
  const courseGroups = spec.courses.map((c) => (c.groups ?? []).map(groupIx));
  const courseSets = courseGroups.map((gs) =>
    leaves.map((g, k) => (ancestorsOf(g).some((a) => gs.includes(a)) ? k : -1)).filter((k) => k >= 0),
  );
  const facultyUnavailable = new Uint8Array(spec.faculty.length * nSlots);
  spec.faculty.forEach((f, i) =>
    (f.unavailable ?? []).forEach((s) => (facultyUnavailable[i * nSlots + s] = 1)),
  );
  const roomUnavailable = new Uint8Array(spec.rooms.length * nSlots);
  spec.rooms.forEach((r, i) => (r.unavailable ?? []).forEach((s) => (roomUnavailable[i * nSlots + s] = 1)));
  const courseFaculty = spec.courses.map((c) => (c.faculty ?? []).map(facIx));
  const startForbidden = new Uint8Array(nCourses * nSlots);
  const courseStartOff = new Uint8Array(nCourses * nSlots);
  const courseFirstSession = new Int32Array(nCourses);
  const sessionCourse: number[] = [];
  const sessionIndex: number[] = [];
  spec.courses.forEach((c, ci) => {
    courseFirstSession[ci] = sessionCourse.length;
    for (let k = 0; k < c.sessions; k++) {
      sessionCourse.push(ci);
      sessionIndex.push(k);
    }
    const len = c.length ?? 1;
    for (let s = 0; s < nSlots; s++) {
      const p = s % nPeriods;
      let bad = p + len > nPeriods;
      for (let q = p; !bad && q < p + len; q++) {
        if (q < p + len - 1 && !adjacentToNext[q]) bad = true;
        const t = s - p + q;
        if ((c.unavailable ?? []).includes(t)) bad = true;
        if (courseFaculty[ci].some((f) => facultyUnavailable[f * nSlots + t])) bad = true;
      }
      if (c.starts !== undefined && !c.starts.includes(s)) {
        courseStartOff[ci * nSlots + s] = 1;
        bad = true;
      }
      startForbidden[ci * nSlots + s] = bad ? 1 : 0;
    }
  });
  const nSessions = sessionCourse.length;
  const sessionFixedSlot = new Int32Array(nSessions).fill(-1);
  const sessionFixedRoom = new Int32Array(nSessions).fill(-1);
  const courseIx = indexer(spec.courses.map((c) => c.id));
  for (const f of spec.fixed ?? []) {
    const s = courseFirstSession[courseIx(f.course)] + f.session;
    sessionFixedSlot[s] = f.slot;
    if (f.room) sessionFixedRoom[s] = roomIx(f.room);
  }
  const conflicts: number[][] = spec.courses.map(() => []);
  const conflictW: number[][] = spec.courses.map(() => []);
  for (const [a, b, w] of spec.shared ?? []) {
    conflicts[courseIx(a)].push(courseIx(b));
    conflictW[courseIx(a)].push(w);
    conflicts[courseIx(b)].push(courseIx(a));
    conflictW[courseIx(b)].push(w);
  }
  const groupSizeOf = (c: TinySpec['courses'][number]): number =>
    (c.groups ?? []).reduce((t, g) => t + spec.groups[groupIx(g)].size, 0);
  const roomTypes = [...new Set(['lecture', ...spec.rooms.map((r) => r.type ?? 'lecture')])];
  spec.courses.forEach((c) => c.roomType && !roomTypes.includes(c.roomType) && roomTypes.push(c.roomType));
  const courseUnavailable = new Uint8Array(nCourses * nSlots);
  spec.courses.forEach((c, ci) =>
    (c.unavailable ?? []).forEach((s) => (courseUnavailable[ci * nSlots + s] = 1)),
  );
  // `id#k` names session k (1-based) of course id: such rules go to sessionRules, as compile does.
  const member = (item: string): { c: number; k?: number } => {
    const hash = item.lastIndexOf('#');
    return hash < 0
      ? { c: courseIx(item) }
      : { c: courseIx(item.slice(0, hash)), k: Number(item.slice(hash + 1)) };
  };
  const rules: CompiledRule[] = [];
  const sessionRules: CompiledRule[] = [];
  (spec.rules ?? []).forEach((r, i) => {
    const ms = r.courses.map(member);
    const rule: CompiledRule = {
      kind: r.kind,
      courses: Int32Array.from(ms, (m) => m.c),
      hard: r.hard ?? true,
      weight: 1,
      value: r.value ?? 0,
      source: i,
    };
    if (ms.every((m) => m.k === undefined)) rules.push(rule);
    else
      sessionRules.push({
        ...rule,
        first: Int32Array.from(ms, (m) => courseFirstSession[m.c] + (m.k ?? 1) - 1),
        count: Int32Array.from(ms, (m) => (m.k === undefined ? spec.courses[m.c].sessions : 1)),
      });
  });
  const setCourses = csr(leaves.map((_, k) => courseSets.flatMap((ks, c) => (ks.includes(k) ? [c] : []))));
  return {
    nDays,
    nPeriods,
    nSlots,
    dayNames: Array.from({ length: nDays }, (_, d) => `D${d + 1}`),
    periodLabels: Array.from({ length: nPeriods }, (_, p) => `P${p + 1}`),
    adjacentToNext,
    blockOf,
    nCourses,
    courseIds: spec.courses.map((c) => c.id),
    courseFirstSession,
    courseSessionCount: Int32Array.from(spec.courses.map((c) => c.sessions)),
    courseLength: Int32Array.from(spec.courses.map((c) => c.length ?? 1)),
    courseStudents: Int32Array.from(spec.courses.map((c) => c.students ?? groupSizeOf(c))),
    courseMinDays: Int32Array.from(spec.courses.map((c) => c.minDays ?? Math.min(c.sessions, nDays))),
    courseFaculty: csr(courseFaculty),
    courseGroups: csr(courseGroups),
    courseStudentSets: csr(courseSets),
    courseRooms: csr(spec.courses.map((c) => (c.rooms ?? spec.rooms.map((r) => r.id)).map(roomIx))),
    startForbidden,
    courseUnavailable,
    courseStartOff,
    courseRoomType: Int32Array.from(spec.courses.map((c) => roomTypes.indexOf(c.roomType ?? 'lecture'))),
    courseStudentConflicts: csr(conflicts),
    courseConflictWeight: Int32Array.from(conflictW.flat()),
    nSessions,
    sessionCourse: Int32Array.from(sessionCourse),
    sessionIndex: Int32Array.from(sessionIndex),
    sessionFixedSlot,
    sessionFixedRoom,
    nRooms: spec.rooms.length,
    roomIds: spec.rooms.map((r) => r.id),
    roomCapacity: Int32Array.from(spec.rooms.map((r) => r.capacity)),
    roomType: Int32Array.from(spec.rooms.map((r) => roomTypes.indexOf(r.type ?? 'lecture'))),
    roomTypes,
    roomBuilding: new Int32Array(spec.rooms.length).fill(-1),
    buildings: [],
    roomUnavailable,
    nFaculty: spec.faculty.length,
    facultyIds: spec.faculty.map((f) => f.id),
    facultyMaxPerDay: Int32Array.from(spec.faculty.map((f) => f.maxPerDay ?? 0)),
    facultyMaxPerWeek: Int32Array.from(spec.faculty.map((f) => f.maxPerWeek ?? 0)),
    facultyMaxDays: Int32Array.from(spec.faculty.map((f) => f.maxDays ?? 0)),
    facultyMaxGapsPerDay: new Int32Array(spec.faculty.length).fill(-1),
    facultyMaxGapsPerWeek: new Int32Array(spec.faculty.length).fill(-1),
    facultyMinPerDay: Int32Array.from(spec.faculty.map((f) => f.minPerDay ?? 0)),
    facultyMinDays: Int32Array.from(spec.faculty.map((f) => f.minDays ?? 0)),
    facultyMaxContinuous: new Int32Array(spec.faculty.length),
    facultyMaxSpan: new Int32Array(spec.faculty.length),
    facultyMinRest: new Int32Array(spec.faculty.length),
    facultyMaxBuildingChangesPerDay: new Int32Array(spec.faculty.length).fill(-1),
    facultyMaxBuildingChangesPerWeek: new Int32Array(spec.faculty.length).fill(-1),
    facultyMinGapsBetweenBuildingChanges: new Int32Array(spec.faculty.length),
    facultyUnavailable,
    facultyCourses: csr(
      spec.faculty.map((_, f) => courseFaculty.flatMap((fs, c) => (fs.includes(f) ? [c] : []))),
    ),
    nGroups: spec.groups.length,
    groupIds: spec.groups.map((g) => g.id),
    groupParent,
    groupSize: Int32Array.from(spec.groups.map((g) => g.size)),
    groupMaxPerDay: Int32Array.from(spec.groups.map((g) => g.maxPerDay ?? 0)),
    groupMinPerDay: Int32Array.from(spec.groups.map((g) => g.minPerDay ?? 0)),
    groupMaxGapsPerDay: new Int32Array(spec.groups.length).fill(-1),
    groupMaxGapsPerWeek: new Int32Array(spec.groups.length).fill(-1),
    groupMaxContinuous: new Int32Array(spec.groups.length),
    groupMaxLateStarts: new Int32Array(spec.groups.length).fill(-1),
    groupMaxSpan: new Int32Array(spec.groups.length),
    groupMinRest: new Int32Array(spec.groups.length),
    groupMaxBuildingChangesPerDay: new Int32Array(spec.groups.length).fill(-1),
    groupMaxBuildingChangesPerWeek: new Int32Array(spec.groups.length).fill(-1),
    groupMinGapsBetweenBuildingChanges: new Int32Array(spec.groups.length),
    nStudentSets: leaves.length,
    setGroup: Int32Array.from(leaves),
    setCourses,
    setUnavailable: setUnavailable(leaves.length, setCourses, courseUnavailable, nSlots),
    rules,
    sessionRules,
    capacityHard: spec.capacityHard ?? true,
    weights: { ...DEFAULT_WEIGHTS },
  };
}
