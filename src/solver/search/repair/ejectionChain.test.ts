import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import {
  testCollege,
  type CollegeInput,
  type Place,
  placementAt,
} from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { bestEjection } from './ejection.ts';
import { EjectionChains } from './ejectionChain.ts';

const rooms = ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 100 }));
/** Every slot of the week but the given Monday periods (0-based). */
const mondayOnly = (periods: number[]) =>
  Array.from({ length: 30 }, (_, i) => ({ day: Math.floor(i / 6), period: i % 6 })).filter(
    (x) => !(x.day === 0 && periods.includes(x.period)),
  );
const yes = () => true;

function state(over: Partial<CollegeInput>, places: Place[]) {
  const p = compile(testCollege({ rooms, ...over }));
  const placement = placementAt(p, places);
  const st = new IncrementalState(p, placement);
  return { p, st, model: startPoint(p, undefined).model };
}

/**
 * One student group, one session per course, each course allowed on two Monday periods only:
 * A and B clash at period 1 (B may go nowhere else); A's other period holds C, C's other holds D,
 * D's other is free. Only A -> 2 over C, C -> 3 over D, D -> 4 clears the clash: two sessions deep.
 */
function ladder() {
  const course = (id: string, periods: number[]) => ({
    id,
    name: id,
    faculty: [`F${id}`],
    groups: ['G1'],
    sessions: 1,
    minDays: 0,
    unavailable: mondayOnly(periods),
  });
  return state(
    {
      faculty: ['FA', 'FB', 'FC', 'FD'].map((id) => ({ id, name: id })),
      courses: [course('A', [0, 1]), course('B', [0]), course('C', [1, 2]), course('D', [2, 3])],
    },
    [
      ['A', 1, 0, 0, 'R1'],
      ['B', 1, 0, 0, 'R2'],
      ['C', 1, 0, 1, 'R1'],
      ['D', 1, 0, 2, 'R1'],
    ],
  );
}

describe('EjectionChains', () => {
  it('clears a clash that needs two sessions displaced, where single moves and the two-step ejection cannot', () => {
    const { p, st, model } = ladder();
    const a = p.courseFirstSession[p.courseIds.indexOf('A')];
    expect(st.hardTotal).toBe(1);
    // No single move of A lowers the hard cost, and the two-step ejection finds nothing better.
    const d = new Float64Array(2);
    for (const r of [0, 1]) {
      st.deltaMove(a, 1, r, d);
      expect(d[0]).toBeGreaterThanOrEqual(0);
    }
    expect(bestEjection(st, model, a, yes, yes, new Int32Array(5))).toBeGreaterThanOrEqual(0);
    const chains = new EjectionChains(st, model, { depth: 2, breadth: 3, maxTrials: 1000 });
    const moved = chains.tryFrom(a, yes, yes);
    expect(moved?.map((x) => p.courseIds[p.sessionCourse[x.session]])).toEqual(['A', 'C', 'D']);
    expect(st.hardTotal).toBe(0);
    const full = evaluate(p, st.snapshot());
    expect(full.hardTotal).toBe(0);
    expect(full.softTotal).toBeCloseTo(st.softTotal, 9);
    const period = (id: string) => st.slot[p.courseFirstSession[p.courseIds.indexOf(id)]];
    expect(['A', 'B', 'C', 'D'].map(period)).toEqual([1, 0, 2, 3]);
  });

  it('goes no deeper than its depth, and leaves the state exactly as it was when it finds nothing', () => {
    const { p, st, model } = ladder();
    const a = p.courseFirstSession[p.courseIds.indexOf('A')];
    const before = st.snapshot();
    const hard = st.hardTotal;
    const soft = st.softTotal;
    const chains = new EjectionChains(st, model, { depth: 1, breadth: 3, maxTrials: 1000 });
    expect(chains.tryFrom(a, yes, yes)).toBeNull();
    expect(Array.from(st.slot)).toEqual(Array.from(before.slot));
    expect(Array.from(st.room)).toEqual(Array.from(before.room));
    expect([st.hardTotal, st.softTotal]).toEqual([hard, soft]);
    // A session it may not displace stops the chain too.
    const c = p.courseFirstSession[p.courseIds.indexOf('C')];
    const deep = new EjectionChains(st, model, { depth: 3, breadth: 3, maxTrials: 1000 });
    expect(deep.tryFrom(a, yes, (x) => x !== c)).toBeNull();
    expect(st.hardTotal).toBe(hard);
  });

  it('never makes the hard cost worse: on random timetables every chain it applies lowers it, by the full evaluator', () => {
    const rng = new Rng(11);
    const groups = ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 }));
    const faculty = ['F1', 'F2', 'F3', 'F4'].map((id) => ({ id, name: id, maxPerDay: 3 }));
    const courses = Array.from({ length: 12 }, (_, i) => ({
      id: `C${i}`,
      name: `C${i}`,
      faculty: [`F${1 + (i % 4)}`],
      groups: [`G${1 + (i % 3)}`],
      sessions: 2 + (i % 2),
      minDays: 0,
      length: i % 5 === 0 ? 2 : 1,
    }));
    let applied = 0;
    for (let round = 0; round < 6; round++) {
      const places: Place[] = [];
      for (const c of courses)
        for (let k = 1; k <= c.sessions; k++)
          if (rng.float() < 0.9)
            places.push([c.id, k, rng.int(2), rng.int(5), rng.float() < 0.5 ? 'R1' : 'R2']);
      const { p, st, model } = state({ groups, faculty, courses }, places);
      const chains = new EjectionChains(st, model);
      for (let s = 0; s < p.nSessions; s++) {
        const hard = st.hardTotal;
        const before = st.snapshot();
        const moved = chains.tryFrom(s, yes, yes);
        if (moved) {
          applied++;
          expect(st.hardTotal).toBeLessThan(hard);
        } else {
          expect(st.hardTotal).toBe(hard);
          expect(Array.from(st.slot)).toEqual(Array.from(before.slot));
        }
        expect(evaluate(p, st.snapshot()).hardTotal).toBe(st.hardTotal);
      }
    }
    expect(applied).toBeGreaterThan(5);
  });
});
