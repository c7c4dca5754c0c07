// Renderer logic without the DOM (the web tsconfig leaves tests out, so they live here).
import { describe, expect, it } from 'vitest';
import type { ImportIssue } from '../../src/shared/model/issues.ts';
import { issuesToTsv, sortIssues } from '../../src/renderer/src/components/issueTable.ts';

const issue = (over: Partial<ImportIssue>): ImportIssue => ({
  severity: 'error',
  file: 'Courses.csv',
  sheet: 'Courses',
  message: 'bad',
  ...over,
});

describe('import issue table', () => {
  const issues = [
    issue({ row: 10, column: 'faculty' }),
    issue({ file: 'Rooms.csv', sheet: 'Rooms', row: 2 }),
    issue({ message: 'whole sheet' }),
    issue({ row: 9, hint: 'fix it' }),
  ];

  it('sorts rows numerically and puts issues without a row last, both ways', () => {
    expect(sortIssues(issues, 'row', true).map((i) => i.row)).toEqual([2, 9, 10, undefined]);
    expect(sortIssues(issues, 'row', false).map((i) => i.row)).toEqual([10, 9, 2, undefined]);
    expect(sortIssues(issues, 'file', true)[3].file).toBe('Rooms.csv');
  });

  it('copies a header and one tab-separated line per issue, tabs and newlines flattened', () => {
    const tsv = issuesToTsv([issue({ row: 3, column: 'name', message: 'two\tparts\nhere', hint: 'h' })]);
    expect(tsv).toBe(
      'file\tsheet\trow\tcolumn\tmessage\thint\nCourses.csv\tCourses\t3\tname\ttwo parts here\th\n',
    );
  });
});
