// Sorting and copying import issues: pure helpers behind the error table.
import type { ImportIssue } from '../../../shared/model/issues.ts';

export type IssueColumn = 'file' | 'sheet' | 'row' | 'column' | 'message' | 'hint';
export const ISSUE_COLUMNS: IssueColumn[] = ['file', 'sheet', 'row', 'column', 'message', 'hint'];

function cell(issue: ImportIssue, column: IssueColumn): string | number {
  const v = issue[column];
  return v ?? '';
}

export function sortIssues(
  issues: readonly ImportIssue[],
  column: IssueColumn,
  ascending: boolean,
): ImportIssue[] {
  const sign = ascending ? 1 : -1;
  return [...issues].sort((a, b) => {
    const x = cell(a, column);
    const y = cell(b, column);
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    if (x === '' && y !== '') return 1;
    if (y === '' && x !== '') return -1;
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true });
  });
}

/** Tab-separated values with a header line, one issue per line (tabs and newlines in text become spaces). */
export function issuesToTsv(issues: readonly ImportIssue[]): string {
  const clean = (v: string | number): string => String(v).replace(/[\t\r\n]+/g, ' ');
  const lines = [ISSUE_COLUMNS.join('\t')];
  for (const issue of issues) lines.push(ISSUE_COLUMNS.map((c) => clean(cell(issue, c))).join('\t'));
  return lines.join('\n') + '\n';
}
