// Rules not_overlapping_parts: the courses cell split into parts at `|` (docs/WORKBOOK.md), each bad
// cell refused at its sheet, row and column, and the workbook writer giving back the same cell.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCleanFixture, located, withRules } from './testing/rulesSheet.ts';
import { collegeSheets } from '../workbook/sheets.ts';

beforeAll(loadCleanFixture);
const at = located;

describe('Rules not_overlapping_parts', () => {
  it('reads the parts of the courses cell, and writes them back the same way', () => {
    const read = withRules('rule,courses\nnot_overlapping_parts,CS201;CS203 | CS202#1|MA201\n');
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.college.rules).toMatchObject([
      { kind: 'not_overlapping_parts', courses: ['CS201', 'CS203', 'CS202#1', 'MA201'], parts: [0, 0, 1, 2] },
    ]);
    const rules = collegeSheets(read.college).find((s) => s.name === 'Rules')!;
    expect(rules.rows[1][1]).toBe('CS201;CS203|CS202#1|MA201');
  });

  it('refuses one part, an empty part, an item in two parts, and a course whole and by session, at the cell', () => {
    const bad = withRules(
      'rule,courses\nnot_overlapping_parts,CS201;CS203\nnot_overlapping_parts,CS201||CS203\nnot_overlapping_parts,CS201|CS203;CS201\nnot_overlapping_parts,CS201|CS201#1\n',
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(at(bad.errors)).toEqual([
      'Rules:2:courses: not_overlapping_parts needs at least two parts',
      'Rules:3:courses: Part 2 of 3 lists no course',
      'Rules:4:courses: CS201 is in parts 1 and 2',
      'Rules:5:courses: not_overlapping_parts: CS201 is listed both whole and by session (CS201#1)',
    ]);
  });
});
