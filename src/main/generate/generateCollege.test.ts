import { describe, expect, it } from 'vitest';
import type { College, Timetable } from '../../shared/model/types.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { DEFAULT_WEIGHTS } from '../../shared/eval/weights.ts';
import { ruleKinds } from '../../shared/model/schema.ts';
import { generateCollege } from './index.ts';

// An independent check of the planted timetable against the college, written from WORKBOOK.md
// (not from the evaluator): returns one message per hard violation.
function hardViolations(college: College, timetable: Timetable): string[] {
  const out: string[] = [];
  const nP = college.periods.length;
  const nD = college.calendar.days.length;
  const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const joined = (p: number): boolean =>
    minutes(college.periods[p].end) === minutes(college.periods[p + 1].start);
  const children = new Map<string, string[]>();
  for (const g of college.groups)
    if (g.parent) children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
  const leavesOf = (g: string): string[] => {
    const c = children.get(g);
    return c ? c.flatMap(leavesOf) : [g];
  };
  const groupSize = new Map(college.groups.map((g) => [g.id, g.size]));
  const studentGroups = new Map(college.students.map((s) => [s.id, new Set(s.groups)]));
  const enrolled = new Map<string, string[]>();
  for (const e of college.enrollments)
    enrolled.set(e.courseId, [...(enrolled.get(e.courseId) ?? []), e.studentId]);
  const rooms = new Map(college.rooms.map((r) => [r.id, r]));
  const faculty = new Map(college.faculty.map((f) => [f.id, f]));
  const courses = new Map(college.courses.map((c) => [c.id, c]));
  const at = new Map<string, { day: number; period: number; room: string }>();
  for (const a of timetable.assignments) {
    if (a.day === null || a.period === null || a.roomId === null)
      out.push(`${a.courseId}/${a.session} unplaced`);
    else at.set(`${a.courseId}/${a.session}`, { day: a.day, period: a.period, room: a.roomId });
  }
  const busy = new Map<string, number>();
  const use = (key: string): void => {
    busy.set(key, (busy.get(key) ?? 0) + 1);
    if (busy.get(key) === 2) out.push(`clash ${key}`);
  };
  const leafDay = new Map<string, number[]>(); // leaf|day -> periods
  const facDay = new Map<string, number[]>();
  for (const c of college.courses) {
    const leaves = new Set(c.groups.flatMap(leavesOf));
    const extra = (enrolled.get(c.id) ?? []).filter(
      (s) => !c.groups.some((g) => studentGroups.get(s)?.has(g)),
    );
    const heads = c.students ?? c.groups.reduce((n, g) => n + (groupSize.get(g) ?? 0), 0) + extra.length;
    for (let k = 1; k <= c.sessions; k++) {
      const p = at.get(`${c.id}/${k}`);
      if (!p) {
        out.push(`${c.id}/${k} missing`);
        continue;
      }
      if (p.period + c.length > nP) out.push(`${c.id}/${k} runs past the day`);
      for (let q = p.period; q < p.period + c.length - 1 && q + 1 < nP; q++)
        if (!joined(q)) out.push(`${c.id}/${k} crosses a break`);
      const room = rooms.get(p.room);
      if (!room) out.push(`${c.id}/${k} unknown room ${p.room}`);
      else {
        if (room.type !== c.roomType) out.push(`${c.id}/${k} room type ${room.type} != ${c.roomType}`);
        if (c.rooms.length > 0 && !c.rooms.includes(room.id))
          out.push(`${c.id}/${k} room ${room.id} not allowed`);
        if (room.capacity < heads) out.push(`${c.id}/${k} room ${room.id} holds ${room.capacity} < ${heads}`);
      }
      for (let q = p.period; q < p.period + c.length; q++) {
        const slot = (x: { day: number; period: number }): boolean => x.day === p.day && x.period === q;
        use(`room ${p.room} ${p.day}:${q}`);
        if (room?.unavailable.some(slot)) out.push(`${c.id}/${k} room ${p.room} unavailable`);
        if (q === p.period && c.starts?.length && !c.starts.some(slot))
          out.push(`${c.id}/${k} starts at a slot the course does not list`);
        if (c.unavailable.some(slot)) out.push(`${c.id}/${k} course unavailable`);
        for (const f of c.faculty) {
          use(`faculty ${f} ${p.day}:${q}`);
          if (faculty.get(f)?.unavailable.some(slot)) out.push(`${c.id}/${k} faculty ${f} unavailable`);
          facDay.set(`${f}|${p.day}`, [...(facDay.get(`${f}|${p.day}`) ?? []), q]);
        }
        for (const l of leaves) {
          use(`group ${l} ${p.day}:${q}`);
          leafDay.set(`${l}|${p.day}`, [...(leafDay.get(`${l}|${p.day}`) ?? []), q]);
        }
      }
    }
  }
  const gaps = (ps: number[]): number =>
    ps.length === 0 ? 0 : Math.max(...ps) - Math.min(...ps) + 1 - ps.length;
  // The longest run of busy periods, each joined to the next (no break between them).
  const longestRun = (ps: number[]): number => {
    let longest = 0;
    for (const q of ps) {
      let n = 1;
      while (ps.includes(q + n) && q + n < college.periods.length && joined(q + n - 1)) n++;
      longest = Math.max(longest, n);
    }
    return longest;
  };
  // Rest between consecutive days: free periods after one day's last and before the next day's first.
  const restBelow = (days: number[][], min: number): boolean =>
    days.some(
      (ps, d) =>
        d + 1 < days.length &&
        (ps.length ? nP - 1 - Math.max(...ps) : nP) + (days[d + 1].length ? Math.min(...days[d + 1]) : nP) <
          min,
    );
  for (const f of college.faculty) {
    const days = Array.from({ length: nD }, (_, d) => facDay.get(`${f.id}|${d}`) ?? []);
    const week = days.reduce((n, ps) => n + ps.length, 0);
    if (f.maxPerWeek !== undefined && week > f.maxPerWeek) out.push(`faculty ${f.id} week ${week}`);
    if (f.maxDays !== undefined && days.filter((ps) => ps.length > 0).length > f.maxDays)
      out.push(`faculty ${f.id} days`);
    for (const ps of days) {
      if (f.maxPerDay !== undefined && ps.length > f.maxPerDay)
        out.push(`faculty ${f.id} day load ${ps.length}`);
      if (f.maxGapsPerDay !== undefined && gaps(ps) > f.maxGapsPerDay) out.push(`faculty ${f.id} gaps`);
      if (f.minPerDay !== undefined && ps.length > 0 && ps.length < f.minPerDay)
        out.push(`faculty ${f.id} min`);
      if (f.maxContinuous !== undefined && longestRun(ps) > f.maxContinuous) out.push(`faculty ${f.id} run`);
      if (f.maxSpan !== undefined && gaps(ps) + ps.length > f.maxSpan) out.push(`faculty ${f.id} span`);
    }
    const weekGaps = days.reduce((n, ps) => n + gaps(ps), 0);
    if (f.minRest !== undefined && restBelow(days, f.minRest)) out.push(`faculty ${f.id} rest`);
    if (f.maxGapsPerWeek !== undefined && weekGaps > f.maxGapsPerWeek) out.push(`faculty ${f.id} week gaps`);
    if (f.minDays !== undefined && days.filter((ps) => ps.length > 0).length < f.minDays)
      out.push(`faculty ${f.id} min days`);
  }
  for (const g of college.groups) {
    for (const l of leavesOf(g.id)) {
      let weekGaps = 0;
      for (let d = 0; d < nD; d++) weekGaps += gaps(leafDay.get(`${l}|${d}`) ?? []);
      if (g.maxGapsPerWeek !== undefined && weekGaps > g.maxGapsPerWeek) out.push(`group ${g.id} week gaps`);
      const leafDays = Array.from({ length: nD }, (_, d) => leafDay.get(`${l}|${d}`) ?? []);
      if (g.minRest !== undefined && restBelow(leafDays, g.minRest)) out.push(`group ${g.id} rest`);
      // Days beginning after the first period: at most max_late_starts, none after the second.
      const firsts = Array.from({ length: nD }, (_, d) => leafDay.get(`${l}|${d}`) ?? [])
        .filter((ps) => ps.length > 0)
        .map((ps) => Math.min(...ps));
      if (
        g.maxLateStarts !== undefined &&
        (firsts.some((q) => q >= 2) || firsts.filter((q) => q === 1).length > g.maxLateStarts)
      )
        out.push(`group ${g.id} late starts`);
    }
    for (const l of leavesOf(g.id))
      for (let d = 0; d < nD; d++) {
        const ps = leafDay.get(`${l}|${d}`) ?? [];
        if (g.maxPerDay !== undefined && ps.length > g.maxPerDay) out.push(`group ${g.id} day load`);
        if (g.minPerDay !== undefined && ps.length > 0 && ps.length < g.minPerDay)
          out.push(`group ${g.id} min`);
        if (g.maxGapsPerDay !== undefined && gaps(ps) > g.maxGapsPerDay) out.push(`group ${g.id} gaps`);
        if (g.maxContinuous !== undefined && longestRun(ps) > g.maxContinuous) out.push(`group ${g.id} run`);
        if (g.maxSpan !== undefined && gaps(ps) + ps.length > g.maxSpan) out.push(`group ${g.id} span`);
      }
  }
  for (const f of college.fixed) {
    const p = at.get(`${f.courseId}/${f.session}`);
    if (!p || p.day !== f.day || p.period !== f.period || (f.roomId && p.room !== f.roomId))
      out.push(`fixed ${f.courseId}/${f.session} moved`);
  }
  for (const r of college.rules.filter((x) => x.hard)) {
    // A member is a whole course or one session of it (`course_id#k`).
    const sess = (item: string): Array<{ day: number; period: number; room: string; len: number }> => {
      const hash = item.lastIndexOf('#');
      const id = courses.has(item) || hash < 0 ? item : item.slice(0, hash);
      const c = courses.get(id)!;
      const ks =
        id === item ? Array.from({ length: c.sessions }, (_, k) => k + 1) : [Number(item.slice(hash + 1))];
      return ks.map((k) => ({ ...at.get(`${id}/${k}`)!, len: c.length }));
    };
    const lists = r.courses.map(sess);
    const start = (s: { day: number; period: number }): number => s.day * nP + s.period;
    const fail = (why: string): number => out.push(`rule ${r.kind} ${r.courses.join(',')}: ${why}`);
    const pairs = (
      fromFirst: boolean,
      test: (a: (typeof lists)[0][0], b: (typeof lists)[0][0]) => boolean,
    ): void => {
      for (let i = 1; i < lists.length; i++) {
        const A = lists[fromFirst ? 0 : i - 1];
        for (let k = 0; k < Math.min(A.length, lists[i].length); k++)
          if (!test(A[k], lists[i][k])) fail(`session ${k + 1}`);
      }
    };
    // B starts in the period after A's last on A's day; with `joinedOnly`, no break between them.
    const after = (a: (typeof lists)[0][0], b: (typeof lists)[0][0], joinedOnly: boolean): boolean =>
      a.day === b.day && b.period === a.period + a.len && (!joinedOnly || joined(b.period - 1));
    const eachPairAcross = (test: (a: (typeof lists)[0][0], b: (typeof lists)[0][0]) => boolean): void => {
      for (let i = 0; i < lists.length; i++)
        for (let j = i + 1; j < lists.length; j++)
          for (const a of lists[i]) for (const b of lists[j]) if (!test(a, b)) fail('pair');
    };
    if (r.kind === 'same_time') pairs(true, (a, b) => start(a) === start(b));
    if (r.kind === 'same_day') pairs(true, (a, b) => a.day === b.day);
    if (r.kind === 'same_period') pairs(true, (a, b) => a.period === b.period);
    // B right after A ends, the periods between adjacent (no break).
    if (r.kind === 'consecutive') pairs(false, (a, b) => after(a, b, true));
    if (r.kind === 'consecutive_across_break') pairs(false, (a, b) => after(a, b, false));
    if (r.kind === 'adjacent') pairs(false, (a, b) => after(a, b, true) || after(b, a, true));
    if (r.kind === 'adjacent_across_break') pairs(false, (a, b) => after(a, b, false) || after(b, a, false));
    if (r.kind === 'ordered') pairs(false, (a, b) => start(a) + a.len <= start(b));
    if (r.kind === 'ordered_if_same_day')
      pairs(false, (a, b) => a.day !== b.day || start(a) + a.len <= start(b));
    // Sessions k of every member, in start order, each right after the one before (no break).
    if (r.kind === 'grouped')
      for (let k = 0; k < Math.min(...lists.map((l) => l.length)); k++) {
        const g = lists.map((l) => l[k]).sort((x, y) => start(x) - start(y));
        for (let i = 1; i < g.length; i++) if (!after(g[i - 1], g[i], true)) fail(`group ${k + 1}`);
      }
    if (r.kind === 'different_days') {
      const days = lists.flat().map((s) => s.day);
      if (new Set(days).size !== days.length) fail('two sessions on one day');
    }
    if (r.kind === 'not_overlapping')
      eachPairAcross((a, b) => !(start(a) < start(b) + b.len && start(b) < start(a) + a.len));
    // Members in different parts: no two of their sessions share a period.
    if (r.kind === 'not_overlapping_parts')
      for (let i = 0; i < lists.length; i++)
        for (let j = 0; j < i; j++)
          if (r.parts![i] !== r.parts![j])
            for (const a of lists[i])
              for (const b of lists[j])
                if (start(a) < start(b) + b.len && start(b) < start(a) + a.len) fail('two parts overlap');
    if (r.kind === 'min_days_between') eachPairAcross((a, b) => Math.abs(a.day - b.day) >= (r.value ?? 0));
    if (r.kind === 'min_days_apart')
      for (const l of lists)
        for (let i = 0; i < l.length; i++)
          for (let j = i + 1; j < l.length; j++)
            if (Math.abs(l[i].day - l[j].day) < (r.value ?? 0)) fail('too close');
    if (r.kind === 'min_gap') {
      const all = lists.flat();
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [x, y] = start(all[i]) <= start(all[j]) ? [all[i], all[j]] : [all[j], all[i]];
          if (x.day === y.day && y.period - (x.period + x.len) < (r.value ?? 0)) fail('gap too small');
        }
    }
    // Each break between the two counts as one free period.
    if (r.kind === 'min_gap_counting_breaks') {
      const all = lists.flat();
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++) {
          const [x, y] = start(all[i]) <= start(all[j]) ? [all[i], all[j]] : [all[j], all[i]];
          let free = y.period - (x.period + x.len);
          for (let q = x.period + x.len - 1; free >= 0 && q < y.period; q++)
            if (college.periods[q].end !== college.periods[q + 1].start) free++;
          if (x.day === y.day && free < (r.value ?? 0)) fail('gap too small');
        }
    }
    if (r.kind === 'same_room' && new Set(lists.flat().map((s) => s.room)).size > 1) fail('rooms differ');
    if (r.kind === 'max_days_apart') {
      const days = lists.flat().map((s) => s.day);
      if (Math.max(...days) - Math.min(...days) > (r.value ?? 0)) fail('too far apart');
    }
    // Nothing of the session's leaf groups after its last period that day.
    if (r.kind === 'ends_day')
      r.courses.forEach((item, i) => {
        const c = courses.get(courses.has(item) ? item : item.slice(0, item.lastIndexOf('#')))!;
        for (const s of lists[i])
          for (const l of new Set(c.groups.flatMap(leavesOf)))
            if ((leafDay.get(`${l}|${s.day}`) ?? []).some((q) => q >= s.period + s.len))
              fail('a later session');
      });
    if (r.kind === 'max_terms' || r.kind === 'max_per_term') {
      const perTerm = college.calendar.daysPerTerm ?? nD;
      const counts = new Map<number, number>();
      for (const s of lists.flat())
        counts.set(Math.floor(s.day / perTerm), (counts.get(Math.floor(s.day / perTerm)) ?? 0) + 1);
      if (r.kind === 'max_terms' && counts.size > (r.value ?? 0)) fail('too many terms');
      if (r.kind === 'max_per_term' && [...counts.values()].some((n) => n > (r.value ?? 0)))
        fail('too many in a term');
    }
    // The listed slots the sessions cover (a slot once), or the days on which they cover one.
    if (r.kind === 'max_slots' || r.kind === 'max_days_in_slots') {
      const listed = new Set((r.slots ?? []).map((t) => `${t.day}|${t.period}`));
      const hit = new Set<string>();
      for (const s of lists.flat())
        for (let q = s.period; q < s.period + s.len; q++)
          if (listed.has(`${s.day}|${q}`)) hit.add(r.kind === 'max_slots' ? `${s.day}|${q}` : `${s.day}`);
      if (hit.size > (r.value ?? 0)) fail(r.kind === 'max_slots' ? 'too many slots' : 'too many days');
    }
    if (r.kind === 'min_slots') {
      const listed = new Set((r.slots ?? []).map((t) => `${t.day}|${t.period}`));
      const hit = new Set<string>();
      for (const s of lists.flat())
        for (let q = s.period; q < s.period + s.len; q++)
          if (listed.has(`${s.day}|${q}`)) hit.add(`${s.day}|${q}`);
      if (hit.size < (r.value ?? 0)) fail('too few slots');
    }
    // Per day, the periods the sessions cover (a period once): how many, and the longest run of
    // periods each ending when the next starts.
    if (r.kind === 'max_per_day' || r.kind === 'max_continuous') {
      const byDay = new Map<number, Set<number>>();
      for (const s of lists.flat())
        for (let q = s.period; q < s.period + s.len; q++)
          byDay.set(s.day, (byDay.get(s.day) ?? new Set<number>()).add(q));
      for (const set of byDay.values()) {
        if (r.kind === 'max_per_day' && set.size > (r.value ?? 0)) fail('too many periods in a day');
        let run = 0;
        for (let q = 0; q < college.periods.length; q++) {
          const joined = q > 0 && set.has(q - 1) && college.periods[q - 1].end === college.periods[q].start;
          run = !set.has(q) ? 0 : joined ? run + 1 : 1;
          if (r.kind === 'max_continuous' && run > (r.value ?? 0)) fail('too many periods in a row');
        }
      }
    }
    // Per listed slot, the sessions covering it; each session starting, or running, off the list.
    if (
      r.kind === 'max_simultaneous' ||
      r.kind === 'min_simultaneous' ||
      r.kind === 'min_simultaneous_or_none' ||
      r.kind === 'max_sessions_in_slots' ||
      r.kind === 'preferred_starts' ||
      r.kind === 'preferred_slots'
    ) {
      const listed = new Map((r.slots ?? []).map((t) => [`${t.day}|${t.period}`, 0]));
      let inList = 0;
      for (const s of lists.flat()) {
        let any = false;
        for (let q = s.period; q < s.period + s.len; q++) {
          const key = `${s.day}|${q}`;
          if (listed.has(key)) listed.set(key, listed.get(key)! + 1);
          else if (r.kind === 'preferred_slots') fail('a period off the list');
          any ||= listed.has(key);
        }
        if (any) inList++;
        if (r.kind === 'preferred_starts' && !listed.has(`${s.day}|${s.period}`))
          fail('a start off the list');
      }
      const v = r.value ?? 0;
      for (const n of listed.values()) {
        if (r.kind === 'max_simultaneous' && n > v) fail('too many at once');
        if (r.kind === 'min_simultaneous' && n < v) fail('too few at once');
        if (r.kind === 'min_simultaneous_or_none' && n > 0 && n < v) fail('too few at once');
      }
      if (r.kind === 'max_sessions_in_slots' && inList > v) fail('too many in the slots');
    }
    if (r.kind === 'adjacent_if_same_day') {
      const all = lists.flat();
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++)
          if (all[i].day === all[j].day && !after(all[i], all[j], true) && !after(all[j], all[i], true))
            fail('on one day, not back to back');
    }
    if (r.kind === 'same_room_if_consecutive') {
      const all = lists.flat();
      for (let i = 0; i < all.length; i++)
        for (let j = i + 1; j < all.length; j++)
          if (all[i].room !== all[j].room && (after(all[i], all[j], true) || after(all[j], all[i], true)))
            fail('back to back in two rooms');
    }
  }
  return out;
}

describe('generateCollege', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = generateCollege('small', 5);
    const b = generateCollege('small', 5);
    const c = generateCollege('small', 6);
    expect(b.college).toEqual(a.college);
    expect(b.planted).toEqual(a.planted);
    expect(JSON.stringify(c.college)).not.toEqual(JSON.stringify(a.college));
    expect(JSON.stringify(c.planted)).not.toEqual(JSON.stringify(a.planted));
  });

  it.each([1, 2, 3, 4])(
    'small (seed %i) has the size of a small college and a hard-feasible planted timetable',
    (seed) => {
      const { college, planted, stats } = generateCollege('small', seed);
      const departments = new Set(college.groups.map((g) => g.department));
      expect(departments.size).toBeGreaterThanOrEqual(2);
      expect(departments.size).toBeLessThanOrEqual(3);
      expect(college.students.length).toBeGreaterThanOrEqual(300);
      expect(college.students.length).toBeLessThanOrEqual(600);
      expect(college.courses.length).toBeGreaterThanOrEqual(40);
      expect(college.courses.length).toBeLessThanOrEqual(80);
      expect(hardViolations(college, planted)).toEqual([]);
      expect(stats.plant.droppedSessions).toBe(0);
    },
  );

  it.each([1, 2])(
    'medium (seed %i) has about ten departments and a hard-feasible planted timetable',
    (seed) => {
      const { college, planted } = generateCollege('medium', seed);
      expect(new Set(college.faculty.map((f) => f.department)).size).toBe(10);
      expect(college.students.length).toBeGreaterThan(2000);
      expect(college.courses.length).toBeGreaterThan(250);
      expect(hardViolations(college, planted)).toEqual([]);
    },
  );

  it('sih has the size of the SIH problem statement and a hard-feasible planted timetable', () => {
    const { college, planted, stats } = generateCollege('sih', 1);
    expect(college.students.length).toBeGreaterThanOrEqual(19000);
    expect(stats.coursesExcludingBatches).toBeGreaterThanOrEqual(1600);
    expect(college.courses.length).toBeGreaterThanOrEqual(2300);
    expect(stats.weeklySessions).toBeGreaterThanOrEqual(6800);
    expect(college.faculty.length).toBeGreaterThanOrEqual(2100);
    expect(hardViolations(college, planted)).toEqual([]);
  });

  it('has what a real workbook has: lab batches, labs, electives, limits, rules of each kind, fixed rows', () => {
    const { college, stats } = generateCollege('medium', 3);
    const parents = new Set(college.groups.filter((g) => g.parent).map((g) => g.parent));
    expect(parents.size).toBeGreaterThan(10);
    const labs = college.courses.filter((c) => c.length >= 2 && c.roomType !== 'lecture');
    expect(labs.length).toBeGreaterThan(50);
    expect(labs.some((c) => c.rooms.length > 0)).toBe(true);
    expect(new Set(labs.map((c) => c.roomType)).size).toBeGreaterThan(5);
    expect(college.courses.some((c) => c.roomType === 'tutorial')).toBe(true);
    expect(college.enrollments.length).toBeGreaterThan(1000);
    expect(college.faculty.some((f) => f.unavailable.length > 0 && f.maxPerDay !== undefined)).toBe(true);
    const kinds = new Set(college.rules.map((r) => r.kind));
    for (const k of ['same_time', 'consecutive', 'different_days', 'not_overlapping'] as const)
      expect(kinds).toContain(k);
    expect(college.rules.some((r) => !r.hard)).toBe(true);
    expect(college.fixed.length).toBeGreaterThan(0);
    expect(college.calendar.timezone).toBe('Asia/Kolkata');
    expect(college.calendar.holidays.length).toBeGreaterThan(0);
    // Tea and lunch breaks split the day into blocks.
    const breaks = college.periods.filter((p, i) => i > 0 && p.start !== college.periods[i - 1].end);
    expect(breaks.length).toBe(2);
    for (const u of Object.values(stats.roomUtilisation)) expect(u).toBeLessThanOrEqual(1);
    expect(stats.roomUtilisation.lecture).toBeGreaterThan(0.55);
  });

  it('scale multiplies the size', () => {
    const one = generateCollege('medium', 4);
    const two = generateCollege('medium', 4, { scale: 2 });
    const ratio = two.college.students.length / one.college.students.length;
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(2.4);
    expect(hardViolations(two.college, two.planted)).toEqual([]);
  });

  it.each([
    ['small', false],
    ['medium', false],
    ['small', true],
    ['medium', true],
  ] as const)(
    '%s (plain %s): the evaluator finds no hard violation in the planted timetable',
    (preset, plain) => {
      for (const seed of [11, 12, 13]) {
        const { college, planted, stats } = generateCollege(preset, seed, { plain });
        expect(hardViolations(college, planted)).toEqual([]);
        const problem = compile(college);
        const ev = evaluate(problem, timetableToPlacement(problem, planted), { details: false });
        expect(ev.hardTotal).toBe(0);
        const weight = college.weights.student_clash ?? DEFAULT_WEIGHTS.student_clash;
        expect(ev.soft.student_clash).toBe(stats.plantedStudentClashes * weight);
      }
    },
  );

  it('the independent check does catch clashes, broken limits and broken rules', () => {
    const { college, planted } = generateCollege('small', 1);
    const moved = structuredClone(planted);
    const [a, b] = moved.assignments;
    Object.assign(b, { day: a.day, period: a.period, roomId: a.roomId });
    expect(hardViolations(college, moved).some((m) => m.startsWith('clash room'))).toBe(true);
    const strict = structuredClone(college);
    for (const f of strict.faculty) f.maxPerDay = 1;
    expect(hardViolations(strict, planted).some((m) => m.includes('day load'))).toBe(true);
    const rule = college.rules.find((r) => r.kind === 'same_time' && r.hard)!;
    const split = structuredClone(planted);
    const first = split.assignments.find((x) => x.courseId === rule.courses[0])!;
    first.period = (first.period! + 1) % college.periods.length;
    expect(hardViolations(college, split).some((m) => m.startsWith('rule same_time'))).toBe(true);
    const listing = college.courses.find((c) => (c.starts?.length ?? 0) > 0)!;
    const early = structuredClone(planted);
    const session = early.assignments.find((x) => x.courseId === listing.id)!;
    session.period = [...Array(college.periods.length).keys()].find(
      (q) => !listing.starts!.some((s) => s.day === session.day && s.period === q),
    )!;
    expect(hardViolations(college, early).some((m) => m.includes('does not list'))).toBe(true);
    // The planted day limits bind: one period less breaks them.
    const tighter = structuredClone(college);
    for (const r of tighter.rules)
      if ((r.kind === 'max_per_day' || r.kind === 'max_continuous') && r.hard) r.value = (r.value ?? 1) - 1;
    const broken = hardViolations(tighter, planted);
    expect(broken.some((m) => m.includes('too many periods in a day'))).toBe(true);
    expect(broken.some((m) => m.includes('too many periods in a row'))).toBe(true);
  });

  it.each([1, 2, 3])('sih (seed %i) with every sheet: the evaluator finds no hard violation', (seed) => {
    const { college, planted } = generateCollege('sih', seed);
    const problem = compile(college);
    const ev = evaluate(problem, timetableToPlacement(problem, planted), { details: false });
    expect(ev.hardTotal).toBe(0);
    expect(hardViolations(college, planted)).toEqual([]);
    expect(college.rules.length).toBeGreaterThan(700);
    expect(college.fixed.length).toBeGreaterThanOrEqual(60);
  });

  it.each(['medium', 'sih'] as const)(
    '%s uses every sheet: each rule kind hard and soft, every limit, room lists and unavailability',
    (preset) => {
      const { college } = generateCollege(preset, 5);
      // Every kind; at sih size each hard and soft, and rules naming single sessions (`course_id#k`),
      // also mixed with whole courses, and paired rules over three courses, hard.
      for (const kind of ruleKinds)
        for (const hard of preset === 'sih' ? [true, false] : [null])
          expect(
            college.rules.some((r) => r.kind === kind && (hard === null || r.hard === hard)),
            `${kind} ${hard === null ? '' : hard ? 'hard' : 'soft'}`,
          ).toBe(true);
      if (preset === 'sih') {
        const named = college.rules.filter((r) => r.hard && r.courses.some((c) => c.includes('#')));
        for (const kind of ['consecutive', 'same_period', 'min_days_between', 'ordered', 'min_gap'] as const)
          expect(
            named.some((r) => r.kind === kind),
            `${kind} naming sessions`,
          ).toBe(true);
        expect(named.some((r) => r.courses.some((c) => !c.includes('#')))).toBe(true);
        expect(
          college.rules.some(
            (r) => r.hard && r.courses.length >= 3 && ['same_day', 'same_period', 'ordered'].includes(r.kind),
          ),
        ).toBe(true);
      }
      const f = college.faculty;
      expect(f.some((x) => x.maxPerDay !== undefined)).toBe(true);
      expect(f.some((x) => x.maxPerWeek !== undefined)).toBe(true);
      expect(f.some((x) => x.maxDays !== undefined)).toBe(true);
      expect(f.some((x) => x.maxGapsPerDay !== undefined)).toBe(true);
      expect(f.some((x) => x.maxGapsPerWeek !== undefined)).toBe(true);
      expect(f.some((x) => x.minPerDay !== undefined)).toBe(true);
      expect(f.some((x) => x.minDays !== undefined)).toBe(true);
      expect(f.some((x) => x.unavailable.length > 0)).toBe(true);
      const g = college.groups;
      expect(g.some((x) => x.maxPerDay !== undefined)).toBe(true);
      expect(g.some((x) => x.minPerDay !== undefined)).toBe(true);
      expect(g.some((x) => x.maxGapsPerDay !== undefined)).toBe(true);
      expect(g.some((x) => x.maxGapsPerWeek !== undefined)).toBe(true);
      expect(f.some((x) => x.maxContinuous !== undefined)).toBe(true);
      expect(g.some((x) => x.maxContinuous !== undefined)).toBe(true);
      expect(g.some((x) => x.maxLateStarts !== undefined)).toBe(true);
      expect(f.some((x) => x.maxSpan !== undefined)).toBe(true);
      expect(g.some((x) => x.maxSpan !== undefined)).toBe(true);
      expect(f.some((x) => x.minRest !== undefined)).toBe(true);
      expect(g.some((x) => x.minRest !== undefined)).toBe(true);
      for (const field of [
        'maxBuildingChangesPerDay',
        'maxBuildingChangesPerWeek',
        'minGapsBetweenBuildingChanges',
      ] as const) {
        expect(f.some((x) => x[field] !== undefined)).toBe(true);
        expect(g.some((x) => x[field] !== undefined)).toBe(true);
      }
      expect(college.rooms.some((r) => r.unavailable.length > 0)).toBe(true);
      expect(college.courses.some((c) => c.rooms.length > 0 && c.roomType === 'lecture')).toBe(true);
      expect(college.courses.some((c) => c.unavailable.length > 0)).toBe(true);
      expect(college.courses.some((c) => (c.starts?.length ?? 0) > 0 && c.length > 1)).toBe(true);
      expect(college.enrollments.length).toBeGreaterThan(0);
      expect(college.fixed.some((x) => x.roomId !== undefined)).toBe(true);
      // Paired rules join members with equal session counts (the import refuses others).
      const sessions = new Map(college.courses.map((c) => [c.id, c.sessions]));
      const count = (m: string): number | undefined => (sessions.has(m) ? sessions.get(m) : 1);
      const paired = [
        'same_time',
        'same_day',
        'consecutive',
        'ordered',
        'same_period',
        'adjacent',
        'consecutive_across_break',
        'adjacent_across_break',
      ];
      for (const r of college.rules)
        if (paired.includes(r.kind)) expect(new Set(r.courses.map(count)).size, r.courses.join(';')).toBe(1);
    },
  );

  it('plain keeps the earlier college: the same people and courses, far fewer rules and pins', () => {
    const full = generateCollege('sih', 1);
    const plain = generateCollege('sih', 1, { plain: true });
    expect(plain.college.students).toEqual(full.college.students);
    expect(plain.college.courses.map((c) => c.id)).toEqual(full.college.courses.map((c) => c.id));
    expect(plain.college.rules.length).toBeLessThan(full.college.rules.length / 3);
    expect(plain.college.fixed.length).toBeLessThan(full.college.fixed.length / 3);
    // The weekly and minimum limits belong to the full college only.
    expect(plain.college.faculty.some((f) => f.maxGapsPerWeek ?? f.minPerDay ?? f.minDays)).toBe(false);
    expect(plain.college.groups.some((g) => g.maxGapsPerWeek !== undefined)).toBe(false);
  });

  it('rejects a bad seed or scale with a clear message', () => {
    expect(() => generateCollege('small', 1.5)).toThrow(/seed must be an integer/);
    expect(() => generateCollege('small', 1, { scale: 0 })).toThrow(/scale must be a positive number/);
  });
});
