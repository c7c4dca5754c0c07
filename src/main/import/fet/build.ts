// Builds the college model from a read FET document: FET hours -> Periods (an hour that is a break
// on every day becomes a gap), teachers -> Faculty, FET's atomic students sets (subgroups) ->
// Groups, so that two courses share a group exactly when FET's activities share a subgroup (FET's
// clash relation), activities -> Courses (the parts of a split activity that agree on everything
// form one course; each part is a session), constraints -> fields, Fixed rows and Rules through the
// table in constraints.ts (relations between activities: relations.ts). Whatever cannot be said
// exactly is counted per FET constraint kind and returned as warnings naming the activities
// concerned.
import type {
  College,
  Course,
  Faculty,
  Fixed,
  Group,
  ImportIssue,
  Period,
  Room,
  Rule,
  SlotRef,
} from '../../../shared/model/index.ts';
import { adjacency } from '../../../shared/model/periods.ts';
import { activitiesNamed } from './activitySelectors.ts';
import { consecutiveIfSameDay } from './constraintMappings.ts';
import { FET_CONSTRAINTS } from './constraints.ts';
import type { FetContext, FetSlot, Outcome, Relation } from './fetContext.ts';
import type { FetActivity, FetDocument } from './read.ts';
import { keepExactLateStarts } from './lateStarts.ts';
import { MORN_AFT_CONSTRAINTS, weakerInMornAft } from './mornAftConstraints.ts';
import { buildingGapLimits, buildingLimits } from './buildingChanges.ts';
import { halfDaySlots } from './mornAftRead.ts';
import { dropRepeatedAdjacentIfSameDay, resolveRelations, sessionRules } from './relations.ts';
import { startBetween, startRefs } from './startSlots.ts';
import { FetXmlError, textOf, textsOf, type XmlElement } from './xml.ts';

/** Prefix of the room made for a course whose FET activities use no room (FET allocates none). */
export const NO_ROOM_PREFIX = 'no-room:';

export interface KindCount {
  mapped: number;
  weakened: number;
  dropped: number;
  /** Why (per outcome other than mapped) and the activities concerned. */
  reasons: Map<string, { outcome: Outcome; reason: string; count: number; activities: Set<number> }>;
}

export interface FetBuild {
  college: College;
  /** Per FET constraint kind: how many were mapped exactly, weakened or dropped. */
  kinds: Map<string, KindCount>;
  /** FET activity id -> course id and 1-based session. */
  sessionOf: Map<number, { courseId: string; session: number }>;
  activities: number;
  inactive: number;
}

const ANY = '*';

export function buildCollege(doc: FetDocument, root: XmlElement, file: string): FetBuild {
  const D = doc.days.length;
  const H = doc.hours.length;
  const dayIdx = new Map(doc.days.map((d, i) => [d, i]));
  const hourIdx = new Map(doc.hours.map((h, i) => [h, i]));
  const activityById = new Map(doc.activities.map((a) => [a.id, a]));
  const component = new Map<number, number>();
  const byGroup = new Map<number, FetActivity[]>();
  for (const a of doc.activities) {
    const g = a.groupId || a.id;
    const list = byGroup.get(g) ?? [];
    list.push(a);
    byGroup.set(g, list);
  }
  for (const list of byGroup.values()) {
    list.sort((a, b) => a.id - b.id);
    list.forEach((a, i) => component.set(a.id, i + 1));
  }
  const atomicCache = new Map<string, string[]>();
  const atomicOf = (set: string): string[] => {
    let v = atomicCache.get(set);
    if (!v) {
      v = [...(doc.setMembers.get(set) ?? [])];
      atomicCache.set(set, v);
    }
    return v;
  };

  const kinds = new Map<string, KindCount>();
  const note = (fetKind: string, outcome: Outcome, activities: number[], reason: string): void => {
    const k: KindCount = kinds.get(fetKind) ?? { mapped: 0, weakened: 0, dropped: 0, reasons: new Map() };
    k[outcome]++;
    if (outcome !== 'mapped') {
      const key = `${outcome}\u0000${reason}`;
      const r = k.reasons.get(key) ?? { outcome, reason, count: 0, activities: new Set<number>() };
      r.count++;
      for (const a of activities) r.activities.add(a);
      k.reasons.set(key, r);
    }
    kinds.set(fetKind, k);
  };
  /** Moves one count of a kind from mapped to weakened/dropped (found after the constraint was read). */
  const demote = (fetKind: string, outcome: Outcome, activities: number[], reason: string): void => {
    const k = kinds.get(fetKind);
    if (k && k.mapped > 0) k.mapped--;
    note(fetKind, outcome, activities, reason);
  };

  const located = (el: XmlElement, message: string): never => {
    throw new FetXmlError(message, el.line, el.column);
  };
  const timeSlots = (el: XmlElement, day: string, hour: string): FetSlot[] => {
    if (doc.mornAft) {
      const slots = halfDaySlots(doc.mornAft, day, hour);
      return typeof slots === 'string' ? located(el, `<${el.name}> names ${slots}`) : slots;
    }
    const ds = day === '' ? doc.days.map((_, i) => i) : [dayIdx.get(day)];
    const hs = hour === '' ? doc.hours.map((_, i) => i) : [hourIdx.get(hour)];
    if (ds[0] === undefined)
      located(el, `<${el.name}> names day "${day}", which the Days_List does not define`);
    if (hs[0] === undefined)
      located(el, `<${el.name}> names hour "${hour}", which the Hours_List does not define`);
    const out: FetSlot[] = [];
    for (const d of ds as number[]) for (const h of hs as number[]) out.push(d * H + h);
    return out;
  };
  const ctx: FetContext = {
    activityById,
    component,
    hoursPerDay: H,
    ...(doc.mornAft ? { mornAft: { hoursPerHalf: doc.mornAft.halfHours.length } } : {}),
    hasTerms: doc.daysPerTerm !== undefined,
    timeSlots,
    slots(el, item, dayTag, hourTag) {
      const out: FetSlot[] = [];
      for (const c of el.children)
        if (c.name === item) out.push(...timeSlots(c, textOf(c, dayTag) ?? '', textOf(c, hourTag) ?? ''));
      return out;
    },
    matching(el) {
      const teacher = textOf(el, 'Teacher_Name') ?? '';
      const students = textOf(el, 'Students_Name') ?? '';
      const subject = textOf(el, 'Subject_Name') ?? '';
      const tag = textOf(el, 'Activity_Tag_Name') ?? '';
      const duration = textOf(el, 'Duration') ?? '';
      return doc.activities.filter(
        (a) =>
          (teacher === '' || a.teachers.includes(teacher)) &&
          (students === '' || a.students.includes(students)) &&
          (subject === '' || a.subject === subject) &&
          (tag === '' || a.tags.includes(tag)) &&
          (duration === '' || a.duration === Number(duration)),
      );
    },
    listed(el, tag = 'Activity_Id') {
      return textsOf(el, tag)
        .map(Number)
        .filter((id) => activityById.has(id));
    },
    atomicOf,
    allTeachers: doc.teachers,
    allSubgroups: [...doc.subgroups.keys()],
    breaks: new Set(),
    allowStart: new Map(),
    allowOccupy: new Map(),
    forbidOccupy: new Map(),
    fixedStart: new Map(),
    singleRoom: new Map(),
    roomSets: new Map(),
    homeRooms: new Map(),
    teacherLimits: new Map(),
    teacherUnavailable: new Map(),
    subgroupLimits: new Map(),
    subgroupUnavailable: new Map(),
    roomUnavailable: new Map(),
    relations: [],
    note,
  };

  for (const el of [...doc.timeConstraints, ...doc.spaceConstraints]) {
    if (textOf(el, 'Active') === 'false') continue;
    const weight = Number(textOf(el, 'Weight_Percentage') ?? '100');
    if (!Number.isFinite(weight)) located(el, `<${el.name}> has a Weight_Percentage that is not a number`);
    if (weight <= 0 && !consecutiveIfSameDay(el)) continue;
    const mapping = (doc.mornAft && MORN_AFT_CONSTRAINTS[el.name]) || FET_CONSTRAINTS[el.name];
    if (!mapping) {
      note(el.name, 'dropped', activitiesNamed(el, ctx), 'no equivalent in the college contract');
      continue;
    }
    if (mapping.hardOnly && weight < 100) {
      note(
        el.name,
        'dropped',
        activitiesNamed(el, ctx),
        'soft (weight below 100 %): the contract has this only as a hard constraint',
      );
      continue;
    }
    mapping.handle(el, ctx, weight, el.name);
  }

  // Periods: an hour that is a break on every day leaves a gap; other breaks are unavailability.
  const allDayBreak = doc.hours.map((_, h) => doc.days.every((_d, d) => ctx.breaks.has(d * H + h)));
  const periodOf: number[] = [];
  const hourOf: number[] = [];
  doc.hours.forEach((_, h) => {
    if (allDayBreak[h]) periodOf.push(-1);
    else {
      periodOf.push(hourOf.length);
      hourOf.push(h);
    }
  });
  if (hourOf.length === 0) located(root, 'Every hour of the week is a break: there is no time to teach');
  // Mornings-afternoons: the afternoon's first hour follows a gap (FET's half days are days apart).
  const half = doc.mornAft?.halfHours.length ?? H;
  const part = (h: number): number => Math.floor(h / half);
  const periods = periodTimes(doc.hours, hourOf, doc.mornAft ? half : undefined);
  const P = periods.length;
  const adj = adjacency(periods);
  const partialBreaks = [...ctx.breaks].filter((s) => !allDayBreak[s % H]);
  const toRef = (s: FetSlot): SlotRef | null => {
    const p = periodOf[s % H];
    return p < 0 ? null : { day: Math.floor(s / H), period: p };
  };
  const refs = (slots: Iterable<FetSlot>): SlotRef[] => {
    const out: SlotRef[] = [];
    const seen = new Set<number>();
    for (const s of slots) {
      const r = toRef(s);
      if (r && !seen.has(r.day * P + r.period)) {
        seen.add(r.day * P + r.period);
        out.push(r);
      }
    }
    return out.sort((a, b) => a.day - b.day || a.period - b.period);
  };

  // Rooms: real rooms keep their names; virtual rooms are kept as one room each, with a warning.
  const rooms: Room[] = doc.rooms.map((r) => ({
    id: r.name,
    name: r.name,
    capacity: Math.max(1, r.capacity),
    type: 'lecture',
    ...(r.building ? { building: r.building } : {}),
    unavailable: refs(ctx.roomUnavailable.get(r.name) ?? []),
  }));
  const roomNames = new Set(doc.rooms.map((r) => r.name));
  const virtual = doc.rooms.filter((r) => r.virtual).map((r) => r.name);

  // Per activity: the starts FET allows (our slots), and its room key.
  const startKey = new Map<number, string>();
  const allowedStarts = new Map<number, boolean[]>();
  for (const a of doc.activities) {
    const ok = new Array<boolean>(D * P).fill(false);
    const starts = ctx.allowStart.get(a.id);
    const occupy = ctx.allowOccupy.get(a.id);
    const forbid = ctx.forbidOccupy.get(a.id);
    for (let d = 0; d < D; d++)
      for (let p = 0; p < P; p++) {
        const h0 = hourOf[p];
        if (starts && !starts.has(d * H + h0)) continue;
        let fine = h0 + a.duration <= H && part(h0) === part(h0 + a.duration - 1);
        for (let k = 0; fine && k < a.duration; k++) {
          const s = d * H + h0 + k;
          if (periodOf[h0 + k] < 0 || ctx.breaks.has(s)) fine = false;
          else if (occupy && !occupy.has(s)) fine = false;
          else if (forbid?.has(s)) fine = false;
        }
        ok[d * P + p] = fine;
      }
    allowedStarts.set(a.id, ok);
    startKey.set(a.id, ok.map((b) => (b ? '1' : '0')).join(''));
  }
  const roomKey = new Map<number, string[] | typeof ANY | null>();
  for (const a of doc.activities) {
    let set = ctx.roomSets.get(a.id);
    const single = ctx.singleRoom.get(a.id);
    if (single !== undefined && !ctx.fixedStart.has(a.id)) {
      set = new Set([...(set ?? [single])].filter((r) => r === single));
    }
    // FET applies home rooms only to activities with no preferred room of their own.
    if (set === undefined && single === undefined && ctx.homeRooms.has(a.id)) set = ctx.homeRooms.get(a.id);
    if (set !== undefined) roomKey.set(a.id, [...set].filter((r) => roomNames.has(r)).sort());
    else roomKey.set(a.id, single !== undefined ? ANY : null);
  }

  // Courses: the parts of one (split) activity that agree on everything a course states.
  const courses: Course[] = [];
  const extraRooms: Room[] = [];
  const courseActs = new Map<string, number[]>();
  const courseOf = new Map<number, string>();
  const subgroupsOf = (a: FetActivity): string[] => [...new Set(a.students.flatMap(atomicOf))].sort();
  for (const [, list] of [...byGroup.entries()].sort((x, y) => x[0] - y[0])) {
    const parts = new Map<string, FetActivity[]>();
    for (const a of list) {
      const rk = roomKey.get(a.id);
      const key = [
        a.duration,
        [...a.teachers].sort().join('\u0001'),
        subgroupsOf(a).join('\u0001'),
        a.subject,
        a.nStudents,
        startKey.get(a.id),
        rk === null ? 'none' : rk === ANY ? ANY : rk!.join('\u0001'),
      ].join('\u0000');
      const part = parts.get(key) ?? [];
      part.push(a);
      parts.set(key, part);
    }
    for (const part of parts.values()) {
      const first = part[0];
      const id = `A${first.id}`;
      const ok = allowedStarts.get(first.id)!;
      // Unavailable: every period no allowed start covers. Starts: the allowed starts themselves, where
      // FET names starts, or where another start fits between allowed ones (unavailable alone would
      // then allow it); the parts of one course share their allowed starts, so this is exact.
      const covered = new Array<boolean>(D * P).fill(false);
      for (let s = 0; s < D * P; s++)
        if (ok[s]) for (let k = 0; k < first.duration; k++) covered[s + k] = true;
      const unavailable: SlotRef[] = [];
      for (let s = 0; s < D * P; s++)
        if (!covered[s]) unavailable.push({ day: Math.floor(s / P), period: s % P });
      const listStarts = ctx.allowStart.has(first.id) || startBetween(ok, covered, first.duration, D, P, adj);
      const rk = roomKey.get(first.id);
      let roomType = 'lecture';
      let allowed: string[] = [];
      if (rk === null) {
        const rid = `${NO_ROOM_PREFIX}${id}`;
        extraRooms.push({
          id: rid,
          name: `(no room) ${first.subject || id}`,
          capacity: Math.max(1, first.nStudents),
          type: rid,
          unavailable: [],
        });
        roomType = rid;
        allowed = [rid];
      } else if (rk !== ANY) allowed = rk!;
      const course: Course = {
        id,
        name: first.subject || `Activity ${first.id}`,
        department: doc.yearOf.get(subgroupsOf(first)[0] ?? '') ?? '',
        faculty: [...new Set(first.teachers)],
        groups: subgroupsOf(first),
        sessions: part.length,
        length: first.duration,
        roomType,
        rooms: allowed,
        students: first.nStudents,
        minDays: 0,
        unavailable,
      };
      if (listStarts && ok.some(Boolean)) course.starts = startRefs(ok, P);
      courses.push(course);
      courseActs.set(
        id,
        part.map((a) => a.id),
      );
      for (const a of part) courseOf.set(a.id, id);
    }
  }
  // Rules from relations; session order per course follows the k-with-k pairings.
  const order = new Map<string, Array<number | undefined>>();
  for (const [cid, acts] of courseActs)
    order.set(cid, new Array<number | undefined>(acts.length).fill(undefined));
  const rules: Rule[] = [];
  // A break with teaching hours before and after it on its day: FET's consecutive and grouped
  // activities may sit on either side of it, the contract's consecutive and adjacent may not.
  // The rules consecutive_across_break and adjacent_across_break allow a break between, as FET does,
  // but only one left out of the periods (every day): a break on some days only is an unavailable
  // period here, and a session after it does not start in the next period.
  const innerBreakWhere = (everyDay: boolean): boolean =>
    doc.days.some((_d, d) => {
      const open = doc.hours.map((_h, h) => !ctx.breaks.has(d * H + h));
      return open.some(
        (o, h) =>
          !o &&
          (everyDay || !allDayBreak[h]) &&
          open.some((x, i) => x && i < h && part(i) === part(h)) &&
          open.some((x, i) => x && i > h && part(i) === part(h)),
      );
    });
  const innerBreak = innerBreakWhere(true);
  const partialInnerBreak = innerBreakWhere(false);
  const bySession: Relation[] = [];
  // An every-day break hour between two teaching hours: FET counts it in min gaps, the contract
  // (which leaves it out of Periods) does not.
  const innerGap = periodOf.some(
    (p, h) =>
      p < 0 &&
      periodOf.some((q, i) => q >= 0 && i < h && part(i) === part(h)) &&
      periodOf.some((q, i) => q >= 0 && i > h && part(i) === part(h)),
  );
  const breaks = { inner: innerBreak, partialInner: partialInnerBreak, innerGap };
  // FET's min gaps count such a break hour as a gap: min_gap_counting_breaks counts each gap between
  // periods as one, exact when no two break hours in a row sit inside a day (else weaker than FET's).
  if (innerGap) {
    const longGap = periodOf.some(
      (p, h) =>
        p < 0 &&
        h > 0 &&
        periodOf[h - 1] < 0 &&
        part(h - 1) === part(h) &&
        periodOf.some((q, i) => q >= 0 && i < h - 1 && part(i) === part(h)) &&
        periodOf.some((q, i) => q >= 0 && i > h && part(i) === part(h)),
    );
    for (const r of ctx.relations)
      if (r.rule === 'min_gap') {
        r.rule = 'min_gap_counting_breaks';
        if (longGap)
          r.weakened =
            'FET counts each break hour inside the day as a gap; the contract counts a break of several hours as one free period';
      }
  }
  // FET allocates no room to an activity without room constraints, and its same room if consecutive
  // and occupy max different rooms skip such an activity: so do the rules (the activity's course
  // has a room of its own here).
  for (const r of ctx.relations)
    if (r.rule === 'same_room_if_consecutive' || r.rule === 'same_room')
      r.activities = r.activities.filter((a) => roomKey.get(a) !== null);
  for (const r of ctx.relations) if (r.slots) r.refs = refs(r.slots);
  resolveRelations(ctx.relations, courseOf, courseActs, order, rules, bySession, note, breaks);
  const sessionOf = new Map<number, { courseId: string; session: number }>();
  for (const [cid, acts] of courseActs) {
    const slots = order.get(cid)!;
    const rest = acts.filter((a) => !slots.includes(a));
    for (let k = 0; k < slots.length; k++) if (slots[k] === undefined) slots[k] = rest.shift();
    slots.forEach((a, k) => sessionOf.set(a!, { courseId: cid, session: k + 1 }));
  }
  for (const r of bySession) rules.push(...sessionRules(r, sessionOf, note));
  dropRepeatedAdjacentIfSameDay(rules);

  // Fixed sessions.
  const fixed: Fixed[] = [];
  for (const [id, t] of ctx.fixedStart) {
    const at = sessionOf.get(id);
    const p = periodOf[t.hour];
    if (!at) continue;
    if (p < 0) {
      demote('ConstraintActivityPreferredStartingTime', 'dropped', [id], 'the fixed start is in a break');
      continue;
    }
    const room = ctx.singleRoom.get(id);
    fixed.push({
      courseId: at.courseId,
      session: at.session,
      day: t.day,
      period: p,
      ...(room !== undefined && roomNames.has(room) ? { roomId: room } : {}),
    });
  }

  // FET's resting hours count break hours; an every-day break is no period here. One break hour may
  // fall into both ends of a rest (after one day's last hour and before the next day's first), so a
  // min_rest is read twice the every-day break hours lower (never stricter than FET's), and reported
  // weakened.
  const breakHours = 2 * allDayBreak.filter(Boolean).length;
  // Dropped when no limit is left at all once lowered.
  const restLeft = [...ctx.teacherLimits.values(), ...ctx.subgroupLimits.values()].some(
    (lim) => lim.minRest !== undefined && lim.minRest > breakHours,
  );
  if (breakHours > 0)
    for (const k of [
      'ConstraintTeacherMinRestingHours',
      'ConstraintTeachersMinRestingHours',
      'ConstraintStudentsSetMinRestingHours',
      'ConstraintStudentsMinRestingHours',
    ])
      for (let n = kinds.get(k)?.mapped ?? 0; n > 0; n--)
        demote(
          k,
          restLeft ? 'weakened' : 'dropped',
          [],
          `FET counts break hours in the rest, which are no periods here: the limit is read ${breakHours} periods lower (each every-day break hour may fall into both ends of a rest)`,
        );
  const gapsLower = buildingGapLimits(
    periodOf,
    [...ctx.teacherLimits.values(), ...ctx.subgroupLimits.values()],
    kinds,
    demote,
  );
  const faculty: Faculty[] = doc.teachers.map((t) => {
    const lim = ctx.teacherLimits.get(t) ?? {};
    return {
      id: t,
      name: t,
      department: '',
      ...(lim.maxPerDay !== undefined && lim.maxPerDay > 0 ? { maxPerDay: lim.maxPerDay } : {}),
      ...(lim.maxDays !== undefined && lim.maxDays > 0 ? { maxDays: lim.maxDays } : {}),
      ...(lim.maxGapsPerDay !== undefined ? { maxGapsPerDay: lim.maxGapsPerDay } : {}),
      ...(lim.maxGapsPerWeek !== undefined ? { maxGapsPerWeek: lim.maxGapsPerWeek } : {}),
      ...(lim.minPerDay !== undefined && lim.minPerDay > 0 ? { minPerDay: lim.minPerDay } : {}),
      ...(lim.minDays !== undefined && lim.minDays > 0 ? { minDays: lim.minDays } : {}),
      ...(lim.maxContinuous !== undefined && lim.maxContinuous > 0
        ? { maxContinuous: lim.maxContinuous }
        : {}),
      ...(lim.maxSpan !== undefined && lim.maxSpan > 0 ? { maxSpan: lim.maxSpan } : {}),
      ...(lim.minRest !== undefined && lim.minRest - breakHours > 0
        ? { minRest: lim.minRest - breakHours }
        : {}),
      ...buildingLimits(lim, gapsLower),
      unavailable: refs(ctx.teacherUnavailable.get(t) ?? []),
    };
  });
  keepExactLateStarts(doc, ctx, hourOf, demote);
  const groups: Group[] = [...doc.subgroups.entries()].map(([name, size]) => {
    const lim = ctx.subgroupLimits.get(name) ?? {};
    return {
      id: name,
      name,
      size: Math.max(0, size),
      department: doc.yearOf.get(name),
      ...(lim.maxPerDay !== undefined && lim.maxPerDay > 0 ? { maxPerDay: lim.maxPerDay } : {}),
      ...(lim.minPerDay !== undefined ? { minPerDay: lim.minPerDay } : {}),
      ...(lim.maxGapsPerDay !== undefined ? { maxGapsPerDay: lim.maxGapsPerDay } : {}),
      ...(lim.maxGapsPerWeek !== undefined ? { maxGapsPerWeek: lim.maxGapsPerWeek } : {}),
      ...(lim.maxContinuous !== undefined && lim.maxContinuous > 0
        ? { maxContinuous: lim.maxContinuous }
        : {}),
      ...(lim.maxLateStarts !== undefined && lim.maxLateStarts >= 0
        ? { maxLateStarts: lim.maxLateStarts }
        : {}),
      ...(lim.maxSpan !== undefined && lim.maxSpan > 0 ? { maxSpan: lim.maxSpan } : {}),
      ...(lim.minRest !== undefined && lim.minRest - breakHours > 0
        ? { minRest: lim.minRest - breakHours }
        : {}),
      ...buildingLimits(lim, gapsLower),
    };
  });
  // FET gaps never count break hours; a break on some days only is an unavailable period for us,
  // which the gap counts in the contract do count.
  if (partialBreaks.length) {
    for (const k of [
      'ConstraintTeacherMaxGapsPerDay',
      'ConstraintTeachersMaxGapsPerDay',
      'ConstraintStudentsSetMaxGapsPerDay',
      'ConstraintStudentsMaxGapsPerDay',
      'ConstraintTeacherMaxGapsPerWeek',
      'ConstraintTeachersMaxGapsPerWeek',
      'ConstraintStudentsSetMaxGapsPerWeek',
      'ConstraintStudentsMaxGapsPerWeek',
    ])
      if (kinds.get(k)?.mapped)
        demote(
          k,
          'weakened',
          [],
          'breaks that are not on every day count as gaps in the contract, not in FET',
        );
  }
  // FET counts an every-day break hour inside a day's span; here it is no period, so a day may span
  // one period more than FET allows around it.
  if (innerGap)
    for (const k of [
      'ConstraintTeacherMaxSpanPerDay',
      'ConstraintTeachersMaxSpanPerDay',
      'ConstraintStudentsSetMaxSpanPerDay',
      'ConstraintStudentsMaxSpanPerDay',
    ])
      for (let n = kinds.get(k)?.mapped ?? 0; n > 0; n--)
        demote(
          k,
          'weakened',
          [],
          'FET counts a break hour inside the span; a break between periods is no period here',
        );
  if (doc.mornAft) weakerInMornAft(kinds, demote, innerBreak);
  for (const t of doc.duplicateTeachers)
    note('Teachers_List', 'weakened', [], `teacher "${t}" is listed more than once; imported as one teacher`);
  for (const v of virtual)
    note(
      'Virtual rooms',
      'weakened',
      [],
      `virtual room "${v}" is one room here; its sets of real rooms are not allocated`,
    );

  const college: College = {
    calendar: {
      institution: doc.institution,
      days: doc.days,
      holidays: [],
      ...(doc.daysPerTerm !== undefined ? { daysPerTerm: doc.daysPerTerm } : {}),
    },
    periods,
    rooms: [...rooms, ...extraRooms],
    faculty,
    groups,
    courses,
    students: [],
    enrollments: [],
    fixed,
    rules,
    weights: {},
    settings: { roomCapacity: 'hard' },
    source: { kind: 'fet', name: file },
  };
  void partialBreaks;
  return { college, kinds, sessionOf, activities: doc.activities.length, inactive: doc.inactive };
}

/**
 * Period times: the hours' own times when every name reads as `HH:MM - HH:MM` and they agree with
 * FET's adjacency (consecutive hours touch, a left-out break hour leaves a gap); otherwise
 * synthetic times of one slot per FET hour, a left-out hour leaving a slot's gap. Labels are
 * FET's hour names.
 */
function periodTimes(names: string[], hourOf: number[], splitAt?: number): Period[] {
  const re = /^\s*(\d{1,2})[:.h](\d{2})\s*(?:-|–|to)\s*(\d{1,2})[:.h](\d{2})\s*$/;
  const parsed = hourOf.map((h) => {
    const m = re.exec(names[h]);
    if (!m) return null;
    const a = Number(m[1]) * 60 + Number(m[2]);
    const b = Number(m[3]) * 60 + Number(m[4]);
    return a < b && b < 24 * 60 ? [a, b] : null;
  });
  const hhmm = (t: number): string =>
    `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  const labels = uniqueLabels(hourOf.map((h) => names[h]));
  const real =
    parsed.every((x) => x !== null) &&
    parsed.every((x, i) => {
      if (i + 1 >= parsed.length) return true;
      const next = parsed[i + 1];
      const fetAdjacent = hourOf[i + 1] === hourOf[i] + 1 && hourOf[i + 1] !== splitAt;
      return fetAdjacent ? x[1] === next[0] : x[1] < next[0];
    });
  if (real) return parsed.map((x, i) => ({ label: labels[i], start: hhmm(x[0]), end: hhmm(x[1]) }));
  // A split (mornings-afternoons) leaves one slot free between the two parts of the day.
  const at = (h: number): number => (splitAt !== undefined && h >= splitAt ? h + 1 : h);
  const total = at(names.length);
  const slot = 8 * 60 + total * 60 < 24 * 60 ? 60 : Math.max(1, Math.floor((24 * 60 - 1) / total));
  const base = slot === 60 ? 8 * 60 : 0;
  return hourOf.map((h, i) => ({
    label: labels[i],
    start: hhmm(base + at(h) * slot),
    end: hhmm(base + (at(h) + 1) * slot),
  }));
}

function uniqueLabels(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n, i) => {
    const base = n.trim() === '' ? String(i + 1) : n.trim();
    const k = (seen.get(base) ?? 0) + 1;
    seen.set(base, k);
    return k === 1 ? base : `${base} (${k})`;
  });
}

/** The warnings of a build: one per FET constraint kind and reason, with counts and activities. */
export function buildWarnings(build: FetBuild, file: string): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const [kind, k] of [...build.kinds.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const r of k.reasons.values()) {
      const acts = [...r.activities].sort((a, b) => a - b);
      const shown = acts.slice(0, 20).join(', ');
      const more = acts.length > 20 ? ` and ${acts.length - 20} more` : '';
      out.push({
        severity: 'warning',
        file,
        sheet: kind,
        message:
          `${r.count} ${kind} ${r.outcome === 'dropped' ? 'not imported' : 'imported weaker'}: ${r.reason}` +
          (acts.length ? `. Activities: ${shown}${more}` : ''),
        hint:
          r.outcome === 'dropped'
            ? 'Check these activities in the timetable by hand, or express the need with Rules or Fixed sessions.'
            : 'The timetable may break what FET required here: check these activities by hand.',
      });
    }
  }
  if (build.inactive)
    out.push({
      severity: 'warning',
      file,
      sheet: 'Activities_List',
      message: `${build.inactive} inactive activit${build.inactive === 1 ? 'y was' : 'ies were'} skipped`,
      hint: 'Activate them in FET and import again if they should be timetabled.',
    });
  return out;
}
