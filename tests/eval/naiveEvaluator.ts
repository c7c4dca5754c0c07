// A second, deliberately naive evaluator of every hard constraint of docs/WORKBOOK.md, written from
// the contract text on the college model (ids, day and period indices), not from src/shared/eval:
// no compiled arrays, no occupancy tables, no incremental tricks; loops over sessions, periods and
// pairs. Tests compare its per-kind counts with the real evaluator's. How each kind counts (one per
// session, one per pair and period, the excess over a limit) is the counting documented in the
// headers of src/shared/eval/*.ts; *what* is a violation is read from the contract.
import type { College, Timetable } from '../../src/shared/model/types.ts';
import { HARD_KINDS } from '../../src/shared/eval/types.ts';
import type { HardKind } from '../../src/shared/eval/types.ts';

interface Sess {
  course: string;
  /** 1-based. */
  session: number;
  day: number | null;
  period: number | null;
  room: string | null;
}

interface Placed extends Sess {
  day: number;
  period: number;
  room: string;
  /** Period indices of its day that it occupies (cut at the day's end). */
  periods: number[];
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

export function naiveHardCounts(college: College, timetable: Timetable): Record<HardKind, number> {
  const out = Object.fromEntries(HARD_KINDS.map((k) => [k, 0])) as Record<HardKind, number>;
  const nPeriods = college.periods.length;
  const nDays = college.calendar.days.length;
  const course = new Map(college.courses.map((c) => [c.id, c]));
  const room = new Map(college.rooms.map((r) => [r.id, r]));
  const faculty = new Map(college.faculty.map((f) => [f.id, f]));
  const group = new Map(college.groups.map((g) => [g.id, g]));

  // Every session of every course, with its assignment (none = unplaced).
  const given = new Map(timetable.assignments.map((a) => [`${a.courseId}#${a.session}`, a]));
  const sessions: Sess[] = [];
  for (const c of college.courses) {
    for (let k = 1; k <= c.sessions; k++) {
      const a = given.get(`${c.id}#${k}`);
      sessions.push({
        course: c.id,
        session: k,
        day: a?.day ?? null,
        period: a?.period ?? null,
        room: a?.roomId ?? null,
      });
    }
  }

  // Placed: a time and a room, and no earlier session of the course starting at that same time.
  const placed: Placed[] = [];
  for (const s of sessions) {
    if (s.day === null || s.period === null || s.room === null) {
      out.unplaced++;
      continue;
    }
    const twin = placed.find((o) => o.course === s.course && o.day === s.day && o.period === s.period);
    if (twin) {
      out.unplaced++;
      continue;
    }
    const len = course.get(s.course)!.length;
    const periods: number[] = [];
    for (let q = s.period; q < s.period + len && q < nPeriods; q++) periods.push(q);
    placed.push({ ...s, day: s.day, period: s.period, room: s.room, periods });
  }

  // Groups: ancestors-or-self, and the leaves (groups with no child) below each group.
  const ancestors = (id: string): string[] => {
    const chain: string[] = [];
    for (let g: string | undefined = id; g !== undefined; g = group.get(g)?.parent) chain.push(g);
    return chain;
  };
  const leaves = college.groups
    .filter((g) => !college.groups.some((h) => h.parent === g.id))
    .map((g) => g.id);
  const leavesBelow = (id: string): string[] => leaves.filter((l) => ancestors(l).includes(id));
  /** The leaf groups attending a course: at or below any of its groups. */
  const courseLeaves = (cid: string): Set<string> =>
    new Set(course.get(cid)!.groups.flatMap((g) => leavesBelow(g)));

  // Head count: explicit, else the listed groups (one nested in another listed group counts once
  // through it) plus enrolled students not in those groups (or below them).
  const students = new Map(college.students.map((s) => [s.id, s]));
  const headCount = (cid: string): number => {
    const c = course.get(cid)!;
    if (c.students !== undefined) return c.students;
    let n = 0;
    for (const g of new Set(c.groups)) {
      if (
        !ancestors(g)
          .slice(1)
          .some((a) => c.groups.includes(a))
      )
        n += group.get(g)!.size;
    }
    const enrolled = new Set(college.enrollments.filter((e) => e.courseId === cid).map((e) => e.studentId));
    for (const sid of enrolled) {
      const closure = (students.get(sid)?.groups ?? []).flatMap(ancestors);
      if (!c.groups.some((g) => closure.includes(g))) n++;
    }
    return n;
  };

  const occupies = (s: Placed, day: number, q: number): boolean => s.day === day && s.periods.includes(q);
  const endsAt = (q: number): number => minutes(college.periods[q].end);
  const startsAt = (q: number): number => minutes(college.periods[q].start);

  // --- each session alone ---
  for (const s of placed) {
    const c = course.get(s.course)!;
    const r = room.get(s.room)!;
    let crosses = s.periods.length < c.length;
    for (let i = 0; i + 1 < s.periods.length; i++)
      if (endsAt(s.periods[i]) !== startsAt(s.periods[i + 1])) crosses = true;
    if (crosses) out.outside_block++;
    if (r.type !== c.roomType) out.room_type++;
    else if (c.rooms.length > 0 && !c.rooms.includes(r.id)) out.room_not_allowed++;
    if (college.settings.roomCapacity === 'hard' && headCount(c.id) > r.capacity) out.room_capacity++;
    const hits = (list: Array<{ day: number; period: number }>): boolean =>
      list.some((u) => occupies(s, u.day, u.period));
    // A start the course does not list (its `starts`) counts like an unavailable slot, once.
    const startListed = (c.starts ?? []).some((u) => u.day === s.day && u.period === s.period);
    if (hits(c.unavailable) || ((c.starts ?? []).length > 0 && !startListed)) out.course_unavailable++;
    if (hits(r.unavailable)) out.room_unavailable++;
    for (const fid of new Set(c.faculty)) if (hits(faculty.get(fid)!.unavailable)) out.faculty_unavailable++;
    const pin = college.fixed.find((f) => f.courseId === s.course && f.session === s.session);
    if (
      pin &&
      (pin.day !== s.day || pin.period !== s.period || (pin.roomId !== undefined && pin.roomId !== s.room))
    )
      out.fixed_moved++;
  }

  // --- double-booking, period by period ---
  for (let d = 0; d < nDays; d++) {
    for (let q = 0; q < nPeriods; q++) {
      const here = placed.filter((s) => occupies(s, d, q));
      for (let i = 0; i < here.length; i++) {
        for (let j = i + 1; j < here.length; j++) {
          const a = course.get(here[i].course)!;
          const b = course.get(here[j].course)!;
          if (a.faculty.some((f) => b.faculty.includes(f))) out.faculty_clash++;
          else {
            const la = courseLeaves(a.id);
            if ([...courseLeaves(b.id)].some((l) => la.has(l))) out.group_clash++;
          }
        }
      }
      for (const r of college.rooms) {
        const k = here.filter((s) => s.room === r.id).length;
        if (k > 1) out.room_clash += k - 1;
      }
    }
  }

  // --- a person's day: load (periods taught, overlapping sessions each count), idle periods (free
  // periods between the first and the last busy one, except those the person is unavailable in) ---
  const dayOf = (
    list: Placed[],
    d: number,
    unavailable: readonly { day: number; period: number }[] = [],
  ): { load: number; gaps: number } => {
    const onDay = list.filter((s) => s.day === d);
    let load = 0;
    const busy = new Set<number>();
    for (const s of onDay) {
      load += s.periods.length;
      for (const q of s.periods) busy.add(q);
    }
    if (busy.size === 0) return { load: 0, gaps: 0 };
    const first = Math.min(...busy);
    const last = Math.max(...busy);
    const off = unavailable.filter(
      (u) => u.day === d && u.period > first && u.period < last && !busy.has(u.period),
    );
    return { load, gaps: last - first + 1 - busy.size - new Set(off.map((u) => u.period)).size };
  };
  const over = (value: number, limit: number | undefined): number =>
    limit !== undefined && value > limit ? value - limit : 0;
  // Runs of periods back to back: busy periods, each ending exactly when the next busy one starts
  // (a free period or a lunch/tea break ends a run); each run's periods above the limit count.
  const runsOver = (list: Placed[], d: number, limit: number | undefined): number => {
    if (limit === undefined) return 0;
    const busy = new Set(list.filter((s) => s.day === d).flatMap((s) => s.periods));
    const runs: number[] = [];
    for (let q = 0; q < nPeriods; q++) {
      if (!busy.has(q)) continue;
      const joined =
        q > 0 && busy.has(q - 1) && minutes(college.periods[q - 1].end) === minutes(college.periods[q].start);
      if (joined) runs[runs.length - 1]++;
      else runs.push(1);
    }
    return runs.reduce((total, run) => total + over(run, limit), 0);
  };

  // Rest between day d and d + 1: free periods after d's last busy period (all of a free day) plus
  // those before d + 1's first; the periods missing under min_rest count.
  const restShort = (list: Placed[], d: number, min: number | undefined): number => {
    if (min === undefined) return 0;
    const busy = (day: number): number[] => list.filter((s) => s.day === day).flatMap((s) => s.periods);
    const a = busy(d);
    const b = busy(d + 1);
    const rest =
      (a.length ? nPeriods - 1 - Math.max(...a) : nPeriods) + (b.length ? Math.min(...b) : nPeriods);
    return Math.max(0, min - rest);
  };
  // A day's span: periods from its first busy period to its last, both counted, by period index.
  const spanOf = (list: Placed[], d: number): number => {
    const busy = list.filter((s) => s.day === d).flatMap((s) => s.periods);
    return busy.length === 0 ? 0 : Math.max(...busy) - Math.min(...busy) + 1;
  };

  // Building changes: a day period by period, free, busy in rooms without a building, or in a
  // building (several at once: the one listed first in Rooms); each busy period in a building other
  // than the last one seen that day is a change, too close when fewer free periods lie between.
  const buildingOrder = [...new Set(college.rooms.map((r) => r.building ?? '').filter((b) => b !== ''))];
  const buildingDay = (list: Placed[], d: number, min: number): { changes: number; short: number } => {
    let last = '';
    let free = 0;
    let changes = 0;
    let short = 0;
    for (let q = 0; q < nPeriods; q++) {
      const here = list.filter((s) => occupies(s, d, q));
      if (here.length === 0) {
        free++;
        continue;
      }
      const inBuildings = here.map((s) => room.get(s.room)!.building ?? '').filter((b) => b !== '');
      if (inBuildings.length === 0) continue;
      const b = buildingOrder.find((x) => inBuildings.includes(x))!;
      if (last !== '' && b !== last) {
        changes++;
        if (free < min) short++;
      }
      last = b;
      free = 0;
    }
    return { changes, short };
  };
  for (const f of college.faculty) {
    const teaches = placed.filter((s) => course.get(s.course)!.faculty.includes(f.id));
    let weekChanges = 0;
    for (let d = 0; d < nDays; d++) {
      const { changes, short } = buildingDay(teaches, d, f.minGapsBetweenBuildingChanges ?? 0);
      weekChanges += changes;
      out.faculty_max_building_changes += over(changes, f.maxBuildingChangesPerDay);
      out.faculty_min_building_gaps += short;
    }
    out.faculty_max_building_changes_per_week += over(weekChanges, f.maxBuildingChangesPerWeek);
  }
  for (const g of college.groups) {
    let weekOver = 0;
    const perLeaf = leavesBelow(g.id).map((leaf) => {
      const attends = placed.filter((s) => courseLeaves(s.course).has(leaf));
      return Array.from({ length: nDays }, (_, d) =>
        buildingDay(attends, d, g.minGapsBetweenBuildingChanges ?? 0),
      );
    });
    for (let d = 0; d < nDays; d++) {
      out.group_max_building_changes += Math.max(
        0,
        ...perLeaf.map((days) => over(days[d].changes, g.maxBuildingChangesPerDay)),
      );
      out.group_min_building_gaps += Math.max(0, ...perLeaf.map((days) => days[d].short));
    }
    for (const days of perLeaf)
      weekOver = Math.max(
        weekOver,
        over(
          days.reduce((a, x) => a + x.changes, 0),
          g.maxBuildingChangesPerWeek,
        ),
      );
    out.group_max_building_changes_per_week += weekOver;
  }

  for (const f of college.faculty) {
    const teaches = placed.filter((s) => course.get(s.course)!.faculty.includes(f.id));
    let week = 0;
    let days = 0;
    let weekGaps = 0;
    for (let d = 0; d < nDays; d++) {
      const { load, gaps } = dayOf(teaches, d, f.unavailable);
      if (load === 0) continue;
      week += load;
      days++;
      weekGaps += gaps;
      out.faculty_max_per_day += over(load, f.maxPerDay);
      out.faculty_max_gaps += over(gaps, f.maxGapsPerDay);
      out.faculty_max_continuous += runsOver(teaches, d, f.maxContinuous);
      out.faculty_max_span += over(spanOf(teaches, d), f.maxSpan);
      // A day off is allowed; a teaching day has at least min_per_day periods.
      if (f.minPerDay !== undefined && load < f.minPerDay) out.faculty_min_per_day += f.minPerDay - load;
    }
    for (let d = 0; d + 1 < nDays; d++) out.faculty_min_rest += restShort(teaches, d, f.minRest);
    out.faculty_max_per_week += over(week, f.maxPerWeek);
    out.faculty_max_days += over(days, f.maxDays);
    out.faculty_max_gaps_per_week += over(weekGaps, f.maxGapsPerWeek);
    if (f.minDays !== undefined && days < f.minDays) out.faculty_min_days += f.minDays - days;
  }

  // A leaf's unavailable periods: those every course it attends (its own and its ancestors') lists
  // in `unavailable`; like a faculty member's, they are not idle time (WORKBOOK.md, Groups).
  const leafOff = (leaf: string): { day: number; period: number }[] => {
    const cs = college.courses.filter((c) => courseLeaves(c.id).has(leaf));
    if (cs.length === 0) return [];
    return cs[0].unavailable.filter((u) =>
      cs.every((c) => c.unavailable.some((v) => v.day === u.day && v.period === u.period)),
    );
  };

  // Group limits hold for each leaf at or below the group (its sessions: those of its courses and
  // its ancestors' courses); per group and day the worst leaf's excess counts.
  for (const g of college.groups) {
    for (let d = 0; d < nDays; d++) {
      let maxOver = 0;
      let minUnder = 0;
      let gapsOver = 0;
      let runOver = 0;
      let spanOver = 0;
      for (const leaf of leavesBelow(g.id)) {
        const attends = placed.filter((s) => courseLeaves(s.course).has(leaf));
        runOver = Math.max(runOver, runsOver(attends, d, g.maxContinuous));
        spanOver = Math.max(spanOver, over(spanOf(attends, d), g.maxSpan));
        const { load, gaps } = dayOf(attends, d, leafOff(leaf));
        maxOver = Math.max(maxOver, over(load, g.maxPerDay));
        if (load > 0 && g.minPerDay !== undefined && load < g.minPerDay)
          minUnder = Math.max(minUnder, g.minPerDay - load);
        if (load > 0) gapsOver = Math.max(gapsOver, over(gaps, g.maxGapsPerDay));
      }
      out.group_max_per_day += maxOver;
      out.group_min_per_day += minUnder;
      out.group_max_gaps += gapsOver;
      out.group_max_continuous += runOver;
      out.group_max_span += spanOver;
    }
    // Weekly idle periods: per leaf summed over the days, the worst leaf's excess once per group.
    let weekOver = 0;
    for (const leaf of leavesBelow(g.id)) {
      const attends = placed.filter((s) => courseLeaves(s.course).has(leaf));
      let gaps = 0;
      const off = leafOff(leaf);
      for (let d = 0; d < nDays; d++) gaps += dayOf(attends, d, off).gaps;
      weekOver = Math.max(weekOver, over(gaps, g.maxGapsPerWeek));
    }
    out.group_max_gaps_per_week += weekOver;
    for (let d = 0; d + 1 < nDays; d++) {
      let short = 0;
      for (const leaf of leavesBelow(g.id))
        short = Math.max(
          short,
          restShort(
            placed.filter((s) => courseLeaves(s.course).has(leaf)),
            d,
            g.minRest,
          ),
        );
      out.group_min_rest += short;
    }
    // Late starts: per leaf, the days with teaching whose first busy period is not the day's first
    // (period index 0); a start at index 2 or later counts 1 on its own, and the late days beyond
    // max_late_starts count 1 each; the worst leaf once per group.
    if (g.maxLateStarts !== undefined) {
      let lateOver = 0;
      for (const leaf of leavesBelow(g.id)) {
        const attends = placed.filter((s) => courseLeaves(s.course).has(leaf));
        let late = 0;
        let third = 0;
        for (let d = 0; d < nDays; d++) {
          const busy = attends.filter((s) => s.day === d).flatMap((s) => s.periods);
          if (busy.length === 0) continue;
          const first = Math.min(...busy);
          if (first >= 1) late++;
          if (first >= 2) third++;
        }
        lateOver = Math.max(lateOver, third + over(late, g.maxLateStarts));
      }
      out.group_max_late_starts += lateOver;
    }
  }

  // --- rules (hard ones only; soft rules cost nothing hard) ---
  // A member of a rule's list is a course (all its sessions) or `course#k` (its session k only);
  // "session k of a member" is the k-th session it names.
  type Member = { course: string; sessions: number[] };
  const memberOf = (item: string): Member => {
    if (course.has(item))
      return { course: item, sessions: Array.from({ length: course.get(item)!.sessions }, (_, i) => i + 1) };
    const m = /^(.+)#(\d+)$/.exec(item)!;
    return { course: m[1], sessions: [Number(m[2])] };
  };
  const sessionK = (cid: string, k: number): Placed | undefined =>
    placed.find((s) => s.course === cid && s.session === k);
  const placedOf = (m: Member): Placed[] =>
    m.sessions.map((k) => sessionK(m.course, k)).filter((x): x is Placed => x !== undefined);
  const overlap = (a: Placed, b: Placed): boolean =>
    a.day === b.day && a.periods.some((q) => b.periods.includes(q));
  /** Pairs (session k of A, session k of B), both placed, k up to the smaller session count. */
  const pairs = (a: Member, b: Member): Array<[Placed, Placed]> => {
    const res: Array<[Placed, Placed]> = [];
    const n = Math.min(a.sessions.length, b.sessions.length);
    for (let k = 0; k < n; k++) {
      const x = sessionK(a.course, a.sessions[k]);
      const y = sessionK(b.course, b.sessions[k]);
      if (x && y) res.push([x, y]);
    }
    return res;
  };
  /** The members without repeats (a course listed twice counts once). */
  const distinctOf = (items: string[]): Member[] => [...new Set(items)].map(memberOf);
  for (const rule of college.rules) {
    if (!rule.hard) continue;
    const cs = rule.courses.map(memberOf);
    let bad = 0;
    switch (rule.kind) {
      case 'same_time':
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[0], cs[i])) if (a.day !== b.day || a.period !== b.period) bad++;
        break;
      case 'same_day':
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[0], cs[i])) if (a.day !== b.day) bad++;
        break;
      case 'consecutive':
        // B starts on A's day, in the period after A's last one, with no break between the two.
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[i - 1], cs[i])) {
            const lastA = a.period + course.get(a.course)!.length - 1;
            const ok =
              a.day === b.day &&
              b.period === lastA + 1 &&
              lastA + 1 < nPeriods &&
              endsAt(lastA) === startsAt(b.period);
            if (!ok) bad++;
          }
        break;
      case 'consecutive_across_break':
      case 'adjacent_across_break': {
        // As consecutive (adjacent), but a break between the two periods is allowed.
        const after = (x: Placed, y: Placed): boolean => {
          const last = x.period + course.get(x.course)!.length - 1;
          return x.day === y.day && y.period === last + 1 && last + 1 < nPeriods;
        };
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[i - 1], cs[i]))
            if (!after(a, b) && !(rule.kind === 'adjacent_across_break' && after(b, a))) bad++;
        break;
      }
      case 'same_period':
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[0], cs[i])) if (a.period !== b.period) bad++;
        break;
      case 'adjacent': {
        // One of the two starts on the other's day, in the period after its last one, no break between.
        const after = (x: Placed, y: Placed): boolean => {
          const last = x.period + course.get(x.course)!.length - 1;
          return (
            x.day === y.day &&
            y.period === last + 1 &&
            last + 1 < nPeriods &&
            endsAt(last) === startsAt(y.period)
          );
        };
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[i - 1], cs[i])) if (!after(a, b) && !after(b, a)) bad++;
        break;
      }
      case 'grouped': {
        // Per k, session k of every member (all placed), by start: each on the day of the one before,
        // starting in the period after its last one, with no break at that boundary.
        const m = Math.min(...cs.map((c) => c.sessions.length));
        for (let k = 0; k < m; k++) {
          const g = cs.map((c) => sessionK(c.course, c.sessions[k]));
          if (g.some((x) => x === undefined)) continue;
          const byStart = (g as Placed[]).sort((x, y) => x.day - y.day || x.period - y.period);
          let ok = true;
          for (let i = 1; ok && i < byStart.length; i++) {
            const [x, y] = [byStart[i - 1], byStart[i]];
            const last = x.periods[x.periods.length - 1];
            ok = x.day === y.day && y.period === last + 1 && endsAt(last) === startsAt(y.period);
          }
          if (!ok) bad++;
        }
        break;
      }
      case 'min_days_between': {
        const distinct = distinctOf(rule.courses);
        for (let i = 0; i < distinct.length; i++)
          for (let j = i + 1; j < distinct.length; j++)
            for (const a of placedOf(distinct[i]))
              for (const b of placedOf(distinct[j])) if (Math.abs(a.day - b.day) < (rule.value ?? 1)) bad++;
        break;
      }
      case 'ordered':
      case 'ordered_if_same_day':
        // A's session ends no later than B's starts, in the week (day, then period); _if_same_day:
        // only when the two are on one day.
        for (let i = 1; i < cs.length; i++)
          for (const [a, b] of pairs(cs[i - 1], cs[i])) {
            if (rule.kind === 'ordered_if_same_day' && a.day !== b.day) continue;
            const endA = a.day * nPeriods + a.period + a.periods.length;
            const startB = b.day * nPeriods + b.period;
            if (endA > startB) bad++;
          }
        break;
      case 'not_overlapping': {
        const distinct = distinctOf(rule.courses);
        for (let i = 0; i < distinct.length; i++)
          for (let j = i + 1; j < distinct.length; j++)
            for (const a of placedOf(distinct[i]))
              for (const b of placedOf(distinct[j])) if (overlap(a, b)) bad++;
        break;
      }
      case 'not_overlapping_parts': {
        // Every two listed items in different parts: each pair of their placed sessions sharing a period.
        const parts = rule.parts ?? [];
        for (let i = 0; i < rule.courses.length; i++)
          for (let j = i + 1; j < rule.courses.length; j++)
            if (parts[i] !== parts[j])
              for (const a of placedOf(memberOf(rule.courses[i])))
                for (const b of placedOf(memberOf(rule.courses[j]))) if (overlap(a, b)) bad++;
        break;
      }
      case 'different_days': {
        const all = distinctOf(rule.courses).flatMap(placedOf);
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) if (all[i].day === all[j].day) bad++;
        break;
      }
      case 'min_days_apart':
        for (const m of distinctOf(rule.courses)) {
          const ss = placedOf(m);
          for (let i = 0; i < ss.length; i++)
            for (let j = i + 1; j < ss.length; j++)
              if (Math.abs(ss[i].day - ss[j].day) < (rule.value ?? 1)) bad++;
        }
        break;
      case 'min_gap':
      case 'min_gap_counting_breaks': {
        // Same day, and the later one starts before the earlier one's end + value periods; counting
        // breaks, each period end that is not the next period's start adds one free period.
        const all = distinctOf(rule.courses).flatMap(placedOf);
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++) {
            const [x, y] = all[i].period <= all[j].period ? [all[i], all[j]] : [all[j], all[i]];
            if (x.day !== y.day) continue;
            const last = Math.min(x.period + course.get(x.course)!.length, college.periods.length) - 1;
            let free = y.period - last - 1;
            if (rule.kind === 'min_gap_counting_breaks' && free >= 0)
              for (let q = last; q < y.period; q++) if (endsAt(q) !== startsAt(q + 1)) free++;
            if (free < (rule.value ?? 1)) bad++;
          }
        break;
      }
      case 'max_days_apart': {
        // Any two sessions of the members (also two of one course) more than value days apart.
        const all = distinctOf(rule.courses).flatMap(placedOf);
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++)
            if (Math.abs(all[i].day - all[j].day) > (rule.value ?? 0)) bad++;
        break;
      }
      case 'ends_day': {
        // A member session with a session of its students (a shared leaf group) that day
        // occupying a period after its last one.
        for (const a of distinctOf(rule.courses).flatMap(placedOf)) {
          const mine = courseLeaves(a.course);
          const last = Math.max(...a.periods);
          const later = placed.some(
            (b) =>
              b !== a &&
              b.day === a.day &&
              Math.max(...b.periods) > last &&
              [...courseLeaves(b.course)].some((l) => mine.has(l)),
          );
          if (later) bad++;
        }
        break;
      }
      case 'same_room_if_consecutive': {
        // Two sessions of the members back to back (same day, next period, no break) in two rooms.
        const after = (x: Placed, y: Placed): boolean => {
          const last = x.period + course.get(x.course)!.length - 1;
          return (
            x.day === y.day &&
            y.period === last + 1 &&
            last + 1 < nPeriods &&
            endsAt(last) === startsAt(y.period)
          );
        };
        const all = distinctOf(rule.courses).flatMap(placedOf);
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++)
            if (all[i].room !== all[j].room && (after(all[i], all[j]) || after(all[j], all[i]))) bad++;
        break;
      }
      case 'adjacent_if_same_day': {
        // Two sessions of the members (also two of one course) on one day, neither starting in the
        // period right after the other's last one (no break between).
        const after = (x: Placed, y: Placed): boolean => {
          const last = x.period + course.get(x.course)!.length - 1;
          return y.period === last + 1 && last + 1 < nPeriods && endsAt(last) === startsAt(y.period);
        };
        const all = distinctOf(rule.courses).flatMap(placedOf);
        for (let i = 0; i < all.length; i++)
          for (let j = i + 1; j < all.length; j++)
            if (all[i].day === all[j].day && !after(all[i], all[j]) && !after(all[j], all[i])) bad++;
        break;
      }
      case 'max_terms':
      case 'max_per_term': {
        // Terms: days_per_term days each, in Calendar order (none given: the week is one term).
        const perTerm = college.calendar.daysPerTerm ?? nDays;
        const counts = new Map<number, number>();
        for (const x of distinctOf(rule.courses).flatMap(placedOf)) {
          const t = Math.floor(x.day / perTerm);
          counts.set(t, (counts.get(t) ?? 0) + 1);
        }
        const most = rule.value ?? 0;
        if (rule.kind === 'max_terms') bad += Math.max(0, counts.size - most);
        else for (const n of counts.values()) bad += Math.max(0, n - most);
        break;
      }
      case 'max_slots':
      case 'min_slots':
      case 'max_days_in_slots': {
        // The listed slots the sessions cover (a slot once, however many cover it), or the days
        // on which they cover one.
        const listed = new Set((rule.slots ?? []).map((t) => `${t.day}:${t.period}`));
        const hit = new Set<string>();
        for (const x of distinctOf(rule.courses).flatMap(placedOf))
          for (const q of x.periods)
            if (listed.has(`${x.day}:${q}`))
              hit.add(rule.kind === 'max_days_in_slots' ? `${x.day}` : `${x.day}:${q}`);
        // min_slots: 1 per listed slot short of value.
        bad += Math.max(
          0,
          rule.kind === 'min_slots' ? (rule.value ?? 0) - hit.size : hit.size - (rule.value ?? 0),
        );
        break;
      }
      case 'max_per_day':
      case 'max_continuous': {
        // Per day, the periods the sessions cover (a period once): beyond value, or, walking them in
        // order, each period of a run (each period ending when the next starts) beyond value.
        const byDay = new Map<number, Set<number>>();
        for (const x of distinctOf(rule.courses).flatMap(placedOf)) {
          const set = byDay.get(x.day) ?? new Set<number>();
          for (const q of x.periods) set.add(q);
          byDay.set(x.day, set);
        }
        const most = rule.value ?? 0;
        for (const set of byDay.values()) {
          if (rule.kind === 'max_per_day') {
            bad += Math.max(0, set.size - most);
            continue;
          }
          let run = 0;
          let prev = -2;
          for (const q of [...set].sort((a, b) => a - b)) {
            run = q === prev + 1 && endsAt(prev) === startsAt(q) ? run + 1 : 1;
            if (run > most) bad++;
            prev = q;
          }
        }
        break;
      }
      case 'max_simultaneous':
      case 'min_simultaneous':
      case 'min_simultaneous_or_none': {
        // Per listed slot, the sessions covering it: beyond value, or short of it (_or_none: the
        // fewer of the missing and the present, an empty slot kept).
        const inSlot = new Map((rule.slots ?? []).map((t) => [`${t.day}:${t.period}`, 0]));
        for (const x of distinctOf(rule.courses).flatMap(placedOf))
          for (const q of x.periods) {
            const key = `${x.day}:${q}`;
            if (inSlot.has(key)) inSlot.set(key, inSlot.get(key)! + 1);
          }
        const v = rule.value ?? 0;
        for (const n of inSlot.values()) {
          if (rule.kind === 'max_simultaneous') bad += Math.max(0, n - v);
          else if (rule.kind === 'min_simultaneous') bad += Math.max(0, v - n);
          else bad += Math.max(0, Math.min(v - n, n)); // fill it, or empty it
        }
        break;
      }
      case 'max_sessions_in_slots':
      case 'preferred_starts':
      case 'preferred_slots': {
        // Sessions covering a listed slot (beyond value); starting, or running, off the list.
        const listed = new Set((rule.slots ?? []).map((t) => `${t.day}:${t.period}`));
        let n = 0;
        for (const x of distinctOf(rule.courses).flatMap(placedOf)) {
          const on = x.periods.map((q) => listed.has(`${x.day}:${q}`));
          if (rule.kind === 'max_sessions_in_slots') n += on.some(Boolean) ? 1 : 0;
          else if (rule.kind === 'preferred_starts') n += listed.has(`${x.day}:${x.period}`) ? 0 : 1;
          else n += on.every(Boolean) ? 0 : 1;
        }
        bad += rule.kind === 'max_sessions_in_slots' ? Math.max(0, n - (rule.value ?? 0)) : n;
        break;
      }
      case 'same_room': {
        const rooms = new Set(
          distinctOf(rule.courses)
            .flatMap(placedOf)
            .map((s) => s.room),
        );
        bad += Math.max(0, rooms.size - 1);
        break;
      }
    }
    out.rule += bad;
  }
  return out;
}
