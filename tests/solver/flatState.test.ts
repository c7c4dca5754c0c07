// The flat state must agree with the full evaluator (soft exactly; hard = 0 exactly when the
// evaluator's hard = 0), its pure move / exchange deltas must equal the applied change, and the
// flat annealer must be deterministic for a seed and report what the evaluator reports.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/shared/compiled/compile.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { generateCollege } from '../../src/main/generate/index.ts';
import { itcProblem } from './fixtures.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { buildSearchModel } from '../../src/solver/SearchModel.ts';
import type { SearchModel } from '../../src/solver/SearchModel.ts';
import { FlatAnnealer } from '../../src/solver/search/flat/FlatAnnealer.ts';
import { FlatKempe } from '../../src/solver/search/flat/FlatKempe.ts';
import { FlatCourseRoom } from '../../src/solver/search/flat/FlatCourseRoom.ts';
import { FlatState, writeFlat } from '../../src/solver/search/flat/FlatState.ts';

function setup(p: CompiledProblem, seed: number): { st: IncrementalState; m: SearchModel; rng: Rng } {
  const none = new Uint8Array(p.nSessions);
  const m = buildSearchModel(p, none, none);
  const rng = new Rng(seed);
  const st = new IncrementalState(p);
  // A random start with clashes of every kind, rooms double booked and duplicates.
  for (let s = 0; s < p.nSessions; s++) st.move(s, rng.int(p.nSlots), rng.int(p.nRooms));
  return { st, m, rng };
}

function expectAgreement(fs: FlatState, p: CompiledProblem): void {
  const full = evaluate(p, { slot: fs.slot, room: fs.room }, { details: false });
  expect(full.hard.room_clash).toBe(0);
  expect(full.hard.unplaced).toBe(fs.hard === 0 ? 0 : full.hard.unplaced);
  expect(fs.hard === 0).toBe(full.hardTotal === 0);
  // Without duplicates (which the evaluator counts as unplaced) the soft cost is the evaluator's.
  if (full.hard.unplaced === 0) expect(fs.soft).toBeCloseTo(full.softTotal, 6);
}

describe('FlatState', () => {
  for (const name of ['comp01', 'comp05', 'comp07']) {
    it(`agrees with the evaluator and its deltas with the applied change on ${name}`, () => {
      const p = itcProblem(name);
      const { st, m, rng } = setup(p, 7);
      const fs = FlatState.from(st, m);
      expect(fs).not.toBeNull();
      if (!fs) return;
      expect(fs.hard).toBeGreaterThan(0);
      expectAgreement(fs, p);
      const cells = new Set<number>();
      let exchanges = 0;
      for (let step = 0; step < 6000; step++) {
        const s = fs.movable[rng.int(fs.movable.length)];
        const c = p.sessionCourse[s];
        const t0 = fs.slot[s];
        const r0 = fs.room[s];
        const so = m.courseStarts.offsets;
        const ro = m.courseRooms.offsets;
        const t1 = rng.int(3) === 0 ? t0 : m.courseStarts.items[so[c] + rng.int(so[c + 1] - so[c])];
        const r1 = rng.int(3) === 0 ? r0 : m.courseRooms.items[ro[c] + rng.int(ro[c + 1] - ro[c])];
        if (t1 === t0 && r1 === r0) continue;
        const x = fs.cell[t1 * p.nRooms + r1];
        if (x >= 0 && (p.sessionCourse[x] === c || !fs.usable(p.sessionCourse[x], t0, r0))) continue;
        fs.moveDelta(s, t1, r1, x >= 0 ? p.sessionCourse[x] : -1);
        if (x >= 0) fs.moveDelta(x, t0, r0, c);
        const predicted = [fs.dHard, fs.dSoft];
        fs.discard();
        fs.remove(s);
        if (x >= 0) {
          fs.remove(x);
          fs.add(x, t0, r0);
          exchanges++;
        }
        fs.add(s, t1, r1);
        expect([fs.dHard, fs.dSoft]).toEqual(predicted);
        fs.commit();
        if (step % 500 === 0) expectAgreement(fs, p);
      }
      expect(exchanges).toBeGreaterThan(100);
      // Every movable session holds a cell of its own.
      for (const s of fs.movable) cells.add(fs.slot[s] * p.nRooms + fs.room[s]);
      expect(cells.size).toBe(fs.movable.length);
      expectAgreement(fs, p);
    });
  }

  it('is refused for multi-period sessions, gap costs and limits (the general search handles them)', () => {
    const p = compile(generateCollege('small', 3).college);
    const { st, m } = setup(p, 1);
    expect(FlatState.from(st, m)).toBeNull();
  });
});

/** comp07 from a random start, repaired to no clashes by the hard-only annealer. */
function feasibleComp07(seed: number): { fs: FlatState; p: CompiledProblem; m: SearchModel; rng: Rng } {
  return feasibleItc('comp07', seed);
}

/** An ITC-2007 instance from a random start, repaired to no clashes by the hard-only annealer. */
function feasibleItc(
  name: string,
  seed: number,
): { fs: FlatState; p: CompiledProblem; m: SearchModel; rng: Rng } {
  const p = itcProblem(name);
  const { st, m, rng } = setup(p, seed);
  const fs = FlatState.from(st, m);
  if (!fs) throw new Error(`${name} must fit the flat state`);
  const far = performance.now() + 60_000;
  const repair = new FlatAnnealer(fs, rng, {
    start: 0,
    deadline: far,
    hardOnly: true,
    maxIterations: 2_000_000,
  });
  while (!repair.run(far));
  repair.restoreBest();
  expect(fs.hard).toBe(0);
  return { fs, p, m, rng };
}

describe('FlatState without clashes', () => {
  it('prices the hard part of moves and exchanges in O(1), as the general count does', () => {
    const { fs, p, m, rng } = feasibleComp07(11);
    let checked = 0;
    let clashing = 0;
    for (let i = 0; i < 20_000; i++) {
      const s = fs.movable[rng.int(fs.movable.length)];
      const c = p.sessionCourse[s];
      const so = m.courseStarts.offsets;
      const ro = m.courseRooms.offsets;
      const t1 = rng.int(4) === 0 ? fs.slot[s] : m.courseStarts.items[so[c] + rng.int(so[c + 1] - so[c])];
      const r1 = m.courseRooms.items[ro[c] + rng.int(ro[c + 1] - ro[c])];
      const x = fs.cell[t1 * p.nRooms + r1];
      if (x === s || (x >= 0 && p.sessionCourse[x] === c)) continue;
      const cx = x >= 0 ? p.sessionCourse[x] : -1;
      const general = fs.hardDelta(s, t1, r1, cx) + (x >= 0 ? fs.hardDelta(x, fs.slot[s], fs.room[s], c) : 0);
      expect(fs.feasibleHardDelta(s, t1, r1, x)).toBe(general);
      checked++;
      if (general > 0) clashing++;
      // Now and then take a clash-free move, so the counts are checked as they change.
      if (general === 0 && rng.int(20) === 0 && (x < 0 || fs.usable(cx, fs.slot[s], fs.room[s]))) {
        const [t0, r0] = [fs.slot[s], fs.room[s]];
        fs.remove(s);
        if (x >= 0) {
          fs.remove(x);
          fs.add(x, t0, r0);
        }
        fs.add(s, t1, r1);
        fs.commit();
        expect(fs.hard).toBe(0);
      }
    }
    expect(checked).toBeGreaterThan(15_000);
    expect(clashing).toBeGreaterThan(1000);
    expect(checked - clashing).toBeGreaterThan(1000);
  });
});

describe('FlatCourseRoom', () => {
  it('puts a course into one room without clashes, prices it as the evaluator does, and undoes exactly', () => {
    const { fs, p, rng } = feasibleComp07(13);
    const move = new FlatCourseRoom(fs);
    let applied = 0;
    let kept = 0;
    for (let i = 0; i < 3000; i++) {
      const s = fs.movable[rng.int(fs.movable.length)];
      const c = p.sessionCourse[s];
      const before = { slot: fs.slot.slice(), room: fs.room.slice(), soft: fs.soft };
      if (!move.tryMove(rng, s)) {
        expect(Array.from(fs.room)).toEqual(Array.from(before.room));
        continue;
      }
      applied++;
      expect(fs.dHard).toBe(0);
      expect(Array.from(fs.slot)).toEqual(Array.from(before.slot));
      const rooms = new Set<number>();
      for (let y = p.courseFirstSession[c]; y < p.courseFirstSession[c] + p.courseSessionCount[c]; y++)
        rooms.add(fs.room[y]);
      expect(rooms.size).toBe(1);
      if (rng.int(2) === 0) {
        kept++;
        fs.commit();
        if (kept % 25 === 0) expectAgreement(fs, p);
      } else {
        move.undo();
        fs.discard();
        expect(Array.from(fs.room)).toEqual(Array.from(before.room));
        expect(fs.soft).toBe(before.soft);
      }
    }
    expect(applied).toBeGreaterThan(300);
    expect(kept).toBeGreaterThan(100);
    expectAgreement(fs, p);
  });

  it('prices the move from the room counts as applying it measures, changing nothing', () => {
    const { fs, p, rng } = feasibleItc('comp01', 17);
    const move = new FlatCourseRoom(fs);
    let priced = 0;
    let nonzero = 0;
    for (let i = 0; i < 3000; i++) {
      const s = fs.movable[rng.int(fs.movable.length)];
      const room = fs.room.slice();
      if (!move.prepare(rng, s)) continue;
      move.price();
      const predicted = [fs.dHard, fs.dSoft];
      fs.discard();
      expect(Array.from(fs.room)).toEqual(Array.from(room));
      move.apply();
      expect([fs.dHard, fs.dSoft]).toEqual(predicted);
      priced++;
      if (fs.dSoft !== 0) nonzero++;
      if (fs.dSoft <= 1) fs.commit();
      else {
        move.undo();
        fs.discard();
      }
    }
    expect(priced).toBeGreaterThan(300);
    expect(nonzero).toBeGreaterThan(100);
    expectAgreement(fs, p);
  });
});

describe('FlatKempe', () => {
  it('exchanges clash chains between two slots without creating clashes, and undoes exactly', () => {
    const p = itcProblem('comp07');
    const { st, m, rng } = setup(p, 5);
    const fs = FlatState.from(st, m);
    if (!fs) throw new Error('comp07 must fit the flat state');
    const far = performance.now() + 60_000;
    const repair = new FlatAnnealer(fs, rng, {
      start: 0,
      deadline: far,
      hardOnly: true,
      maxIterations: 2_000_000,
    });
    while (!repair.run(far));
    repair.restoreBest();
    expect(fs.hard).toBe(0);
    const kempe = new FlatKempe(fs);
    let applied = 0;
    for (let i = 0; i < 3000; i++) {
      const s = fs.movable[rng.int(fs.movable.length)];
      const c = p.sessionCourse[s];
      const so = m.courseStarts.offsets;
      const t1 = m.courseStarts.items[so[c] + rng.int(so[c + 1] - so[c])];
      const before = { slot: fs.slot.slice(), room: fs.room.slice(), soft: fs.soft };
      if (!kempe.tryMove(rng, s, t1)) {
        expect(Array.from(fs.slot)).toEqual(Array.from(before.slot));
        continue;
      }
      applied++;
      expect(fs.dHard).toBe(0);
      if (rng.int(2) === 0) {
        kempe.keep();
        expectAgreement(fs, p);
        expect(Array.from(fs.busy)).toEqual(Array.from(busyCounts(fs, p)));
      } else {
        kempe.undo();
        fs.discard();
        expect(Array.from(fs.slot)).toEqual(Array.from(before.slot));
        expect(Array.from(fs.room)).toEqual(Array.from(before.room));
        expect(fs.soft).toBe(before.soft);
      }
    }
    expect(applied).toBeGreaterThan(300);
    expectAgreement(fs, p);
    expect(Array.from(fs.busy)).toEqual(Array.from(busyCounts(fs, p)));
  });
});

describe('FlatKempe pricing', () => {
  for (const [name, seed] of [
    ['comp07', 29],
    ['comp05', 31],
    ['comp12', 37],
  ] as const)
    it(`prices chain exchanges from the state as applying them measures, on ${name}`, () => {
      const { fs, p, m, rng } = feasibleItc(name, seed);
      const kempe = new FlatKempe(fs);
      let priced = 0;
      let long = 0;
      let sameDay = 0;
      let costly = 0;
      for (let i = 0; i < 4000; i++) {
        const s = fs.movable[rng.int(fs.movable.length)];
        const c = p.sessionCourse[s];
        const so = m.courseStarts.offsets;
        const t1 = m.courseStarts.items[so[c] + rng.int(so[c + 1] - so[c])];
        const t0 = fs.slot[s];
        const before = { slot: fs.slot.slice(), room: fs.room.slice(), cell: fs.cell.slice() };
        if (!kempe.prepare(rng, s, t1)) continue;
        // Preparing changes nothing.
        expect(Array.from(fs.cell)).toEqual(Array.from(before.cell));
        kempe.price();
        const predicted = [fs.dHard, fs.dSoft];
        fs.discard();
        expect(Array.from(fs.slot)).toEqual(Array.from(before.slot));
        expect(Array.from(fs.room)).toEqual(Array.from(before.room));
        kempe.apply();
        expect([fs.dHard, fs.dSoft]).toEqual(predicted);
        priced++;
        if (fs.slot.reduce((n, t, y) => n + (t !== before.slot[y] ? 1 : 0), 0) > 2) long++;
        if (Math.floor(t0 / p.nPeriods) === Math.floor(t1 / p.nPeriods)) sameDay++;
        if (fs.dSoft > 0) costly++;
        // Keep the chains that do not cost much, so the state (and the counts priced from) changes.
        if (fs.dSoft <= 2) {
          kempe.keep();
          if (priced % 50 === 0) expectAgreement(fs, p);
        } else {
          kempe.undo();
          fs.discard();
        }
        expect(fs.hard).toBe(0);
      }
      expect(priced).toBeGreaterThan(500);
      expect(long).toBeGreaterThan(50);
      expect(sameDay).toBeGreaterThan(50);
      expect(costly).toBeGreaterThan(100);
      expectAgreement(fs, p);
    });

  it('with clashes, prices by applying and undoing, leaving the state as it was', () => {
    const p = itcProblem('comp07');
    const { st, m, rng } = setup(p, 41);
    const fs = FlatState.from(st, m);
    if (!fs) throw new Error('comp07 must fit the flat state');
    expect(fs.hard).toBeGreaterThan(0);
    const kempe = new FlatKempe(fs);
    let priced = 0;
    for (let i = 0; i < 2000; i++) {
      const s = fs.movable[rng.int(fs.movable.length)];
      const c = p.sessionCourse[s];
      const so = m.courseStarts.offsets;
      const t1 = m.courseStarts.items[so[c] + rng.int(so[c + 1] - so[c])];
      if (!kempe.prepare(rng, s, t1)) continue;
      const before = { slot: fs.slot.slice(), room: fs.room.slice(), hard: fs.hard, soft: fs.soft };
      kempe.price();
      const predicted = [fs.dHard, fs.dSoft];
      fs.discard();
      expect(Array.from(fs.slot)).toEqual(Array.from(before.slot));
      expect(Array.from(fs.room)).toEqual(Array.from(before.room));
      kempe.apply();
      expect([fs.dHard, fs.dSoft]).toEqual(predicted);
      priced++;
      if (rng.int(2) === 0) kempe.keep();
      else {
        kempe.undo();
        fs.discard();
        expect([fs.hard, fs.soft]).toEqual([before.hard, before.soft]);
      }
    }
    expect(priced).toBeGreaterThan(300);
    expectAgreement(fs, p);
  });
});

/** busy[c * nSlots + t] counted from scratch: the resources of c held in slot t, summed over sessions. */
function busyCounts(fs: FlatState, p: CompiledProblem): Int32Array {
  const nC = p.nCourses;
  const busy = new Int32Array(nC * p.nSlots);
  for (let y = 0; y < p.nSessions; y++) {
    if (fs.slot[y] < 0) continue;
    for (let c = 0; c < nC; c++) busy[c * p.nSlots + fs.slot[y]] += fs.shared[c * nC + p.sessionCourse[y]];
  }
  return busy;
}

describe('FlatAnnealer', () => {
  it('reaches hard 0 and lowers the soft cost, deterministically, reporting what the evaluator reports', () => {
    const p = itcProblem('comp01');
    const runOnce = (): { slot: Int32Array; soft: number; start: number } => {
      const { st, m, rng } = setup(p, 3);
      const fs = FlatState.from(st, m);
      if (!fs) throw new Error('comp01 must fit the flat state');
      const start = fs.soft;
      const far = performance.now() + 60_000;
      const repair = new FlatAnnealer(fs, rng, {
        start: 0,
        deadline: far,
        hardOnly: true,
        maxIterations: 400_000,
      });
      while (!repair.run(far));
      repair.restoreBest();
      expect(fs.hard).toBe(0);
      const a = new FlatAnnealer(fs, rng, { start: 0, deadline: far, maxIterations: 300_000 });
      while (!a.run(far));
      a.restoreBest();
      writeFlat(fs, st);
      st.recomputeTotals();
      const full = evaluate(p, { slot: st.slot, room: st.room }, { details: false });
      expect(full.hardTotal).toBe(0);
      expect(full.softTotal).toBe(a.bestSoft);
      return { slot: a.bestSlot.slice(), soft: a.bestSoft, start };
    };
    const one = runOnce();
    const two = runOnce();
    expect(one.soft).toBeLessThan(one.start / 4);
    expect(two.soft).toBe(one.soft);
    expect(Array.from(two.slot)).toEqual(Array.from(one.slot));
  });
});

describe('FlatAnnealer schedule', () => {
  const T0 = 2;
  const T1 = 0.05;
  const K = 40;
  /** Runs in short slices, recording (share of the run, temperature) after each. */
  const trace = (a: FlatAnnealer, sliceMs: number, share: () => number): Array<[number, number]> => {
    const points: Array<[number, number]> = [];
    while (!a.run(performance.now() + sliceMs)) points.push([share(), a.temperature]);
    points.push([share(), a.temperature]);
    return points;
  };
  const stepsAbove = (T: number): number => (K * Math.log(T / T1)) / Math.log(T0 / T1);

  it('cools geometrically to the end temperature exactly when the iteration budget is spent', () => {
    const { fs, rng } = feasibleComp07(17);
    const budget = 1_500_000;
    const a = new FlatAnnealer(fs, rng, {
      start: 0,
      deadline: performance.now() + 60_000,
      maxIterations: budget,
      startTemperature: T0,
      endTemperature: T1,
      steps: K,
      acceptCutoff: 0.05,
    });
    const points = trace(a, 2, () => a.iterations / budget);
    // (The budget is checked every 1,024 trials.)
    expect(a.iterations - budget).toBeGreaterThanOrEqual(0);
    expect(a.iterations - budget).toBeLessThan(1024);
    for (let i = 1; i < points.length; i++) expect(points[i][1]).toBeLessThanOrEqual(points[i - 1][1]);
    // The end temperature is reached with the last steps, not long before the budget runs out…
    expect(a.temperature).toBeCloseTo(T1, 9);
    const late = points.filter(([share]) => share > 0.05 && share < 0.85);
    expect(late.length).toBeGreaterThan(3);
    for (const [, T] of late) expect(stepsAbove(T)).toBeGreaterThan(0.5);
    // …while the hot steps, where most trials are accepted, end early at the cutoff.
    const half = points.find(([share]) => share >= 0.5);
    expect(half).toBeDefined();
    if (half) expect(stepsAbove(half[1])).toBeLessThan(K / 2);
  });

  it('without steps (the default) follows the share of the iteration budget spent', () => {
    const { fs, rng } = feasibleComp07(23);
    const budget = 600_000;
    const a = new FlatAnnealer(fs, rng, {
      start: 0,
      deadline: performance.now() + 60_000,
      maxIterations: budget,
      startTemperature: T0,
      endTemperature: T1,
    });
    const points = trace(a, 2, () => a.iterations / budget);
    for (const [share, T] of points.slice(0, -1))
      expect(T).toBeCloseTo(T0 * Math.pow(T1 / T0, Math.min(1, share)), 1);
    expect(a.temperature).toBeCloseTo(T1, 2);
  });

  it('reaches the end temperature at the deadline on a time budget', () => {
    const { fs, rng } = feasibleComp07(19);
    const start = performance.now();
    const deadline = start + 1500;
    const a = new FlatAnnealer(fs, rng, {
      start,
      deadline,
      startTemperature: T0,
      endTemperature: T1,
      steps: K,
    });
    const points = trace(a, 20, () => (performance.now() - start) / (deadline - start));
    expect(stepsAbove(a.temperature)).toBeLessThan(3);
    const early = points.filter(([share]) => share < 0.75);
    expect(early.length).toBeGreaterThan(3);
    for (const [, T] of early) expect(stepsAbove(T)).toBeGreaterThan(3);
  });
});
