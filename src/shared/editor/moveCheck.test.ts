import { describe, expect, it } from 'vitest';
import { compile } from '../compiled/compile.ts';
import { timetableToPlacement } from '../compiled/placement.ts';
import { evaluate } from '../eval/evaluate.ts';
import { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import { testCollege } from '../eval/testing/testCollege.ts';
import { checkMoves, checkSlot } from './moveCheck.ts';

// Mon-Fri, 6 periods. A: F1 + G1 (2 sessions); B: F1 + G2; C: F2 + G1; D: F3 + G3 in R1.
const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 60 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  faculty: [
    { id: 'F1', name: 'F1' },
    { id: 'F2', name: 'F2' },
    { id: 'F3', name: 'F3', unavailable: [{ day: 4, period: 5 }] },
  ],
  groups: [
    { id: 'G1', name: 'G1', size: 30 },
    { id: 'G2', name: 'G2', size: 30 },
    { id: 'G3', name: 'G3', size: 30 },
  ],
  courses: [
    { id: 'A', name: 'Algebra', faculty: ['F1'], groups: ['G1'], sessions: 2 },
    { id: 'B', name: 'Biology', faculty: ['F1'], groups: ['G2'], sessions: 1 },
    { id: 'C', name: 'Chemistry', faculty: ['F2'], groups: ['G1'], sessions: 1 },
    { id: 'D', name: 'Drawing', faculty: ['F3'], groups: ['G3'], sessions: 1, rooms: ['R1'] },
  ],
});
const problem = compile(college);
const at = (courseId: string, session: number, day: number, period: number, roomId: string) => ({
  courseId,
  session,
  day,
  period,
  roomId,
  locked: false,
});
const timetable = {
  assignments: [
    at('A', 1, 0, 0, 'R1'),
    at('A', 2, 2, 0, 'R1'),
    at('B', 1, 1, 0, 'R2'),
    at('C', 1, 1, 1, 'R2'),
    at('D', 1, 3, 0, 'R1'),
  ],
};
const slot = (day: number, period: number) => day * problem.nPeriods + period;
const a1 = problem.courseFirstSession[0];
const d1 = problem.courseFirstSession[3];

function fresh(): IncrementalState {
  return new IncrementalState(problem, timetableToPlacement(problem, timetable));
}

describe('checkMoves', () => {
  it('refuses a faculty clash and names the teacher and the other course', () => {
    const check = checkSlot(fresh(), a1, slot(1, 0));
    expect(check.hardDelta).toBeGreaterThan(0);
    expect(check.reasons).toContain('F1 already teaches B then');
  });

  it('names the group as the other course lists it', () => {
    const batched = testCollege({
      groups: [
        { id: 'Y1', name: 'Year 1', size: 60 },
        { id: 'Y1-B1', name: 'Batch 1', size: 30, parent: 'Y1' },
      ],
      courses: [
        { id: 'LEC', name: 'Lecture', faculty: ['F1'], groups: ['Y1'], sessions: 1 },
        { id: 'LAB', name: 'Lab', groups: ['Y1-B1'], sessions: 1 },
      ],
      rooms: [
        { id: 'R1', name: 'Room 1', capacity: 60 },
        { id: 'R2', name: 'Room 2', capacity: 60 },
      ],
    });
    const bp = compile(batched);
    const state = new IncrementalState(
      bp,
      timetableToPlacement(bp, { assignments: [at('LEC', 1, 0, 0, 'R1'), at('LAB', 1, 1, 0, 'R2')] }),
    );
    expect(checkSlot(state, 0, bp.nPeriods).reasons).toContain('group Y1-B1 already has LAB then');
    expect(checkSlot(state, 1, 0).reasons).toContain('group Y1 already has LEC then');
  });

  it('refuses a group clash and names the group and the other course', () => {
    const check = checkSlot(fresh(), a1, slot(1, 1));
    expect(check.reasons).toContain('group G1 already has C then');
  });

  it('allows a free slot and keeps the current room', () => {
    const check = checkSlot(fresh(), a1, slot(4, 2));
    expect(check.reasons).toEqual([]);
    expect(problem.roomIds[check.room]).toBe('R1');
    expect(check.hardDelta).toBe(0);
  });

  it('takes another free room when the current one is taken', () => {
    const check = checkSlot(fresh(), a1, slot(3, 0));
    expect(problem.roomIds[check.room]).toBe('R2');
    expect(check.reasons).toEqual([]);
  });

  it('moves into the given room, and explains why a room the course may not use is refused', () => {
    const r2 = problem.roomIds.indexOf('R2');
    const into = checkSlot(fresh(), a1, slot(4, 2), r2);
    expect(into.room).toBe(r2);
    expect(into.reasons).toEqual([]);
    const d = checkSlot(fresh(), d1, slot(4, 2), r2);
    expect(d.room).toBe(r2);
    expect(d.reasons).toContain('room R2 is not one of the rooms D may use');
  });

  it('explains a room clash when no allowed room is free', () => {
    const state = fresh();
    state.move(a1, slot(0, 4), 0);
    const check = checkSlot(state, d1, slot(0, 4));
    expect(check.reasons).toContain('room R1 is taken by A then');
  });

  it('names the teacher who is not available then', () => {
    expect(checkSlot(fresh(), d1, slot(4, 5)).reasons).toContain('F3 is not available at Fri period 6');
  });

  it('agrees with evaluate for every slot and leaves the state unchanged', () => {
    const state = fresh();
    const before = {
      slot: state.slot.slice(),
      room: state.room.slice(),
      hard: state.hardTotal,
      soft: state.softTotal,
    };
    const base = evaluate(problem, state.snapshot(), { details: false });
    const checks = checkMoves(state, a1);
    expect(checks).toHaveLength(problem.nSlots);
    checks.forEach((check, t) => {
      const moved = state.snapshot();
      moved.slot[a1] = t;
      moved.room[a1] = check.room;
      const ev = evaluate(problem, moved, { details: false });
      expect(check.hardDelta).toBe(ev.hardTotal - base.hardTotal);
      expect(check.softDelta).toBeCloseTo(ev.softTotal - base.softTotal, 9);
      if (check.hardDelta > 0) expect(check.reasons.length).toBeGreaterThan(0);
    });
    expect(state.slot).toEqual(before.slot);
    expect(state.room).toEqual(before.room);
    expect(state.hardTotal).toBe(before.hard);
    expect(state.softTotal).toBe(before.soft);
  });
});
