import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { testCollege, placementAt, type Place } from '../../../shared/eval/testing/testCollege.ts';
import type { CollegeInput } from '../../../shared/eval/testing/testCollege.ts';
import { MipRunner } from '../../mip/index.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { hardRulePartners, neighbourhood } from './neighbourhood.ts';
import { freePlacement, neighbourhoodMip } from './neighbourhoodMip.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

const rooms = ['R1', 'R2', 'R3', 'R4'].map((id) => ({ id, name: id, capacity: 100 }));
const at = (day: number, period: number) => ({ day, period });

/**
 * A min_simultaneous rule wants A and B together at Monday period 1, where C (A's teacher and
 * group) and D (B's) sit; D may only go to Monday period 2, where E (B's group) sits, and E only
 * to period 3. A, B at Tuesday: the rule misses 2. A or B moved alone into Monday period 1
 * adds more than it removes (two clashes for one); fixing it moves five sessions.
 */
function packed(): Partial<CollegeInput> {
  const one = (id: string, f: string, g: string, starts?: { day: number; period: number }[]) => ({
    id,
    name: id,
    faculty: [f],
    groups: [g],
    sessions: 1,
    ...(starts ? { starts } : {}),
  });
  return {
    rooms,
    faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
    groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
    courses: [
      one('A', 'F1', 'G1', [at(0, 0), at(1, 0)]),
      one('B', 'F2', 'G2', [at(0, 0), at(1, 1)]),
      one('C', 'F1', 'G1', [at(0, 0), at(0, 1)]),
      one('D', 'F2', 'G2', [at(0, 0), at(0, 1)]),
      one('E', 'F3', 'G2', [at(0, 1), at(0, 2)]),
    ],
    rules: [{ kind: 'min_simultaneous', courses: ['A', 'B'], value: 2, slots: [at(0, 0)], hard: true }],
  };
}

const start: Place[] = [
  ['A', 1, 1, 0, 'R1'],
  ['B', 1, 1, 1, 'R1'],
  ['C', 1, 0, 0, 'R1'],
  ['D', 1, 0, 0, 'R2'],
  ['E', 1, 0, 1, 'R1'],
];

function stateOf(input: Partial<CollegeInput>, places: Place[]) {
  const p = compile(testCollege(input));
  const { model } = startPoint(p, undefined);
  return { p, model, st: new IncrementalState(p, placementAt(p, places)) };
}

const slotOf = (p: ReturnType<typeof compile>, st: IncrementalState, id: string): number =>
  st.slot[p.courseFirstSession[p.courseIds.indexOf(id)]];

describe('neighbourhood', () => {
  it('takes the courses in violation with their hard-rule partners, then their neighbours, within the cap', () => {
    const { p } = stateOf(packed(), start);
    const a = p.courseFirstSession[p.courseIds.indexOf('A')];
    const partners = hardRulePartners(p);
    const ids = (cs: Int32Array): string[] => [...cs].map((c) => p.courseIds[c]).sort();
    // A is in violation: B comes with it (the rule), then C (A's teacher and group), D and E (B's).
    expect(ids(neighbourhood(p, partners, [a], 100, new Rng(1)).courses)).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Two sessions: A and B only (they come as one unit or not at all).
    const two = neighbourhood(p, partners, [a], 2, new Rng(1));
    expect(ids(two.courses)).toEqual(['A', 'B']);
    expect(two.sessions).toBe(2);
    // One session: not even A (it would come without its partner).
    expect(neighbourhood(p, partners, [a], 1, new Rng(1)).courses.length).toBe(0);
  });

  it('takes a course holding a room at one of their starts, which shares nobody with them', () => {
    const input = packed();
    input.faculty = [...(input.faculty ?? []), { id: 'F9', name: 'F9' }];
    input.groups = [...(input.groups ?? []), { id: 'G9', name: 'G9', size: 30 }];
    input.courses = [
      ...(input.courses ?? []),
      { id: 'Z', name: 'Z', faculty: ['F9'], groups: ['G9'], sessions: 1 },
    ];
    const { p, model, st } = stateOf(input, [...start, ['Z', 1, 0, 0, 'R3']]);
    const a = p.courseFirstSession[p.courseIds.indexOf('A')];
    const partners = hardRulePartners(p);
    const ids = (cs: Int32Array): string[] => [...cs].map((c) => p.courseIds[c]).sort();
    expect(ids(neighbourhood(p, partners, [a], 100, new Rng(1)).courses)).not.toContain('Z');
    const around = { m: model, slot: st.slot, room: st.room };
    expect(ids(neighbourhood(p, partners, [a], 100, new Rng(1), around).courses)).toContain('Z');
  });

  it('frees only sessions that may move', () => {
    const input = packed();
    input.fixed = [{ courseId: 'C', session: 1, day: 0, period: 0, roomId: 'R1' }];
    const { p, model, st } = stateOf(input, start);
    const freed = freePlacement(st, model, Int32Array.from([0, 1, 2, 3, 4]));
    const c = p.courseFirstSession[p.courseIds.indexOf('C')];
    for (let s = 0; s < p.nSessions; s++) expect(freed.slot[s] >= 0).toBe(s === c);
  });
});

describe('neighbourhoodMip', () => {
  it('repairs in one MIP, with no repair after it, what needs five sessions moved together', async () => {
    const { p, model, st } = stateOf(packed(), start);
    expect(st.hardTotal).toBe(2);
    const report = await neighbourhoodMip(st, model, new Rng(1), {
      runner,
      seed: 1,
      deadline: performance.now() + 30_000,
      repairMs: 0,
      maxFailures: 1,
    });
    expect(st.hardTotal).toBe(0);
    expect(report).toMatchObject({ tries: 1, kept: 1 });
    expect(slotOf(p, st, 'A')).toBe(0);
    expect(slotOf(p, st, 'B')).toBe(0);
    expect(slotOf(p, st, 'E')).toBe(2);
  }, 60_000);

  it('keeps the state when a try finds nothing better', async () => {
    // Only A may move, and only to where the rule is broken the same way: nothing to gain.
    const input = packed();
    input.fixed = ['B', 'C', 'D', 'E'].map((id, i) => ({
      courseId: id,
      session: 1,
      day: start[i + 1][2],
      period: start[i + 1][3],
      roomId: start[i + 1][4],
    }));
    const { model, st } = stateOf(input, start);
    const before = st.snapshot();
    const hard = st.hardTotal;
    const report = await neighbourhoodMip(st, model, new Rng(1), {
      runner,
      seed: 1,
      deadline: performance.now() + 30_000,
      maxFailures: 2,
    });
    expect(report.kept).toBe(0);
    expect(report.tries).toBe(2);
    expect(st.hardTotal).toBe(hard);
    expect([...st.slot]).toEqual([...before.slot]);
    expect([...st.room]).toEqual([...before.room]);
  }, 60_000);
});
