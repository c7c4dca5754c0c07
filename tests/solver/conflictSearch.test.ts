// The conflict search (src/solver/search/repair/ConflictSearch.ts) on a generated college with
// rules, limits, labs and fixed sessions: the incremental state stays equal to the evaluator through
// its walk and at its best, and it lowers the hard cost of a shaken timetable.
import { describe, expect, it } from 'vitest';
import { testCollege } from '../../src/shared/eval/testing/testCollege.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { startPoint } from '../../src/solver/startPoint.ts';
import { construct } from '../../src/solver/construct/construct.ts';
import { ConflictSearch } from '../../src/solver/search/repair/ConflictSearch.ts';

/**
 * A planted, fully packed college: every group busy in every period of `days` days (pieces of
 * 1-3 periods per half day, each with a faculty member free then), and exactly one room per group,
 * so every room is taken in every period too. Null when the plant finds no free faculty member.
 */
function packed(groups: number, faculty: number, days: number, seed: number) {
  const rng = new Rng(seed);
  const busy = new Set<string>();
  const unavailable: Array<{ day: number; period: number }> = [];
  for (let d = days; d < 5; d++) for (let q = 0; q < 6; q++) unavailable.push({ day: d, period: q });
  const pieces = new Map<string, { g: number; f: number; len: number; n: number }>();
  for (let g = 0; g < groups; g++)
    for (let d = 0; d < days; d++)
      for (const half of [0, 3]) {
        const split = [[3], [2, 1], [1, 2], [1, 1, 1]][rng.int(4)];
        let q = half;
        for (const len of split) {
          const free = [];
          for (let f = 0; f < faculty; f++) {
            let ok = true;
            for (let k = q; k < q + len; k++) if (busy.has(`${f},${d},${k}`)) ok = false;
            if (ok) free.push(f);
          }
          if (free.length === 0) return null;
          const f = free[rng.int(free.length)];
          for (let k = q; k < q + len; k++) busy.add(`${f},${d},${k}`);
          const key = `${g}_${f}_${len}_${d}`;
          const piece = pieces.get(key) ?? { g, f, len, n: 0 };
          piece.n++;
          pieces.set(key, piece);
          q += len;
        }
      }
  return testCollege({
    rooms: Array.from({ length: groups }, (_, k) => ({ id: `R${k}`, name: `R${k}`, capacity: 60 })),
    faculty: Array.from({ length: faculty }, (_, k) => ({ id: `F${k}`, name: `F${k}` })),
    groups: Array.from({ length: groups }, (_, k) => ({ id: `G${k}`, name: `G${k}`, size: 30 })),
    courses: [...pieces].map(([key, x]) => ({
      id: `C${key}`,
      name: `C${key}`,
      faculty: [`F${x.f}`],
      groups: [`G${x.g}`],
      sessions: x.n,
      length: x.len,
      minDays: 0,
      unavailable,
    })),
  });
}

describe('ConflictSearch on a generated college', () => {
  it('reaches hard 0 on a planted college where every room is full in every period', () => {
    // Where no room is free, the room chosen is one whose sessions are in the way anyway.
    for (const seed of [1, 4]) {
      const college = packed(12, 16, 3, seed);
      expect(college).not.toBeNull();
      const p = compile(college!);
      const start = startPoint(p, undefined);
      const st = new IncrementalState(p, start.placement);
      construct(st, start.model, new Rng(seed), () => false);
      expect(st.hardTotal).toBeGreaterThan(0);
      const cs = new ConflictSearch(st, start.model, new Rng(seed), { deadline: Infinity, maxSteps: 5000 });
      while (!cs.run(Infinity));
      cs.restoreBest();
      expect(st.hardTotal).toBe(0);
      expect(evaluate(p, st.snapshot(), { details: false }).hardTotal).toBe(0);
    }
  });

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
