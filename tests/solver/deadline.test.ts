// Time limits are kept: the constructor stops when asked (leaving the rest unplaced for the search),
// and a whole solve returns close to its limit even when construction cannot finish in it.
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/solver/solve.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { startPoint } from '../../src/solver/startPoint.ts';
import { Rng } from '../../src/solver/Rng.ts';

describe('time limits', () => {
  it('the constructor stops as soon as it is told to, leaving sessions unplaced', () => {
    const { college } = generateCollege('medium', 5);
    const p = compile(college);
    const start = startPoint(p, undefined);
    const st = new IncrementalState(p, start.placement);
    let asked = 0;
    construct(st, start.model, new Rng(1), () => ++asked > 20);
    // One pick places one session, or a whole tie group (hard same_time / consecutive) at once.
    const units = new Set<string>();
    const ties = start.model.ties;
    for (let s = 0; s < p.nSessions; s++)
      if (st.slot[s] >= 0 && start.placement.slot[s] < 0)
        units.add(ties.groupOf[s] >= 0 ? `g${ties.groupOf[s]}` : `s${s}`);
    expect(asked).toBe(21);
    expect(units.size).toBeLessThanOrEqual(20);
    expect(units.size).toBeGreaterThan(0);
  });

  it('a solve returns near its limit even when construction cannot finish in it', async () => {
    const { college } = generateCollege('medium', 5);
    const limitMs = 1500;
    const t0 = performance.now();
    const result = await solve(college, { timeLimitMs: limitMs, seed: 1 });
    const took = performance.now() - t0;
    // A guard against unbounded overrun (compile and result building included), not a benchmark.
    expect(took).toBeLessThan(limitMs + 3000);
    expect(result.stages.map((s) => s.stage)).toContain('search');
    for (const u of result.unplaced) expect(u.reason.length).toBeGreaterThan(0);
  });
});
