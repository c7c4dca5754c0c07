import { describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { timetableToPlacement } from '../../shared/compiled/placement.ts';
import { IncrementalState } from '../../shared/eval/incremental/IncrementalState.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { startPoint } from '../startPoint.ts';
import { swapAllowed } from './moves.ts';

describe('swapAllowed', () => {
  it('answers without exchanging the two sessions or changing the costs', () => {
    const p = compile(
      testCollege({
        rooms: ['R1', 'R2'].map((id) => ({ id, name: id, capacity: 100 })),
        faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 1 },
        ],
      }),
    );
    const placement = timetableToPlacement(p, {
      assignments: [
        { courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
        { courseId: 'B', session: 1, day: 2, period: 3, roomId: 'R2', locked: false },
      ],
    });
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    const slots = st.slot.slice();
    const roomsBefore = st.room.slice();
    const soft = st.softTotal;
    expect(swapAllowed(st, model, 0, 1)).toBe(true);
    expect(Array.from(st.slot)).toEqual(Array.from(slots));
    expect(Array.from(st.room)).toEqual(Array.from(roomsBefore));
    expect(st.softTotal).toBe(soft);
  });

  it('refuses to carry a tie group member to another start alone, but lets it exchange rooms in its start', () => {
    const p = compile(
      testCollege({
        rooms: ['R1', 'R2', 'R3'].map((id) => ({ id, name: id, capacity: 100 })),
        faculty: ['F1', 'F2', 'F3'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2', 'G3'].map((id) => ({ id, name: id, size: 30 })),
        courses: ['A', 'B', 'C'].map((id, i) => ({
          id,
          name: id,
          faculty: [`F${i + 1}`],
          groups: [`G${i + 1}`],
          sessions: 1,
        })),
        rules: [{ kind: 'same_time', courses: ['A', 'B'] }],
      }),
    );
    const placement = timetableToPlacement(p, {
      assignments: [
        { courseId: 'A', session: 1, day: 0, period: 0, roomId: 'R1', locked: false },
        { courseId: 'B', session: 1, day: 0, period: 0, roomId: 'R2', locked: false },
        { courseId: 'C', session: 1, day: 1, period: 0, roomId: 'R3', locked: false },
      ],
    });
    const st = new IncrementalState(p, placement);
    const { model } = startPoint(p, undefined);
    expect(swapAllowed(st, model, 0, 2)).toBe(false);
    expect(swapAllowed(st, model, 2, 1)).toBe(false);
    expect(swapAllowed(st, model, 0, 1)).toBe(true);
  });
});
