// The app's evaluator against a naive reference of the ITC-2007 cost (itcReference.ts), on random,
// greedy and perturbed timetables of every instance: every component must agree exactly.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { formatItcSolution, parseItcSolution } from '../../src/shared/itc/solution.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { placementToTimetable, timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { Placement } from '../../src/shared/eval/types.ts';
import { refCost, refReadInstance } from './itcReference.ts';
import { pathToFileURL } from 'node:url';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const dir = pathToFileURL(ITC_DIR);
const instances = readdirSync(dir)
  .filter((f) => f.endsWith('.ctt'))
  .sort();

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomPlacement(p: CompiledProblem, rnd: () => number, unplacedShare: number): Placement {
  const slot = new Int32Array(p.nSessions);
  const room = new Int32Array(p.nSessions);
  for (let s = 0; s < p.nSessions; s++) {
    const u = rnd();
    slot[s] = u < unplacedShare ? -1 : Math.floor(rnd() * p.nSlots);
    room[s] =
      u < unplacedShare / 3
        ? Math.floor(rnd() * p.nRooms)
        : u < unplacedShare
          ? -1
          : Math.floor(rnd() * p.nRooms);
    if (u < unplacedShare / 3) slot[s] = -1;
  }
  return { slot, room };
}

/** Greedy: each session at the first (shuffled) slot free of clashes and unavailability, in a free room. */
function greedyPlacement(p: CompiledProblem, rnd: () => number): Placement {
  const slot = new Int32Array(p.nSessions).fill(-1);
  const room = new Int32Array(p.nSessions).fill(-1);
  const roomBusy = new Uint8Array(p.nRooms * p.nSlots);
  const facBusy = new Uint8Array(p.nFaculty * p.nSlots);
  const setBusy = new Uint8Array(p.nStudentSets * p.nSlots);
  const order = Array.from({ length: p.nSlots }, (_, i) => i);
  for (let s = 0; s < p.nSessions; s++) {
    const c = p.sessionCourse[s];
    order.sort(() => rnd() - 0.5);
    const fac = Array.from(
      p.courseFaculty.items.subarray(p.courseFaculty.offsets[c], p.courseFaculty.offsets[c + 1]),
    );
    const sets = Array.from(
      p.courseStudentSets.items.subarray(p.courseStudentSets.offsets[c], p.courseStudentSets.offsets[c + 1]),
    );
    for (const t of order) {
      if (p.startForbidden[c * p.nSlots + t]) continue;
      if (fac.some((f) => facBusy[f * p.nSlots + t]) || sets.some((k) => setBusy[k * p.nSlots + t])) continue;
      let r = -1;
      for (let x = 0; x < p.nRooms && r < 0; x++) if (!roomBusy[x * p.nSlots + t]) r = x;
      if (r < 0) continue;
      slot[s] = t;
      room[s] = r;
      roomBusy[r * p.nSlots + t] = 1;
      for (const f of fac) facBusy[f * p.nSlots + t] = 1;
      for (const k of sets) setBusy[k * p.nSlots + t] = 1;
      break;
    }
  }
  return { slot, room };
}

function perturb(p: CompiledProblem, pl: Placement, rnd: () => number, moves: number): Placement {
  const slot = pl.slot.slice();
  const room = pl.room.slice();
  for (let m = 0; m < moves; m++) {
    const s = Math.floor(rnd() * p.nSessions);
    const kind = rnd();
    if (kind < 0.4) slot[s] = Math.floor(rnd() * p.nSlots);
    else if (kind < 0.7) room[s] = Math.floor(rnd() * p.nRooms);
    else if (kind < 0.8) slot[s] = -1;
    else {
      // Swap two sessions' times, or copy a time onto a sibling session (duplicate lecture).
      const t = kind < 0.9 ? Math.floor(rnd() * p.nSessions) : p.courseFirstSession[p.sessionCourse[s]];
      [slot[s], slot[t]] = kind < 0.9 ? [slot[t], slot[s]] : [slot[t], slot[t]];
    }
  }
  return { slot, room };
}

/** Solution lines for placed sessions, session by session (the order the validator reads them). */
function lines(p: CompiledProblem, pl: Placement): string[] {
  const out: string[] = [];
  for (let s = 0; s < p.nSessions; s++) {
    if (pl.slot[s] < 0 || pl.room[s] < 0) continue;
    const d = Math.floor(pl.slot[s] / p.nPeriods);
    out.push(`${p.courseIds[p.sessionCourse[s]]} ${p.roomIds[pl.room[s]]} ${d} ${pl.slot[s] % p.nPeriods}`);
  }
  return out;
}

describe.each(instances)('%s: evaluate agrees with the reference ITC-2007 cost', (file) => {
  const text = readFileSync(new URL(file, dir), 'utf8');
  const college = parseCtt(text, file);
  const problem = compile(college);
  const ref = refReadInstance(text);
  const seed = Number(file.replace(/\D/g, '')) || 7;

  it('on random, greedy and perturbed timetables', () => {
    const rnd = rng(seed);
    const greedy = greedyPlacement(problem, rnd);
    const cases: Placement[] = [
      randomPlacement(problem, rnd, 0),
      randomPlacement(problem, rnd, 0.2),
      greedy,
      perturb(problem, greedy, rnd, 3),
      perturb(problem, greedy, rnd, 15),
      perturb(problem, greedy, rnd, 60),
    ];
    for (const pl of cases) {
      const e = evaluate(problem, pl);
      const r = refCost(ref, lines(problem, pl));
      expect({
        lectures: e.hard.unplaced,
        conflicts: e.hard.faculty_clash + e.hard.group_clash,
        availability: e.hard.course_unavailable,
        roomOccupancy: e.hard.room_clash,
        roomCapacity: e.soft.room_capacity,
        minWorkingDays: e.soft.min_days,
        curriculumCompactness: e.soft.isolated,
        roomStability: e.soft.room_stability,
        violations: e.hardTotal,
        total: e.softTotal,
      }).toEqual(r);
      // The cost is carried by exactly these kinds.
      expect(e.hardTotal).toBe(
        e.hard.unplaced +
          e.hard.faculty_clash +
          e.hard.group_clash +
          e.hard.course_unavailable +
          e.hard.room_clash,
      );
      expect(e.violations.filter((v) => v.hard).reduce((a, v) => a + v.cost, 0)).toBe(e.hardTotal);
      expect(e.violations.filter((v) => !v.hard).reduce((a, v) => a + v.cost, 0)).toBe(e.softTotal);
      // Writing the timetable as a solution file and reading it back gives the same cost.
      const back = timetableToPlacement(
        problem,
        parseItcSolution(formatItcSolution(college, placementToTimetable(problem, pl)), college),
      );
      const e2 = evaluate(problem, back, { details: false });
      expect([e2.hardTotal, e2.softTotal]).toEqual([e.hardTotal, e.softTotal]);
    }
  });
});
