import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { formatItcSolution, parseItcSolution, readItcSolution } from '../../src/shared/itc/solution.ts';
import { join } from 'node:path';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const toy = parseCtt(readFileSync(join(ITC_DIR, 'qub-2007-release/toy.ctt'), 'utf8'), 'toy.ctt');

describe('ITC solution files', () => {
  it('fills sessions in file order and leaves the rest unplaced', () => {
    const tt = parseItcSolution('ArcTec B 1 2\n\n  ArcTec   A 0 3  \r\n', toy);
    const arc = tt.assignments.filter((a) => a.courseId === 'ArcTec');
    expect(arc).toEqual([
      { courseId: 'ArcTec', session: 1, day: 1, period: 2, roomId: 'B', locked: false },
      { courseId: 'ArcTec', session: 2, day: 0, period: 3, roomId: 'A', locked: false },
      { courseId: 'ArcTec', session: 3, day: null, period: null, roomId: null, locked: false },
    ]);
    expect(tt.assignments).toHaveLength(16);
  });

  it('drops a second lecture of a course in one period, with a warning', () => {
    const read = readItcSolution('ArcTec B 1 2\nArcTec A 1 2\n', toy, 'x.sol');
    expect(read.warnings).toEqual([
      'x.sol:2: ArcTec already has a lecture on day 1 period 2; this one is ignored',
    ]);
    expect(read.timetable.assignments.filter((a) => a.courseId === 'ArcTec' && a.day !== null)).toHaveLength(
      1,
    );
  });

  it.each([
    ['ArcTec B 1', /x\.sol:1: expected "course room day period", found 3 fields/],
    ['Nope B 1 2', /x\.sol:1: unknown course "Nope"/],
    ['ArcTec C 1 2', /x\.sol:1: unknown room "C"/],
    ['ArcTec B 5 0', /x\.sol:1: day 5 is outside 0\.\.4/],
    ['ArcTec B 0 x', /x\.sol:1: period must be a whole number, found "x"/],
    ['ArcTec B 0 -1', /x\.sol:1: period must be a whole number, found "-1"/],
    [
      'ArcTec B 0 0\nArcTec B 0 1\nArcTec B 0 2\nArcTec B 0 3',
      /x\.sol:4: course "ArcTec" has only 3 lectures/,
    ],
  ])('rejects %j with file and line', (text, message) => {
    expect(() => parseItcSolution(text, toy, 'x.sol')).toThrow(message);
  });

  it('formats placed sessions course by course and reads back the same timetable', () => {
    const text = 'Geotec A 4 1\nSceCosC B 0 1\nGeotec B 2 3\n';
    const tt = parseItcSolution(text, toy);
    const out = formatItcSolution(toy, tt);
    expect(out).toBe('SceCosC B 0 1\nGeotec A 4 1\nGeotec B 2 3\n');
    expect(parseItcSolution(out, toy)).toEqual(tt);
  });
});
