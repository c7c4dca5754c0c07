// A deliberately naive, object-based implementation of the ITC-2007 cost function, written
// straight from data/itc2007/README.md §4 and sharing no code with the app: its own .ctt reader,
// its own solution reader. Tests compare the app's evaluator against it.

export interface RefInstance {
  days: number;
  periodsPerDay: number;
  courses: { id: string; teacher: string; lectures: number; minDays: number; students: number }[];
  rooms: { id: string; capacity: number }[];
  curricula: { id: string; courses: string[] }[];
  unavailable: { course: string; day: number; period: number }[];
}

export function refReadInstance(text: string): RefInstance {
  const t = text.split(/\s+/).filter((x) => x.length > 0);
  let i = 0;
  const take = (): string => t[i++];
  take();
  take(); // Name: <name>
  take();
  const nc = Number(take());
  take();
  const nr = Number(take());
  take();
  const days = Number(take());
  take();
  const periodsPerDay = Number(take());
  take();
  const nq = Number(take());
  take();
  const nu = Number(take());
  const inst: RefInstance = { days, periodsPerDay, courses: [], rooms: [], curricula: [], unavailable: [] };
  take(); // COURSES:
  for (let k = 0; k < nc; k++) {
    inst.courses.push({
      id: take(),
      teacher: take(),
      lectures: Number(take()),
      minDays: Number(take()),
      students: Number(take()),
    });
  }
  take(); // ROOMS:
  for (let k = 0; k < nr; k++) inst.rooms.push({ id: take(), capacity: Number(take()) });
  take(); // CURRICULA:
  for (let k = 0; k < nq; k++) {
    const id = take();
    const n = Number(take());
    const courses: string[] = [];
    for (let j = 0; j < n; j++) courses.push(take());
    inst.curricula.push({ id, courses });
  }
  take(); // UNAVAILABILITY_CONSTRAINTS:
  for (let k = 0; k < nu; k++)
    inst.unavailable.push({ course: take(), day: Number(take()), period: Number(take()) });
  return inst;
}

export interface RefCost {
  lectures: number;
  conflicts: number;
  availability: number;
  roomOccupancy: number;
  roomCapacity: number;
  minWorkingDays: number;
  curriculumCompactness: number;
  roomStability: number;
  violations: number;
  total: number;
}

/** Cost of solution lines `course room day period`, read as the validator reads them. */
export function refCost(inst: RefInstance, lines: string[]): RefCost {
  const P = inst.periodsPerDay;
  // (course, period) -> room; a second lecture of a course in one period is dropped.
  const table = new Map<string, Map<number, string>>();
  for (const c of inst.courses) table.set(c.id, new Map());
  for (const line of lines) {
    const [course, room, dayTok, periodTok] = line.trim().split(/\s+/);
    const day = Number(dayTok);
    const period = Number(periodTok);
    if (!table.has(course) || !inst.rooms.some((r) => r.id === room)) continue;
    if (day >= inst.days || period >= P) continue;
    const row = table.get(course) as Map<number, string>;
    if (row.has(day * P + period)) continue;
    row.set(day * P + period, room);
  }
  const has = (course: string, period: number): boolean => table.get(course)?.has(period) ?? false;
  const periods = inst.days * P;

  let lectures = 0;
  for (const c of inst.courses)
    lectures += Math.abs((table.get(c.id) as Map<number, string>).size - c.lectures);

  let conflicts = 0;
  for (let a = 0; a < inst.courses.length; a++) {
    for (let b = a + 1; b < inst.courses.length; b++) {
      const ca = inst.courses[a];
      const cb = inst.courses[b];
      const together =
        ca.teacher === cb.teacher ||
        inst.curricula.some((q) => q.courses.includes(ca.id) && q.courses.includes(cb.id));
      if (!together) continue;
      for (let p = 0; p < periods; p++) if (has(ca.id, p) && has(cb.id, p)) conflicts++;
    }
  }

  let availability = 0;
  for (const u of inst.unavailable) if (has(u.course, u.day * P + u.period)) availability++;

  let roomOccupancy = 0;
  for (const r of inst.rooms) {
    for (let p = 0; p < periods; p++) {
      let k = 0;
      for (const c of inst.courses) if (table.get(c.id)?.get(p) === r.id) k++;
      if (k > 1) roomOccupancy += k - 1;
    }
  }

  let roomCapacity = 0;
  let minWorkingDays = 0;
  let roomStability = 0;
  for (const c of inst.courses) {
    const row = table.get(c.id) as Map<number, string>;
    const days = new Set<number>();
    const rooms = new Set<string>();
    for (const [p, room] of row) {
      const cap = inst.rooms.find((r) => r.id === room)?.capacity ?? 0;
      roomCapacity += Math.max(0, c.students - cap);
      days.add(Math.floor(p / P));
      rooms.add(room);
    }
    minWorkingDays += Math.max(0, c.minDays - days.size);
    roomStability += Math.max(0, rooms.size - 1);
  }

  let isolated = 0;
  for (const q of inst.curricula) {
    const count = (p: number): number => q.courses.filter((c) => has(c, p)).length;
    for (let d = 0; d < inst.days; d++) {
      for (let s = 0; s < P; s++) {
        const n = count(d * P + s);
        if (n === 0) continue;
        const before = s > 0 && count(d * P + s - 1) > 0;
        const after = s < P - 1 && count(d * P + s + 1) > 0;
        if (!before && !after) isolated += n;
      }
    }
  }

  const violations = lectures + conflicts + availability + roomOccupancy;
  const total = roomCapacity + 5 * minWorkingDays + 2 * isolated + roomStability;
  return {
    lectures,
    conflicts,
    availability,
    roomOccupancy,
    roomCapacity,
    minWorkingDays: 5 * minWorkingDays,
    curriculumCompactness: 2 * isolated,
    roomStability,
    violations,
    total,
  };
}
