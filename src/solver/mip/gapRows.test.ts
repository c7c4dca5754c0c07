// The gap rows (gapRows.ts): only limits that can bind get rows, and a resource's idle rows, which
// stand in for its packing rows, still keep it to one session at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { buildCommunityModel } from './buildModel.ts';
import { MipRunner } from './index.ts';
import { occupancy } from './occupancy.ts';
import { roomClasses } from './roomClasses.ts';
import { college, solveMip } from './testing/ruleCase.ts';
import { tinyProblem, type TinySpec } from './testing/tinyProblem.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

/** A and B both taught by FA on one day of four periods; K makes P2 cost each of them a clash. */
function shared(): TinySpec {
  const spec = college({
    days: 1,
    periods: 4,
    rule: { kind: 'not_overlapping' },
    b: { faculty: ['FA'] },
    kSlots: [1],
    pushed: 'A',
  });
  spec.rules = [];
  spec.shared!.push(['K', 'B', 10]);
  // A and B only in P1 or P2: the cheap start, P1, is the same for both.
  for (const c of spec.courses) if (c.id !== 'K') c.unavailable = [2, 3];
  return spec;
}

function size(spec: TinySpec, tweak: (p: CompiledProblem) => void, gapRows: boolean): [number, number] {
  const p = tinyProblem(spec);
  tweak(p);
  const placement: Placement = {
    slot: new Int32Array(p.nSessions).fill(-1),
    room: new Int32Array(p.nSessions).fill(-1),
  };
  for (let s = 0; s < p.nSessions; s++) {
    placement.slot[s] = p.sessionFixedSlot[s];
    placement.room[s] = p.sessionFixedRoom[s];
  }
  const all = Int32Array.from({ length: p.nCourses }, (_, c) => c);
  const cm = buildCommunityModel(p, all, placement, occupancy(p, placement), roomClasses(p), 1, { gapRows });
  return [cm.model.numCols, cm.model.numRows];
}

describe('gap rows', () => {
  it('a faculty member with a gap limit still teaches one session at a time', async () => {
    // Four one-session courses of FA, each drawn to P1 by K (P2 to P4 cost each a clash): enough
    // start variables per period for the idle rows, which then stand in for FA's packing rows.
    const spec = college({
      days: 1,
      periods: 4,
      rule: { kind: 'not_overlapping' },
      b: { faculty: ['FA'] },
      kSlots: [1, 2, 3],
      pushed: 'A',
    });
    spec.rules = [];
    spec.courses.push(
      { id: 'C', sessions: 1, faculty: ['FA'], groups: ['GB'] },
      { id: 'D', sessions: 1, faculty: ['FA'], groups: ['GB'] },
    );
    for (const c of ['B', 'C', 'D']) spec.shared!.push(['K', c, 10]);
    spec.rooms.push({ id: 'R3', capacity: 60 }, { id: 'R4', capacity: 60 });
    const limit = (p: CompiledProblem): void => void (p.facultyMaxGapsPerDay[0] = 0);
    const [withRows] = size(spec, limit, true);
    const [without] = size(spec, limit, false);
    expect(withRows).toBeGreaterThan(without);
    const { ev } = await solveMip(runner, spec, undefined, limit);
    expect(ev.hard.faculty_clash).toBe(0);
    expect(ev.hardTotal).toBe(0);
  });

  it('a limit that cannot bind adds no rows', () => {
    // A and B only in P1 and P2: no period can lie idle between two of FA's sessions.
    const none = (p: CompiledProblem): void => {
      p.facultyMaxGapsPerDay[0] = 0;
      p.facultyMaxGapsPerWeek[0] = 0;
    };
    expect(size(shared(), none, true)).toEqual(size(shared(), none, false));
    // P1 to P4 open: at most two idle periods a day, within a limit of two a day.
    const open = shared();
    for (const c of open.courses) if (c.id !== 'K') c.unavailable = [];
    const two = (p: CompiledProblem): void => void (p.facultyMaxGapsPerDay[0] = 2);
    expect(size(open, two, true)).toEqual(size(open, two, false));
    const one = (p: CompiledProblem): void => void (p.facultyMaxGapsPerDay[0] = 1);
    expect(size(open, one, true)[0]).toBeGreaterThan(size(open, one, false)[0]);
  });

  it("leaves a faculty member's unavailable periods out of the idle periods a day can have", () => {
    // A and B may only start in P1 or P4: FA is unavailable in P2 and P3, which are not idle time.
    const spec = shared();
    for (const c of spec.courses) if (c.id !== 'K') c.unavailable = [];
    spec.faculty.find((f) => f.id === 'FA')!.unavailable = [1, 2];
    const none = (p: CompiledProblem): void => {
      p.facultyMaxGapsPerDay[0] = 0;
      p.facultyMaxGapsPerWeek[0] = 0;
    };
    expect(size(spec, none, true)).toEqual(size(spec, none, false));
  });

  it("leaves a student set's unavailable periods (every course of it unavailable) out of its idle periods", () => {
    // A and B both for GA, both unavailable in P2 and P3: only P1 and P4 can be busy, and the
    // periods between are not idle time, so GA's limit of no idle period cannot bind.
    const spec = shared();
    for (const c of spec.courses)
      if (c.id !== 'K') {
        c.unavailable = [1, 2];
        c.groups = ['GA'];
      }
    const none = (p: CompiledProblem): void => {
      p.groupMaxGapsPerDay[0] = 0;
      p.groupMaxGapsPerWeek[0] = 0;
    };
    expect(size(spec, none, true)).toEqual(size(spec, none, false));
    // With B open in P2 (GA could be busy then), P2 may be idle and the rows come back.
    spec.courses.find((c) => c.id === 'B')!.unavailable = [2];
    expect(size(spec, none, true)[0]).toBeGreaterThan(size(spec, none, false)[0]);
  });
});
