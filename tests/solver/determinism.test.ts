// Same seed, same search: the constructor and a fixed number of annealing iterations give the same
// timetable; another seed gives another one.
import { describe, expect, it } from 'vitest';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { buildSearchModel } from '../../src/solver/SearchModel.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { Annealer } from '../../src/solver/search/Annealer.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { itcProblem } from './fixtures.ts';

function run(name: string, seed: number): { slot: number[]; room: number[]; hard: number; soft: number } {
  const p = itcProblem(name);
  const st = new IncrementalState(p);
  const zero = new Uint8Array(p.nSessions);
  const m = buildSearchModel(p, zero, zero);
  const rng = new Rng(seed);
  construct(st, m, rng, () => false);
  const now = performance.now();
  const a = new Annealer(st, m, rng, { start: now, deadline: now + 1e9, maxIterations: 30_000 });
  while (!a.run(Infinity));
  a.restoreBest();
  const full = evaluate(p, st.snapshot(), { details: false });
  expect([full.hardTotal, full.softTotal]).toEqual([a.bestHard, a.bestSoft]);
  return { slot: Array.from(st.slot), room: Array.from(st.room), hard: a.bestHard, soft: a.bestSoft };
}

describe('determinism', () => {
  it('gives the same timetable for the same seed', () => {
    const a = run('comp04', 42);
    const b = run('comp04', 42);
    expect(b).toEqual(a);
    const c = run('comp04', 43);
    expect(c.slot).not.toEqual(a.slot);
  });
});
