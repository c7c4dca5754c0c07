import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { timetableToPlacement } from '../compiled/placement.ts';
import { evaluate } from '../eval/evaluate.ts';
import { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { testCollege } from '../eval/testing/testCollege.ts';
import { idNaming } from './naming.ts';
import { chainSuggestions, checkSwap, kempeChain } from './swap.ts';

// G1 has A (F1) Mon 1 and C (F2) Mon 2; G2 has B (F1) Tue 1; D (F3, G3) Mon 2 in the lab.
const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
    { id: 'LAB', name: 'Lab', capacity: 60, type: 'lab' },
  ],
  faculty: [
    { id: 'F1', name: 'F1' },
    { id: 'F2', name: 'F2', unavailable: [{ day: 1, period: 0 }] },
    { id: 'F3', name: 'F3' },
  ],
  groups: [
    { id: 'G1', name: 'G1', size: 30 },
    { id: 'G2', name: 'G2', size: 30 },
    { id: 'G3', name: 'G3', size: 30 },
  ],
  courses: [
    { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
    { id: 'B', name: 'B', faculty: ['F1'], groups: ['G2'], sessions: 1 },
    { id: 'C', name: 'C', faculty: ['F2'], groups: ['G1'], sessions: 1 },
    { id: 'D', name: 'D', faculty: ['F3'], groups: ['G3'], sessions: 1, roomType: 'lab' },
  ],
});
const problem = compile(college);
const at = (courseId: string, day: number, period: number, roomId: string) => ({
  courseId,
  session: 1,
  day,
  period,
  roomId,
  locked: false,
});
const timetable = {
  assignments: [at('A', 0, 0, 'R1'), at('C', 0, 1, 'R1'), at('B', 1, 0, 'R1'), at('D', 0, 1, 'LAB')],
};
const s = (id: string) => problem.courseFirstSession[problem.courseIds.indexOf(id)];
const slot = (day: number, period: number) => day * problem.nPeriods + period;
const naming = idNaming(problem);
const fresh = () => new IncrementalState(problem, timetableToPlacement(problem, timetable));

describe('checkSwap', () => {
  it('offers a legal swap of two sessions of a group, each keeping its room, and agrees with evaluate', () => {
    const state = fresh();
    const swap = checkSwap(state, s('A'), s('C'), naming);
    expect(swap.reasons).toEqual([]);
    expect(swap.moves).toEqual([
      { session: s('A'), slot: slot(0, 1), room: 0 },
      { session: s('C'), slot: slot(0, 0), room: 0 },
    ]);
    const moved = state.snapshot();
    for (const m of swap.moves) moved.slot[m.session] = m.slot;
    const before = evaluate(problem, state.snapshot(), { details: false });
    const after = evaluate(problem, moved, { details: false });
    expect(swap.hardDelta).toBe(after.hardTotal - before.hardTotal);
    expect(swap.softDelta).toBeCloseTo(after.softTotal - before.softTotal, 9);
  });

  it('refuses a swap that breaks a rule for either session, and says why', () => {
    // C to Tue 1: F2 is away then.
    const swap = checkSwap(fresh(), s('B'), s('C'), naming);
    expect(swap.reasons).toContain('F2 is not available at Tue period 1');
    // A to Mon 2 meets C of its own group there; D keeps the lab, free at Mon 1.
    const withD = checkSwap(fresh(), s('A'), s('D'), naming);
    expect(withD.reasons).toEqual(['group G1 already has C then']);
    expect(withD.moves[1]).toEqual({
      session: s('D'),
      slot: slot(0, 0),
      room: problem.roomIds.indexOf('LAB'),
    });
  });

  it('leaves the state unchanged', () => {
    const state = fresh();
    const slots = state.slot.slice();
    const rooms = state.room.slice();
    const h = state.hardTotal;
    const f = state.softTotal;
    checkSwap(state, s('B'), s('C'), naming);
    chainSuggestions(state, s('A'), new Uint8Array(problem.nSessions), naming);
    expect(state.slot).toEqual(slots);
    expect(state.room).toEqual(rooms);
    expect(state.hardTotal).toBe(h);
    expect(state.softTotal).toBe(f);
  });
});

describe('Kempe chains', () => {
  it('takes along every session that would clash, both ways, and stops at a locked one', () => {
    const state = fresh();
    // A (F1, G1) from Mon 1 to Tue 1 meets B (F1): B comes back to Mon 1.
    expect(kempeChain(state, s('A'), slot(1, 0), new Uint8Array(problem.nSessions))).toEqual({
      forward: [s('A')],
      back: [s('B')],
    });
    // Mon 2 holds C (G1, clashes with A) and D (unrelated): only C comes back.
    expect(kempeChain(state, s('A'), slot(0, 1), new Uint8Array(problem.nSessions))).toEqual({
      forward: [s('A')],
      back: [s('C')],
    });
    const locked = new Uint8Array(problem.nSessions);
    locked[s('B')] = 1;
    expect(kempeChain(state, s('A'), slot(1, 0), locked)).toBeNull();
  });

  it('suggests only chains that break nothing, the picked-up session at each chain slot', () => {
    const state = fresh();
    const chains = chainSuggestions(state, s('A'), new Uint8Array(problem.nSessions), naming);
    const slots = chains.map((c) => c.slot).sort((a, b) => a - b);
    expect(slots).toEqual([slot(0, 1), slot(1, 0)]);
    for (const c of chains) {
      expect(c.reasons).toEqual([]);
      const moved = state.snapshot();
      for (const m of c.moves) {
        moved.slot[m.session] = m.slot;
        moved.room[m.session] = m.room;
      }
      expect(evaluate(problem, moved, { details: false }).hardTotal).toBe(0);
    }
    // C's chain to Tue 1 would put it where F2 is away: not suggested.
    expect(
      chainSuggestions(state, s('C'), new Uint8Array(problem.nSessions), naming).map((c) => c.slot),
    ).not.toContain(slot(1, 0));
  });
});
