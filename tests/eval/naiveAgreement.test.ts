// The real evaluator (full, and the incremental state after random move sequences) against the
// naive one written from docs/WORKBOOK.md: per-kind hard counts must agree on random timetables of
// random small colleges that use every sheet and every rule kind, and of generated colleges.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/shared/compiled/compile.ts';
import { placementToTimetable, timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { HARD_KINDS } from '../../src/shared/eval/types.ts';
import type { HardKind } from '../../src/shared/eval/types.ts';
import type { College, Timetable } from '../../src/shared/model/types.ts';
import { ruleKinds } from '../../src/shared/model/schema.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { naiveHardCounts } from './naiveEvaluator.ts';
import { randomCollege, randomTimetable } from './randomCollege.ts';

function realCounts(college: College, timetable: Timetable): Record<HardKind, number> {
  const p = compile(college);
  return evaluate(p, timetableToPlacement(p, timetable), { details: false }).hard;
}

describe('the evaluator agrees with a naive reading of the contract', () => {
  it('on random timetables of random colleges using every sheet and rule kind', () => {
    const seen = new Set<HardKind>();
    for (let seed = 1; seed <= 200; seed++) {
      const college = randomCollege(seed);
      for (let t = 0; t < 3; t++) {
        const timetable = randomTimetable(college, seed * 7 + t);
        const naive = naiveHardCounts(college, timetable);
        expect({ seed, t, hard: realCounts(college, timetable) }).toEqual({ seed, t, hard: naive });
        for (const k of HARD_KINDS) if (naive[k] > 0) seen.add(k);
      }
    }
    // The random colleges exercise every hard kind.
    expect(HARD_KINDS.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('per rule kind: each kind alone counts as the contract says, and random timetables break each', () => {
    const broken = new Set<string>();
    for (let seed = 1; seed <= 80; seed++) {
      const college = randomCollege(seed);
      const timetable = randomTimetable(college, seed * 7);
      for (const kind of new Set(college.rules.map((r) => r.kind))) {
        const only = { ...college, rules: college.rules.filter((r) => r.kind === kind) };
        const naive = naiveHardCounts(only, timetable).rule;
        expect({ seed, kind, rule: realCounts(only, timetable).rule }).toEqual({ seed, kind, rule: naive });
        if (naive > 0) broken.add(kind);
      }
    }
    expect(ruleKinds.filter((k) => !broken.has(k))).toEqual([]);
  });

  it('in the incremental state after random move sequences', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const college = randomCollege(1000 + seed);
      const p = compile(college);
      const st = new IncrementalState(p, timetableToPlacement(p, randomTimetable(college, seed)));
      const rng = new Rng(seed);
      for (let step = 0; step < 60; step++) {
        const s = rng.int(p.nSessions);
        const roll = rng.int(6);
        if (roll === 0) st.move(s, -1, -1);
        else if (roll === 1) st.swap(s, rng.int(p.nSessions));
        else if (roll === 2) {
          const other =
            p.courseFirstSession[p.sessionCourse[s]] + rng.int(p.courseSessionCount[p.sessionCourse[s]]);
          st.move(s, st.slot[other] >= 0 ? st.slot[other] : rng.int(p.nSlots), rng.int(p.nRooms));
        } else st.move(s, rng.int(p.nSlots), rng.int(3) === 0 ? rng.int(p.nRooms) : st.room[s]);
        if (step % 3 !== 0) continue;
        const naive = naiveHardCounts(college, placementToTimetable(p, st.snapshot()));
        const inc = Object.fromEntries(HARD_KINDS.map((k, i) => [k, st.hard[i]]));
        expect({ seed, step, hard: inc }).toEqual({ seed, step, hard: naive });
      }
    }
  });

  it('on generated colleges (every preset feature: limits, rules, fixed sessions, electives)', () => {
    for (const [seed, plain] of [
      [1, false],
      [2, false],
      [3, true],
    ] as const) {
      const { college, planted } = generateCollege('small', seed, { plain });
      // The planted timetable is hard-feasible by construction; both evaluators say so.
      expect(naiveHardCounts(college, planted)).toEqual(realCounts(college, planted));
      expect(Object.values(naiveHardCounts(college, planted)).every((v) => v === 0)).toBe(true);
      // Random disturbances of it.
      const p = compile(college);
      const rng = new Rng(seed);
      const st = new IncrementalState(p, timetableToPlacement(p, planted));
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 15; i++) st.move(rng.int(p.nSessions), rng.int(p.nSlots), rng.int(p.nRooms));
        const timetable = placementToTimetable(p, st.snapshot());
        const naive = naiveHardCounts(college, timetable);
        expect({ seed, round, hard: realCounts(college, timetable) }).toEqual({ seed, round, hard: naive });
        const inc = Object.fromEntries(HARD_KINDS.map((k, i) => [k, st.hard[i]]));
        expect({ seed, round, hard: inc }).toEqual({ seed, round, hard: naive });
      }
    }
  });
});
