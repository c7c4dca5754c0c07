import { describe, expect, it } from 'vitest';
import { precheck } from './index.ts';
import { tinyProblem, type TinySpec } from '../mip/testing/tinyProblem.ts';
import { compile } from '../../shared/compiled/compile.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import type { RuleKind } from '../../shared/model/types.ts';

/** A feasible base: 5 days × 6 periods (break after period 2), two lecture rooms, one lab. */
function base(): TinySpec {
  return {
    days: 5,
    periods: 6,
    breaksAfter: [2],
    rooms: [
      { id: 'R1', capacity: 60 },
      { id: 'R2', capacity: 60 },
      { id: 'LAB1', capacity: 30 },
    ],
    faculty: [{ id: 'F1' }, { id: 'F2' }],
    groups: [
      { id: 'G1', size: 60 },
      { id: 'G1-B1', size: 30, parent: 'G1' },
      { id: 'G1-B2', size: 30, parent: 'G1' },
    ],
    courses: [
      { id: 'MATH', sessions: 4, faculty: ['F1'], groups: ['G1'], rooms: ['R1', 'R2'] },
      { id: 'LAB-B1', sessions: 1, length: 2, faculty: ['F2'], groups: ['G1-B1'], rooms: ['LAB1'] },
      { id: 'LAB-B2', sessions: 1, length: 2, faculty: ['F2'], groups: ['G1-B2'], rooms: ['LAB1'] },
    ],
  };
}

const codes = (spec: TinySpec): string[] => precheck(tinyProblem(spec)).map((f) => f.code);

describe('precheck', () => {
  it('flags faculty minimums that what they teach cannot meet, naming the Faculty row', () => {
    // F1 teaches MATH: 4 one-period sessions.
    const days = base();
    days.faculty[0].minDays = 5;
    const f = precheck(tinyProblem(days)).find((x) => x.code === 'faculty_min_days');
    expect(f?.rows).toEqual([{ sheet: 'Faculty', id: 'F1' }]);
    expect(f?.message).toContain('4 session(s) a week but min_days is 5');
    const away = base();
    Object.assign(away.faculty[0], { minDays: 4, unavailable: Array.from({ length: 12 }, (_, i) => i) });
    expect(codes(away)).toContain('faculty_min_days');
    const day = base();
    day.faculty[0].minPerDay = 5;
    expect(codes(day)).toContain('faculty_min_per_day');
    const both = base();
    Object.assign(both.faculty[0], { minPerDay: 2, minDays: 3 });
    expect(codes(both)).toContain('faculty_min_per_day');
    const ok = base();
    Object.assign(ok.faculty[0], { minPerDay: 2, minDays: 2 });
    expect(codes(ok)).toEqual([]);
  });

  it('flags sessions longer than a max_continuous of their faculty or of a group above their batch', () => {
    const college = (facultyMax: number, groupMax: number) =>
      testCollege({
        faculty: [{ id: 'F1', name: 'F1', maxContinuous: facultyMax }],
        groups: [
          { id: 'SEC', name: 'SEC', size: 60, maxContinuous: groupMax },
          { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
        ],
        courses: [{ id: 'LAB', name: 'LAB', faculty: ['F1'], groups: ['B1'], sessions: 1, length: 3 }],
      });
    const found = precheck(compile(college(2, 2))).filter((x) => x.code === 'max_continuous');
    expect(found.map((x) => x.rows)).toEqual([
      [
        { sheet: 'Courses', id: 'LAB' },
        { sheet: 'Faculty', id: 'F1' },
      ],
      [
        { sheet: 'Courses', id: 'LAB' },
        { sheet: 'Groups', id: 'SEC' },
      ],
    ]);
    expect(found[0].fatal).toBe(true);
    expect(found[0].message).toContain('3-period sessions');
    expect(precheck(compile(college(3, 3))).filter((x) => x.code === 'max_continuous')).toEqual([]);
  });

  it('flags sessions longer than a max_span of their faculty or of a group above their batch', () => {
    const college = (max: number) =>
      testCollege({
        faculty: [{ id: 'F1', name: 'F1', maxSpan: max }],
        groups: [
          { id: 'SEC', name: 'SEC', size: 60, maxSpan: max },
          { id: 'B1', name: 'B1', size: 30, parent: 'SEC' },
        ],
        courses: [{ id: 'LAB', name: 'LAB', faculty: ['F1'], groups: ['B1'], sessions: 1, length: 3 }],
      });
    const found = precheck(compile(college(2))).filter((x) => x.code === 'max_span');
    expect(found.map((x) => x.rows.map((r) => `${r.sheet}:${r.id}`))).toEqual([
      ['Courses:LAB', 'Faculty:F1'],
      ['Courses:LAB', 'Groups:SEC'],
    ]);
    expect(found[0].message).toContain('a day spanning 3 periods');
    expect(precheck(compile(college(3))).filter((x) => x.code === 'max_span')).toEqual([]);
  });

  it('finds nothing in a feasible college', () => {
    expect(precheck(tinyProblem(base()))).toEqual([]);
  });

  it('flags a faculty member with more periods than available, naming the Faculty row', () => {
    const spec = base();
    spec.courses.push({ id: 'BIG', sessions: 30, faculty: ['F1'], groups: [], rooms: ['R2'], students: 10 });
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'faculty_overload');
    expect(f?.rows).toEqual([{ sheet: 'Faculty', id: 'F1' }]);
    expect(f?.fatal).toBe(true);
    expect(f?.message).toContain('34 periods');
  });

  it('flags faculty unavailability, max_per_week and max_per_day × max_days separately', () => {
    const spec = base();
    spec.faculty[0].unavailable = Array.from({ length: 27 }, (_, i) => i);
    expect(codes(spec)).toContain('faculty_overload');
    const week = base();
    week.faculty[0].maxPerWeek = 3;
    expect(codes(week)).toContain('faculty_max_per_week');
    const daily = base();
    Object.assign(daily.faculty[0], { maxPerDay: 1, maxDays: 3 });
    expect(codes(daily)).toContain('faculty_daily_limits');
    const ok = base();
    Object.assign(ok.faculty[0], { maxPerDay: 1, maxDays: 4, maxPerWeek: 4 });
    expect(codes(ok)).toEqual([]);
  });

  it("counts a parent group's sessions for each sub-batch", () => {
    const spec = base();
    spec.courses.push({ id: 'PAD', sessions: 25, faculty: [], groups: ['G1-B1'], rooms: ['R2'] });
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'group_overload');
    expect(f?.rows[0]).toEqual({ sheet: 'Groups', id: 'G1-B1' });
    expect(f?.message).toContain('G1');
    expect(codes(spec).filter((c) => c === 'group_overload')).toHaveLength(1); // B2 is fine
  });

  it('checks group max_per_day against the load', () => {
    const spec = base();
    spec.groups[0].maxPerDay = 1; // G1: 4 + 2 periods per batch > 1 × 5
    expect(codes(spec)).toContain('group_max_per_day');
  });

  it('flags min_per_day only when the week cannot fill one day', () => {
    const spec = base();
    spec.groups[0].minPerDay = 6; // batches attend 4 + 2 = 6 periods: one full day is possible
    expect(codes(spec)).not.toContain('group_min_per_day');
    spec.groups[0].minPerDay = 7;
    expect(codes(spec)).toContain('group_min_per_day');
  });

  it('flags multi-period sessions with no block of adjacent available periods', () => {
    const spec = base();
    spec.courses[1].length = 4; // blocks are 3 periods long
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'course_no_slots');
    expect(f?.rows).toEqual([{ sheet: 'Courses', id: 'LAB-B1' }]);
    expect(f?.message).toContain('blocks of 4');
  });

  it('flags a head count above the largest allowed room only when capacity is hard', () => {
    const spec = base();
    spec.courses[1].students = 45;
    expect(codes(spec)).toContain('course_room_too_small');
    expect(codes({ ...spec, capacityHard: false })).not.toContain('course_room_too_small');
  });

  it('flags lab demand above lab room-slots, naming the courses and rooms', () => {
    const spec = base();
    for (let i = 0; i < 16; i++) {
      spec.courses.push({
        id: `L${i}`,
        sessions: 1,
        length: 2,
        faculty: [],
        groups: [],
        rooms: ['LAB1'],
        students: 5,
      });
    }
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'room_demand');
    expect(f?.fatal).toBe(true);
    expect(f?.rows).toContainEqual({ sheet: 'Rooms', id: 'LAB1' });
    expect(f?.rows).toContainEqual({ sheet: 'Courses', id: 'L0' });
    expect(f?.message).toContain('36 room-periods');
  });

  it('flags two fixed sessions sharing a faculty member at the same time', () => {
    const spec = base();
    spec.courses.push({ id: 'OTHER', sessions: 1, faculty: ['F1'], groups: [], rooms: ['R2'], students: 5 });
    spec.fixed = [
      { course: 'MATH', session: 0, slot: 3 },
      { course: 'OTHER', session: 0, slot: 3 },
    ];
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'fixed_clash');
    expect(f?.rows.map((r) => r.id)).toEqual(['MATH session 1', 'OTHER session 1']);
    spec.fixed[1].slot = 4;
    expect(codes(spec)).not.toContain('fixed_clash');
  });

  it('flags a fixed session at a time that crosses a break', () => {
    const spec = base();
    spec.fixed = [{ course: 'LAB-B1', session: 0, slot: 2 }];
    expect(codes(spec)).toContain('fixed_forbidden');
  });

  it('flags a course with fewer listed starts than sessions, and a fixed session at a start not listed', () => {
    const spec = base();
    spec.courses[0].starts = [0, 6, 12]; // MATH: 4 sessions, 3 starts
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'course_no_slots');
    expect(f?.rows).toEqual([{ sheet: 'Courses', id: 'MATH' }]);
    expect(f?.message).toContain('starts column');
    spec.courses[0].starts = [0, 6, 12, 18];
    expect(codes(spec)).not.toContain('course_no_slots');
    spec.fixed = [{ course: 'MATH', session: 0, slot: 1 }];
    const pinned = precheck(tinyProblem(spec)).find((x) => x.code === 'fixed_forbidden');
    expect(pinned?.message).toContain('not in the starts column of MATH');
    spec.fixed[0].slot = 6;
    expect(codes(spec)).not.toContain('fixed_forbidden');
  });

  it('flags hard rules no week can keep: days apart beyond the week, back-to-back pairs longer than a block', () => {
    const spec = base();
    spec.courses.push({ id: 'PHY', sessions: 1, faculty: ['F2'], groups: ['G1'], rooms: ['R2'] });
    spec.courses.push({ id: 'CHEM', sessions: 1, faculty: ['F2'], groups: ['G1'], rooms: ['R2'] });
    // 3 courses 2 days apart need 5 days: fits the 5-day week; 3 days apart need 7.
    spec.rules = [{ kind: 'min_days_between', courses: ['MATH', 'PHY', 'CHEM'], value: 2 }];
    expect(codes(spec)).not.toContain('rule_cannot_fit');
    spec.rules[0].value = 3;
    const f = precheck(tinyProblem(spec)).find((x) => x.code === 'rule_cannot_fit');
    expect(f?.fatal).toBe(true);
    expect(f?.rows).toEqual([
      { sheet: 'Rules', id: 'row 2' },
      { sheet: 'Courses', id: 'MATH' },
      { sheet: 'Courses', id: 'PHY' },
      { sheet: 'Courses', id: 'CHEM' },
    ]);
    expect(f?.message).toContain('need 7 days');
    // MATH's 4 sessions 2 days apart need 7 days; soft rules prove nothing.
    spec.rules = [{ kind: 'min_days_apart', courses: ['MATH'], value: 2 }];
    expect(codes(spec)).toContain('rule_cannot_fit');
    spec.rules[0].hard = false;
    expect(codes(spec)).not.toContain('rule_cannot_fit');
    // Blocks are 3 periods: a 2-period lab and a lecture fit back to back, two labs do not.
    spec.rules = [{ kind: 'adjacent', courses: ['LAB-B1', 'PHY'] }];
    expect(codes(spec)).not.toContain('rule_cannot_fit');
    spec.rules = [{ kind: 'adjacent', courses: ['LAB-B1', 'LAB-B2'] }];
    expect(codes(spec)).toContain('rule_cannot_fit');
    spec.rules = [{ kind: 'consecutive', courses: ['LAB-B1', 'LAB-B2'] }];
    expect(codes(spec)).toContain('rule_cannot_fit');
    // A grouped block counts every member: the lab and one lecture fit in 3 periods, two lectures more do not.
    spec.rules = [{ kind: 'grouped', courses: ['LAB-B1', 'PHY'] }];
    expect(codes(spec)).not.toContain('rule_cannot_fit');
    spec.rules = [{ kind: 'grouped', courses: ['LAB-B1', 'PHY', 'CHEM'] }];
    expect(codes(spec)).toContain('rule_cannot_fit');
  });

  it('checks rules naming single sessions (course_id#k) by the sessions they name', () => {
    const college = (rules: Array<{ kind: RuleKind; courses: string[]; value?: number }>): string[] =>
      precheck(
        compile(
          testCollege({
            courses: [
              { id: 'A', name: 'A', sessions: 4, minDays: 0 },
              { id: 'B', name: 'B', sessions: 2, minDays: 0 },
            ],
            rules,
          }),
        ),
      )
        .filter((f) => f.code.startsWith('rule_'))
        .map((f) => `${f.code}: ${f.message}`);
    // Three of A's sessions 2 days apart fit the 5-day week; 3 days apart need 7 days.
    expect(college([{ kind: 'min_days_between', courses: ['A#1', 'A#2', 'A#3'], value: 2 }])).toEqual([]);
    expect(college([{ kind: 'min_days_between', courses: ['A#1', 'A#2', 'A#3'], value: 3 }])).toEqual([
      expect.stringMatching(/^rule_cannot_fit: .*3 courses \(A#1, A#2, A#3\).*need 7 days/),
    ]);
    // Session 1 of A paired with B's two sessions: counts 1 and 2 differ.
    expect(college([{ kind: 'same_day', courses: ['A#1', 'B'] }])).toEqual([
      expect.stringMatching(/^rule_session_mismatch: .*A#1, B/),
    ]);
    expect(college([{ kind: 'same_day', courses: ['A#1', 'B#2'] }])).toEqual([]);
  });

  it('runs fast on a large instance', () => {
    const spec = base();
    spec.days = 6;
    spec.periods = 8;
    for (let i = 0; i < 3000; i++) {
      spec.courses.push({
        id: `C${i}`,
        sessions: 3,
        faculty: [`F${i % 2 ? 1 : 2}`],
        groups: [],
        rooms: ['R1', 'R2'],
        students: 5,
      });
    }
    const p = tinyProblem(spec);
    const t0 = performance.now();
    precheck(p);
    expect(performance.now() - t0).toBeLessThan(300);
  });
});
