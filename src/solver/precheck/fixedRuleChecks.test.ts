import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import type { RuleKind } from '../../shared/model/types.ts';
import { precheck } from './index.ts';

type Pin = [string, number, number, number, string?];

/** Findings of rule_fixed_broken for one rule over A (group G1), B (G1) and C (G2), with pins. */
function findings(
  kind: RuleKind,
  courses: string[],
  pins: Pin[],
  value?: number,
  hard = true,
  slots?: Array<[number, number]>,
): string[] {
  const college = testCollege({
    rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 60 })),
    faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
    groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
    courses: [
      ['A', 'F1', 'G1'],
      ['B', 'F2', 'G1'],
      ['C', 'F3', 'G2'],
    ].map(([id, f, g]) => ({ id, name: id, faculty: [f], groups: [g], sessions: 2, minDays: 0 })),
    fixed: pins.map(([courseId, session, day, period, roomId]) => ({
      courseId,
      session,
      day,
      period,
      roomId,
    })),
    rules: [{ kind, courses, value, hard, slots: slots?.map(([day, period]) => ({ day, period })) }],
  });
  return precheck(compile(college))
    .filter((f) => f.code === 'rule_fixed_broken')
    .map(
      (f) =>
        `${f.fatal ? 'fatal' : 'warn'}: ${f.message} [${f.rows.map((r) => `${r.sheet} ${r.id}`).join('; ')}]`,
    );
}

describe('fixedRuleChecks', () => {
  it('max_days_apart: pinned sessions too many days apart, soft rules and unpinned sessions aside', () => {
    const pins: Pin[] = [
      ['A', 1, 0, 0],
      ['B', 2, 3, 0],
    ];
    expect(findings('max_days_apart', ['A', 'B'], pins, 3)).toEqual([]);
    expect(findings('max_days_apart', ['A', 'B'], pins, 2)).toEqual([
      'fatal: Hard max_days_apart rule: A session 1 and B session 2 are pinned 3 days apart (at most 2). [Rules row 2; Fixed A session 1; Fixed B session 2]',
    ]);
    expect(findings('max_days_apart', ['A', 'B'], pins, 2, false)).toEqual([]);
    expect(findings('max_days_apart', ['A#1', 'C'], pins, 0)).toEqual([]);
  });

  it('ends_day: a pinned session of the same students ending later that day', () => {
    const pins: Pin[] = [
      ['A', 1, 0, 1],
      ['B', 1, 0, 2],
      ['C', 1, 0, 4],
    ];
    expect(findings('ends_day', ['A'], pins)).toEqual([
      'fatal: Hard ends_day rule: A session 1 and B session 1 are pinned on one day, the second ending later for the same students. [Rules row 2; Fixed A session 1; Fixed B session 1]',
    ]);
    // B is the last of G1's day; C's students are others.
    expect(findings('ends_day', ['B'], pins)).toEqual([]);
  });

  it('same_room_if_consecutive: two pinned sessions back to back in two pinned rooms', () => {
    expect(
      findings(
        'same_room_if_consecutive',
        ['A', 'C'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['C', 1, 0, 1, 'R2'],
        ],
      ),
    ).toHaveLength(1);
    // Same room, a room left to the solver, or a break between: nothing proven.
    expect(
      findings(
        'same_room_if_consecutive',
        ['A', 'C'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['C', 1, 0, 1, 'R1'],
        ],
      ),
    ).toEqual([]);
    expect(
      findings(
        'same_room_if_consecutive',
        ['A', 'C'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['C', 1, 0, 1],
        ],
      ),
    ).toEqual([]);
    expect(
      findings(
        'same_room_if_consecutive',
        ['A', 'C'],
        [
          ['A', 1, 0, 2, 'R1'],
          ['C', 1, 0, 3, 'R2'],
        ],
      ),
    ).toEqual([]);
  });

  it('adjacent_if_same_day: two pinned sessions on one day that are not back to back', () => {
    // A at period 1 and C at period 3 of Mon: a free period between them.
    expect(
      findings(
        'adjacent_if_same_day',
        ['A', 'C'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['C', 1, 0, 2, 'R2'],
        ],
      ),
    ).toHaveLength(1);
    // Back to back, on two days, or one of them left to the solver: nothing proven.
    expect(
      findings(
        'adjacent_if_same_day',
        ['A', 'C'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['C', 1, 0, 1, 'R2'],
        ],
      ),
    ).toEqual([]);
    expect(
      findings(
        'adjacent_if_same_day',
        ['A', 'C'],
        [
          ['A', 1, 0, 0, 'R1'],
          ['C', 1, 1, 2, 'R2'],
        ],
      ),
    ).toEqual([]);
    expect(findings('adjacent_if_same_day', ['A', 'C'], [['A', 1, 0, 0, 'R1']])).toEqual([]);
  });

  it('max_terms and max_per_term: pinned sessions in too many terms, or too many in one term', () => {
    // No days_per_term in this college: the week is one term.
    const pins: Pin[] = [
      ['A', 1, 0, 0],
      ['A', 2, 1, 0],
      ['C', 1, 4, 0],
    ];
    expect(findings('max_per_term', ['A', 'C'], pins, 2)).toEqual([
      'fatal: Hard max_per_term rule: A session 1, A session 2, C session 1 are pinned more than 2 to one term. [Rules row 2; Fixed A session 1; Fixed A session 2; Fixed C session 1]',
    ]);
    expect(findings('max_per_term', ['A', 'C'], pins, 3)).toEqual([]);
    expect(findings('max_per_term', ['A', 'C'], pins, 2, false)).toEqual([]);
    expect(findings('max_terms', ['A', 'C'], pins, 1)).toEqual([]);
  });

  it('max_slots and max_days_in_slots: pinned sessions over too many listed slots, or on too many days', () => {
    const pins: Pin[] = [
      ['A', 1, 0, 0],
      ['A', 2, 1, 0],
      ['C', 1, 1, 1],
    ];
    const listed: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [1, 1],
      [2, 0],
    ];
    expect(findings('max_slots', ['A', 'C'], pins, 2, true, listed)).toEqual([
      "fatal: Hard max_slots rule: A session 1, A session 2, C session 1 are pinned over more than 2 of the rule's slots. [Rules row 2; Fixed A session 1; Fixed A session 2; Fixed C session 1]",
    ]);
    expect(findings('max_slots', ['A', 'C'], pins, 3, true, listed)).toEqual([]);
    expect(findings('max_slots', ['A', 'C'], pins, 2, false, listed)).toEqual([]);
    expect(findings('max_days_in_slots', ['A', 'C'], pins, 1, true, listed)).toEqual([
      "fatal: Hard max_days_in_slots rule: A session 1, A session 2, C session 1 are pinned in the rule's slots on more than 1 days. [Rules row 2; Fixed A session 1; Fixed A session 2; Fixed C session 1]",
    ]);
    expect(findings('max_days_in_slots', ['C'], pins, 1, true, listed)).toEqual([]);
  });

  it('min_slots: more slots asked than listed, or than the sessions run; pinned sessions prove nothing', () => {
    const reach = (
      courses: string[],
      value: number,
      listed: Array<[number, number]>,
      hard = true,
    ): string[] =>
      precheck(
        compile(
          testCollege({
            rooms: [{ id: 'R1', name: 'R1', capacity: 60 }],
            faculty: [{ id: 'F1', name: 'F1' }],
            groups: [{ id: 'G1', name: 'G1', size: 30 }],
            courses: ['A', 'C'].map((id) => ({
              id,
              name: id,
              faculty: ['F1'],
              groups: ['G1'],
              sessions: 2,
              minDays: 0,
            })),
            fixed: [{ courseId: 'A', session: 1, day: 0, period: 0 }],
            rules: [
              {
                kind: 'min_slots',
                courses,
                value,
                hard,
                slots: listed.map(([day, period]) => ({ day, period })),
              },
            ],
          }),
        ),
      )
        .filter((f) => f.code === 'rule_unreachable' || f.code === 'rule_fixed_broken')
        .map((f) => `${f.message} [${f.rows.map((r) => `${r.sheet} ${r.id}`).join('; ')}]`);
    const five: Array<[number, number]> = [
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
      [3, 0],
    ];
    // A's two sessions (one pinned off the list) may still cover two listed slots.
    expect(reach(['A'], 2, five)).toEqual([]);
    expect(reach(['A'], 3, five)).toEqual([
      "Hard min_slots rule: its sessions can cover at most 2 of the rule's slots (5 listed, 2 periods of sessions), fewer than 3. [Rules row 2]",
    ]);
    expect(reach(['A', 'C'], 4, five)).toEqual([]);
    expect(reach(['A', 'C'], 3, five.slice(0, 2))).toEqual([
      "Hard min_slots rule: its sessions can cover at most 2 of the rule's slots (2 listed, 4 periods of sessions), fewer than 3. [Rules row 2]",
    ]);
    expect(reach(['A'], 3, five, false)).toEqual([]);
  });

  it('max_per_day and max_continuous: pinned sessions over too many periods of a day, or in a row', () => {
    // Tue: A 1, C 2 (in a row), A 4 after the lunch; Mon: C 1.
    const pins: Pin[] = [
      ['A', 1, 1, 0],
      ['C', 1, 1, 1],
      ['A', 2, 1, 3],
      ['C', 2, 0, 0],
    ];
    expect(findings('max_per_day', ['A', 'C'], pins, 2)).toEqual([
      'fatal: Hard max_per_day rule: A session 1, A session 2, C session 1 are pinned over more than 2 periods of one day. [Rules row 2; Fixed A session 1; Fixed A session 2; Fixed C session 1]',
    ]);
    expect(findings('max_per_day', ['A', 'C'], pins, 3)).toEqual([]);
    expect(findings('max_per_day', ['A', 'C'], pins, 2, false)).toEqual([]);
    expect(findings('max_continuous', ['A', 'C'], pins, 1)).toEqual([
      'fatal: Hard max_continuous rule: A session 1, A session 2, C session 1 are pinned over more than 1 periods in a row. [Rules row 2; Fixed A session 1; Fixed A session 2; Fixed C session 1]',
    ]);
    expect(findings('max_continuous', ['A', 'C'], pins, 2)).toEqual([]);
    expect(findings('max_continuous', ['A'], pins, 1)).toEqual([]);
  });

  it('max_simultaneous, max_sessions_in_slots, preferred_*: pinned sessions alone break them; the minimum kinds never', () => {
    const pins: Pin[] = [
      ['A', 1, 1, 0],
      ['A', 2, 2, 0],
      ['C', 1, 1, 0],
    ];
    const listed: Array<[number, number]> = [
      [1, 0],
      [2, 0],
    ];
    expect(findings('max_simultaneous', ['A', 'C'], pins, 1, true, listed)).toEqual([
      "fatal: Hard max_simultaneous rule: A session 1, C session 1 are pinned more than 1 at once in one of the rule's slots. [Rules row 2; Fixed A session 1; Fixed C session 1]",
    ]);
    expect(findings('max_simultaneous', ['A', 'C'], pins, 2, true, listed)).toEqual([]);
    expect(findings('max_sessions_in_slots', ['A', 'C'], pins, 2, true, listed)).toHaveLength(1);
    expect(findings('max_sessions_in_slots', ['A', 'C'], pins, 3, true, listed)).toEqual([]);
    expect(findings('preferred_starts', ['A', 'C'], pins, 0, true, [[1, 0]])).toEqual([
      "fatal: Hard preferred_starts rule: A session 2 are pinned to start outside the rule's slots. [Rules row 2; Fixed A session 2]",
    ]);
    expect(findings('preferred_slots', ['A', 'C'], pins, 0, true, listed)).toEqual([]);
    // Sessions not pinned may still fill Mon 1.
    expect(findings('min_simultaneous', ['A', 'C'], pins, 3, true, [[0, 0]])).toEqual([]);
  });
});
