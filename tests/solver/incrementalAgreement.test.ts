// The incremental state must report exactly what the full evaluator reports, kind by kind, after
// every move of a random sequence (time and room moves, swaps, unplacing, duplicates, bad rooms),
// also on random colleges that use every limit and rule kind, checked after every single change, and
// on real FET colleges whose activity-tag limits (max_per_day, max_continuous), pair rules and
// ends_day are many and wide (skipped without fet-data).
import { describe, expect, it } from 'vitest';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { HARD_KINDS, SOFT_KINDS } from '../../src/shared/eval/types.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { itcProblem } from './fixtures.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { randomCollege, randomTimetable } from '../eval/randomCollege.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importFetDetailed } from '../../src/main/import/fet/importFet.ts';
import { FET_DATA } from '../fet/fetFiles.ts';

function expectAgreement(st: IncrementalState, p: CompiledProblem, step: number): void {
  const full = evaluate(p, st.snapshot(), { details: false });
  const hard = Object.fromEntries(HARD_KINDS.map((k, i) => [k, st.hard[i]]));
  const soft = Object.fromEntries(SOFT_KINDS.map((k, i) => [k, Math.round(st.soft[i] * 1e6) / 1e6]));
  const fullSoft = Object.fromEntries(SOFT_KINDS.map((k) => [k, Math.round(full.soft[k] * 1e6) / 1e6]));
  expect({ step, hard, soft }).toEqual({ step, hard: full.hard, soft: fullSoft });
  expect(st.hardTotal).toBe(full.hardTotal);
  expect(st.softTotal).toBeCloseTo(full.softTotal, 6);
}

function randomWalk(p: CompiledProblem, seed: number, steps: number, checkEvery: number): void {
  const rng = new Rng(seed);
  const st = new IncrementalState(p);
  expectAgreement(st, p, -1);
  // Start from a random full placement, then mix moves.
  for (let s = 0; s < p.nSessions; s++) st.move(s, rng.int(p.nSlots), rng.int(p.nRooms));
  expectAgreement(st, p, 0);
  const out = new Float64Array(2);
  for (let step = 1; step <= steps; step++) {
    const s = rng.int(p.nSessions);
    const kind = rng.int(10);
    if (kind < 5) st.move(s, rng.int(p.nSlots), rng.int(3) === 0 ? rng.int(p.nRooms) : st.room[s]);
    else if (kind < 7) st.swap(s, rng.int(p.nSessions));
    else if (kind === 7) st.move(s, -1, -1);
    else if (kind === 8) {
      // Same start as another session of its course: a duplicate that counts as unplaced.
      const c = p.sessionCourse[s];
      const other = p.courseFirstSession[c] + rng.int(p.courseSessionCount[c]);
      st.move(s, st.slot[other] >= 0 ? st.slot[other] : rng.int(p.nSlots), rng.int(p.nRooms));
    } else {
      const h = st.hardTotal;
      const v = st.softTotal;
      st.deltaMove(s, rng.int(p.nSlots), rng.int(p.nRooms), out);
      expect(st.hardTotal).toBe(h);
      expect(st.softTotal).toBe(v);
    }
    if (step % checkEvery === 0) expectAgreement(st, p, step);
  }
}

describe('incremental cost state agrees with evaluate', () => {
  for (const name of ['comp01', 'comp05', 'comp12']) {
    it(`on ITC-2007 ${name}`, () => randomWalk(itcProblem(name), 7, 1500, 7));
  }

  it('on a generated college (limits, rules, enrollments, multi-period sessions, fixed sessions)', () => {
    const { college } = generateCollege('small', 3);
    const p = compile(college);
    expect(p.rules.length + p.courseStudentConflicts.items.length).toBeGreaterThan(0);
    randomWalk(p, 11, 1500, 5);
  });

  it('fast move deltas equal the applied change', () => {
    for (const name of ['comp01', 'comp05', 'comp11']) {
      const p = itcProblem(name);
      const rng = new Rng(5);
      const st = new IncrementalState(p);
      for (let s = 0; s < p.nSessions; s++) st.move(s, rng.int(p.nSlots), rng.int(p.nRooms));
      const fast = new Float64Array(2);
      let checked = 0;
      for (let i = 0; i < 3000; i++) {
        const s = rng.int(p.nSessions);
        const t = rng.int(2) === 0 ? st.slot[s] : rng.int(p.nSlots);
        const r = rng.int(p.nRooms);
        if (!st.fast.delta(s, t, r, fast)) continue;
        checked++;
        const h = st.hardTotal;
        const v = st.softTotal;
        st.move(s, t, r);
        expect([st.hardTotal - h, st.softTotal - v]).toEqual([fast[0], fast[1]]);
      }
      expect(checked).toBeGreaterThan(1000);
      let swaps = 0;
      for (let i = 0; i < 3000; i++) {
        const a = rng.int(p.nSessions);
        const b = rng.int(4) === 0 ? p.courseFirstSession[p.sessionCourse[a]] : rng.int(p.nSessions);
        if (!st.fast.swapDelta(a, b, fast)) continue;
        swaps++;
        const h = st.hardTotal;
        const v = st.softTotal;
        st.swap(a, b);
        expect([st.hardTotal - h, st.softTotal - v]).toEqual([fast[0], fast[1]]);
      }
      expect(swaps).toBeGreaterThan(300);
    }
  });

  it('on random colleges using every limit and rule kind, after every change', () => {
    // Long walks that check hard and soft by kind after each move, swap and undone trial, and that
    // between them make every hard and soft kind nonzero at some point.
    const seenHard = new Set<number>();
    const seenSoft = new Set<number>();
    const out = new Float64Array(2);
    for (let seed = 1; seed <= 60; seed++) {
      const drawn = randomCollege(5000 + seed);
      // Every other college counts room capacity as soft.
      const college =
        seed % 2 === 0 ? { ...drawn, settings: { ...drawn.settings, roomCapacity: 'soft' as const } } : drawn;
      const p = compile(college);
      const st = new IncrementalState(p, timetableToPlacement(p, randomTimetable(college, seed)));
      expectAgreement(st, p, 0);
      const rng = new Rng(seed);
      for (let step = 1; step <= 250; step++) {
        const s = rng.int(p.nSessions);
        const roll = rng.int(12);
        if (roll === 0) st.move(s, -1, -1);
        else if (roll === 1) st.swap(s, rng.int(p.nSessions));
        else if (roll === 2) {
          const c = p.sessionCourse[s];
          const other = p.courseFirstSession[c] + rng.int(p.courseSessionCount[c]);
          st.move(s, st.slot[other] >= 0 ? st.slot[other] : rng.int(p.nSlots), rng.int(p.nRooms));
        } else if (roll === 3 || roll === 4) {
          const h = st.hardTotal;
          const v = st.softTotal;
          if (roll === 3) st.deltaMove(s, rng.int(p.nSlots), rng.int(p.nRooms), out);
          else st.deltaSwap(s, rng.int(p.nSessions), out);
          expect([st.hardTotal, st.softTotal]).toEqual([h, v]);
        } else if (roll === 5) {
          // Next to where it is: runs grow, shrink and join.
          const t = st.slot[s] >= 0 ? st.slot[s] + rng.int(3) - 1 : rng.int(p.nSlots);
          st.move(s, t, st.room[s] >= 0 ? st.room[s] : rng.int(p.nRooms));
        } else st.move(s, rng.int(p.nSlots), rng.int(3) === 0 ? rng.int(p.nRooms) : st.room[s]);
        expectAgreement(st, p, seed * 1000 + step);
        for (let i = 0; i < st.hard.length; i++) if (st.hard[i] > 0) seenHard.add(i);
        for (let i = 0; i < st.soft.length; i++) if (st.soft[i] > 0) seenSoft.add(i);
      }
    }
    expect(HARD_KINDS.filter((_, i) => !seenHard.has(i))).toEqual([]);
    expect(SOFT_KINDS.filter((_, i) => !seenSoft.has(i))).toEqual([]);
  });

  it('after a placement given to the constructor', () => {
    const p = itcProblem('comp07');
    const rng = new Rng(3);
    const slot = new Int32Array(p.nSessions).map(() => rng.int(p.nSlots + 1) - 1);
    const room = new Int32Array(p.nSessions).map(() => rng.int(p.nRooms));
    const st = new IncrementalState(p, { slot, room });
    expectAgreement(st, p, 0);
  });

  const real = ['MED_2019-20-1', 'Eng_College'];
  const paths = [
    'FET-5-official/India/Kurukshetra/Institute-of-Technology/MED_2019-20-1.fet',
    'FET-5-official/India/New-Delhi/Eng_College.fet',
  ].map((f) => join(FET_DATA, f));
  real.forEach((name, i) => {
    it.skipIf(!existsSync(paths[i]))(
      `on ${name}'s whole rule set`,
      async () => {
        const { result } = await importFetDetailed(paths[i]);
        if (!result.ok) throw new Error(result.errors[0].message);
        // 4,000 moves, swaps, unplacings, duplicates and undone trials, checked every 10.
        randomWalk(compile(result.college), 11, 4000, 10);
      },
      60_000,
    );
  });
});
