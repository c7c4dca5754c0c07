import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import { testCollege, type CollegeInput } from '../../shared/eval/testing/testCollege.ts';
import { Rng } from '../Rng.ts';
import { startPoint } from '../startPoint.ts';
import { HardRepair } from './repair/HardRepair.ts';
import { repairRoom } from './repair/repairRoom.ts';
import { pickTimeMove } from './moves.ts';

const rooms = ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 }));
/** Every (day, period) but Monday period 1. */
const notMonday1 = Array.from({ length: 30 }, (_, i) => ({ day: Math.floor(i / 6), period: i % 6 })).slice(1);

/**
 * A (3 sessions) and B share a room by a hard same_room rule; both may use R2 or R3. B can only
 * start on Monday 1, where the fixed session X holds R2; everything starts in R2.
 */
function college(hard = true): Partial<CollegeInput> {
  return {
    rooms,
    faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
    groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
    courses: [
      {
        id: 'A',
        name: 'A',
        faculty: ['F1'],
        groups: ['G1'],
        sessions: 3,
        minDays: 0,
        rooms: ['R1', 'R2', 'R3'],
      },
      {
        id: 'B',
        name: 'B',
        faculty: ['F2'],
        groups: ['G2'],
        sessions: 1,
        rooms: ['R2', 'R3'],
        unavailable: notMonday1,
      },
      { id: 'X', name: 'X', faculty: ['F3'], groups: ['G3'], sessions: 1, rooms: ['R2'] },
    ],
    fixed: [{ courseId: 'X', session: 1, day: 0, period: 0, roomId: 'R2' }],
    rules: [{ kind: 'same_room', courses: ['A', 'B'], hard }],
  };
}

function setUp(over: Partial<CollegeInput>) {
  const p = compile(testCollege(over));
  const at = (courseId: string, session: number, day: number, period: number, roomId: string) => ({
    courseId,
    session,
    day,
    period,
    roomId,
    locked: false,
  });
  const placement = timetableToPlacement(p, {
    assignments: [
      at('A', 1, 0, 1, 'R2'),
      at('A', 2, 1, 0, 'R2'),
      at('A', 3, 2, 0, 'R2'),
      at('B', 1, 0, 0, 'R2'),
      at('X', 1, 0, 0, 'R2'),
    ],
  });
  const { model } = startPoint(p, undefined);
  return { p, placement, model, st: new IncrementalState(p, placement) };
}

describe('rooms groups (hard same_room)', () => {
  it('join the courses of a hard same_room rule and keep to the rooms they all allow', () => {
    const { model, p } = setUp(college());
    const [a, b, x] = [0, 1, 2];
    expect(model.roomGroupOf[a]).toBeGreaterThanOrEqual(0);
    expect(model.roomGroupOf[b]).toBe(model.roomGroupOf[a]);
    expect(model.roomGroupOf[x]).toBe(-1);
    const o = model.courseRooms.offsets;
    const roomsOf = (c: number) =>
      Array.from(model.courseRooms.items.subarray(o[c], o[c + 1])).map((r) => p.roomIds[r]);
    expect(roomsOf(a).sort()).toEqual(['R2', 'R3']);
    // A soft same_room rule leaves each course its own rooms.
    const soft = setUp(college(false));
    expect(soft.model.roomGroupOf[a]).toBe(-1);
    const so = soft.model.courseRooms.offsets;
    expect(so[a + 1] - so[a]).toBe(3);
  });

  it('a moved session takes its group room, even where that room is busy', () => {
    const { model, st, p } = setUp(college());
    const a1 = p.courseFirstSession[0];
    const r2 = p.roomIds.indexOf('R2');
    // Monday 1: R2 is taken by X and B, R1 and R3 are free; A still goes to R2 with its group.
    expect(repairRoom(st, model, a1, 0, st.room[a1])).toBe(r2);
    const to = new Int32Array(2);
    const rng = new Rng(1);
    for (let i = 0; i < 50; i++) if (pickTimeMove(st, model, rng, a1, to)) expect(to[1]).toBe(r2);
  });

  it('moves the whole group to another room in one step when its room is taken', () => {
    const { p, placement, model, st } = setUp(college());
    const before = evaluate(p, placement);
    expect(before.hard.room_clash).toBe(1);
    expect(before.hardTotal).toBe(1);
    const r = new HardRepair(st, model, new Rng(7), { deadline: Infinity, maxSteps: 2 });
    while (!r.run(Infinity));
    r.restoreBest();
    const after = evaluate(p, st.snapshot());
    expect(after.hardTotal).toBe(0);
    const groupRooms = new Set([0, 1, 2, 3].map((s) => p.roomIds[st.room[s]]));
    expect([...groupRooms]).toEqual(['R3']);
  });
});
