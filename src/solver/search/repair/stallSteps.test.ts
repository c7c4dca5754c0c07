import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { placementAt, testCollege } from '../../../shared/eval/testing/testCollege.ts';
import { Rng } from '../../Rng.ts';
import { startPoint } from '../../startPoint.ts';
import { ConflictSearch, NEAR_HARD } from './ConflictSearch.ts';

/**
 * One class, one day of six periods, `lessons` one-period lessons each with a teacher of its own,
 * the first six placed: lessons - 6 are always left out, so the search never finds a new best.
 */
function search(lessons: number, stallSteps?: number): ConflictSearch {
  const ids = Array.from({ length: lessons }, (_, k) => `L${k + 1}`);
  const p = compile(
    testCollege({
      calendar: { days: ['Mon'] },
      faculty: ids.map((id) => ({ id: `F${id}`, name: id })),
      courses: ids.map((id) => ({ id, name: id, faculty: [`F${id}`], groups: ['G1'], sessions: 1 })),
    }),
  );
  const { model } = startPoint(p, undefined);
  const st = new IncrementalState(
    p,
    placementAt(
      p,
      ids.slice(0, 6).map((id, q) => [id, 1, 0, q, 'R1']),
    ),
  );
  // No stall in time (0 ms): only stallSteps keeps it going.
  return new ConflictSearch(st, model, new Rng(1), { deadline: Infinity, stallMs: 0, stallSteps });
}

const runOut = (cs: ConflictSearch): ConflictSearch => {
  while (!cs.run(Infinity));
  return cs;
};

describe('ConflictSearch stallSteps', () => {
  it('near feasibility, goes on for stallSteps steps without a new best before it stalls', () => {
    const cs = runOut(search(8, 300));
    expect(cs.bestHard).toBe(2);
    expect(cs.bestHard).toBeLessThanOrEqual(NEAR_HARD);
    expect(cs.steps).toBe(300);
    // Without it a stall in time alone ends it at once.
    expect(runOut(search(8)).steps).toBe(0);
  });

  it('far from feasibility, stalls on time alone', () => {
    const cs = runOut(search(6 + NEAR_HARD + 3, 300));
    expect(cs.bestHard).toBeGreaterThan(NEAR_HARD);
    expect(cs.steps).toBe(0);
  });
});
