// Hand-computed ITC-2007 costs on the toy instance of the track's technical report
// (4 courses, 2 rooms, 5 days x 4 periods). Each case starts from a conflict-free, zero-cost
// solution and changes one thing; the expected numbers are worked out in the comments.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { parseItcSolution } from '../../src/shared/itc/solution.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { ZERO_COST_TOY_SOLUTION } from './toySolution.ts';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const toyPath = pathToFileURL(join(ITC_DIR, 'qub-2007-release/toy.ctt'));
const toy = parseCtt(readFileSync(toyPath, 'utf8'), 'toy.ctt');
const problem = compile(toy);

const base = [...ZERO_COST_TOY_SOLUTION];

function cost(lines: string[]): { hard: number; soft: number; e: ReturnType<typeof evaluate> } {
  const tt = parseItcSolution(lines.join('\n'), toy, 'toy.sol');
  const e = evaluate(problem, timetableToPlacement(problem, tt));
  return { hard: e.hardTotal, soft: e.softTotal, e };
}

const replace = (from: string, to: string | null): string[] =>
  base.flatMap((l) => (l === from ? (to === null ? [] : [to]) : [l]));

describe('ITC-2007 cost on the toy instance (hand-computed)', () => {
  it('gives 0 for the conflict-free solution', () => {
    const { hard, soft, e } = cost(base);
    expect(hard).toBe(0);
    expect(soft).toBe(0);
    expect(e.violations).toEqual([]);
  });

  it('an empty solution misses 16 lectures and 13 working days (65)', () => {
    const { hard, soft, e } = cost([]);
    expect(hard).toBe(16);
    expect(e.hard.unplaced).toBe(16);
    expect(soft).toBe(65);
  });

  it('a lecture in an occupied room: RoomOccupancy 1, RoomStability 1', () => {
    // Geotec moves into B at day 0 period 1, where SceCosC already is; Geotec now uses A and B.
    const { hard, soft, e } = cost(replace('Geotec A 0 1', 'Geotec B 0 1'));
    expect(e.hard.room_clash).toBe(1);
    expect(hard).toBe(1);
    expect(e.soft.room_stability).toBe(1);
    expect(soft).toBe(1);
  });

  it('a lecture in a small room: RoomCapacity 42 - 32 = 10, RoomStability 1', () => {
    const { hard, e } = cost(replace('ArcTec B 0 2', 'ArcTec A 0 2'));
    expect(hard).toBe(0);
    expect(e.soft.room_capacity).toBe(10);
    expect(e.soft.room_stability).toBe(1);
    expect(e.softTotal).toBe(11);
  });

  it('an unavailable period: Availability 1, and two isolated Cur2 lectures on day 2 (2 x 2)', () => {
    // TecCos day 2 moves to period 0 (unavailable). Cur1 stays compact (SceCosC at period 1),
    // but Cur2 now has TecCos at 0 and Geotec at 3 with nothing in between.
    const { hard, e } = cost(replace('TecCos B 2 2', 'TecCos B 2 0'));
    expect(e.hard.course_unavailable).toBe(1);
    expect(hard).toBe(1);
    expect(e.soft.isolated).toBe(4);
    expect(e.softTotal).toBe(4);
  });

  it('a missing lecture: Lectures 1 and an isolated Cur2 lecture (2)', () => {
    // Geotec keeps 4 days (its minimum), TecCos on day 4 loses its Cur2 neighbour.
    const { hard, soft, e } = cost(replace('Geotec A 4 1', null));
    expect(e.hard.unplaced).toBe(1);
    expect(hard).toBe(1);
    expect(e.soft.isolated).toBe(2);
    expect(soft).toBe(2);
  });

  it('a curriculum conflict: Conflicts 1, two lectures isolated together (2 x 2), RoomStability 1', () => {
    // SceCosC day 4 moves to period 0 in A, beside TecCos (same curriculum). Cur1 has two lectures
    // at period 0 and none at period 1, so both count as isolated.
    const { hard, e } = cost(replace('SceCosC B 4 1', 'SceCosC A 4 0'));
    expect(e.hard.group_clash + e.hard.faculty_clash).toBe(1);
    expect(hard).toBe(1);
    expect(e.soft.isolated).toBe(4);
    expect(e.soft.room_stability).toBe(1);
    expect(e.softTotal).toBe(5);
  });

  it('a second lecture of a course in one period is dropped: Lectures 1, MinWorkingDays 5, isolated 2', () => {
    // SceCosC's day-2 lecture goes to day 0 period 1 (room A), where SceCosC already is: dropped.
    // SceCosC then meets on 2 days (minimum 3), and TecCos is alone in Cur1 on day 2.
    const { hard, e } = cost(replace('SceCosC B 2 1', 'SceCosC A 0 1'));
    expect(e.hard.unplaced).toBe(1);
    expect(hard).toBe(1);
    expect(e.soft.min_days).toBe(5);
    expect(e.soft.isolated).toBe(2);
    expect(e.soft.room_stability).toBe(0);
    expect(e.softTotal).toBe(7);
  });

  it('a shared teacher is a conflict even across curricula', () => {
    const sameTeacher = parseCtt(
      readFileSync(toyPath, 'utf8').replace('Geotec Scarlatti', 'Geotec Ocra'),
      'toy-shared-teacher.ctt',
    );
    const p = compile(sameTeacher);
    // SceCosC (Ocra) and Geotec (now Ocra too) both meet at period 1 of days 0 and 4.
    const e = evaluate(p, timetableToPlacement(p, parseItcSolution(base.join('\n'), sameTeacher)));
    expect(e.hard.faculty_clash).toBe(2);
    expect(e.hardTotal).toBe(2);
    expect(e.violations.find((v) => v.kind === 'faculty_clash')?.message).toContain('Ocra');
  });
});
