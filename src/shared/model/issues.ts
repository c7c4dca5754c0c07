import type { College } from './types.ts';

// A problem found in input data, located precisely enough for a scheduler to fix it.
export interface ImportIssue {
  severity: 'error' | 'warning';
  /** File the problem is in (a workbook, a CSV file, a .ctt). */
  file: string;
  /** Sheet name (for CSV folders: the sheet the file stands for, e.g. `Courses`). */
  sheet: string;
  /** 1-based row number as the user sees it in the spreadsheet (the header is row 1); absent = whole sheet. */
  row?: number;
  /** Column header as written in the file; absent = whole row or sheet. */
  column?: string;
  message: string;
  /** What to do about it. */
  hint?: string;
}

export type ImportResult =
  | { ok: true; college: College; warnings: ImportIssue[]; counts: Record<string, number> }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };
