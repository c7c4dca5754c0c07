// The conflict search (src/solver/search/repair/ConflictSearch.ts) on a generated college with
// rules, limits, labs and fixed sessions: the incremental state stays equal to the evaluator through
// its walk and at its best, and it lowers the hard cost of a shaken timetable.
import { describe, expect, it } from 'vitest';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { startPoint } from '../../src/solver/startPoint.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { ConflictSearch } from '../../src/solver/search/repair/ConflictSearch.ts';

describe('ConflictSearch on a generated college', () => {
  it('keeps the incremental state equal to the evaluator on a college with rules and limits', () => {
    const { college } = generateCollege('small', 3);
    const p = compile(college);
    const start = startPoint(p, undefined);
    const st = new IncrementalState(p, start.placement);
    construct(st, start.model, new Rng(2), () => false);
    // Shake it: every tenth movable session to a random start, so there is something to repair.
    const rng = new Rng(9);
    const o = start.model.courseStarts.offsets;
    for (let i = 0; i < start.model.movable.length; i += 10) {
      const s = start.model.movable[i];
      const c = p.sessionCourse[s];
      if (o[c + 1] > o[c])
        st.move(s, start.model.courseStarts.items[o[c] + rng.int(o[c + 1] - o[c])], st.room[s]);
    }
    expect(st.hardTotal).toBeGreaterThan(0);
    const shaken = st.hardTotal;
    // Rounds of 50 steps (each round takes the clashes out first), checked against the evaluator
    // in the middle of the walk and at the best.
    for (let round = 0; round < 6; round++) {
      const cs = new ConflictSearch(st, start.model, new Rng(4 + round), {
        deadline: Infinity,
        maxSteps: 50,
      });
      while (!cs.run(Infinity));
      let e = evaluate(p, st.snapshot(), { details: false });
      expect(st.hardTotal).toBe(e.hardTotal);
      expect(st.softTotal).toBeCloseTo(e.softTotal, 6);
      cs.restoreBest();
      e = evaluate(p, st.snapshot(), { details: false });
      expect(e.hardTotal).toBe(cs.bestHard);
      expect(st.hardTotal).toBe(e.hardTotal);
    }
    expect(st.hardTotal).toBeLessThan(shaken);
  });
});
