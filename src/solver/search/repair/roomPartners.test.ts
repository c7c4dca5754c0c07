import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compiled/compile.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import { testCollege, placementAt } from '../../../shared/eval/testing/testCollege.ts';
import { startPoint } from '../../startPoint.ts';
import { repairRoom } from './repairRoom.ts';

describe('repairRoom with a same_room rule naming single sessions', () => {
  it('gives B#2 the room A#1 is in, not the room that fits B best; B#1 keeps the best fit', () => {
    const p = compile(
      testCollege({
        rooms: [
          { id: 'BIG', name: 'BIG', capacity: 200 },
          { id: 'FIT', name: 'FIT', capacity: 40 },
        ],
        faculty: ['F1', 'F2'].map((id) => ({ id, name: id })),
        groups: ['G1', 'G2'].map((id) => ({ id, name: id, size: 30 })),
        courses: [
          { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 1 },
          { id: 'B', name: 'B', faculty: ['F2'], groups: ['G2'], sessions: 2 },
        ],
        rules: [{ kind: 'same_room', courses: ['A#1', 'B#2'], hard: true }],
      }),
    );
    const st = new IncrementalState(p, placementAt(p, [['A', 1, 0, 0, 'BIG']]));
    const { model } = startPoint(p, undefined);
    const b = p.courseFirstSession[p.courseIds.indexOf('B')];
    const big = p.roomIds.indexOf('BIG');
    const fit = p.roomIds.indexOf('FIT');
    expect(repairRoom(st, model, b + 1, 8, -1)).toBe(big);
    expect(repairRoom(st, model, b, 8, -1)).toBe(fit);
  });
});
