import { describe, expect, it } from 'vitest';
import { StartList } from './startList.ts';

describe('StartList', () => {
  it('keeps its starts sorted by lower bound, equal bounds in the order they came, each with its room and tie-break', () => {
    const list = new StartList(8);
    list.add(5, 1, 2.5, 0.1);
    list.add(7, 2, -0.5, 0.2);
    list.add(3, 0, 2.5, 0.3);
    list.add(9, 4, 1, 0.4);
    expect(list.n).toBe(4);
    expect([...list.slot.slice(0, 4)]).toEqual([7, 9, 5, 3]);
    expect([...list.room.slice(0, 4)]).toEqual([2, 4, 1, 0]);
    expect([...list.low.slice(0, 4)]).toEqual([-0.5, 1, 2.5, 2.5]);
    expect([...list.noise.slice(0, 4)]).toEqual([0.2, 0.4, 0.1, 0.3]);
  });
});
