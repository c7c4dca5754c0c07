// Collects every problem found in one import so the user sees them all at once.
import type { ImportIssue } from '../../shared/model/index.ts';

/** Where a problem is: file and sheet always, row and column when known. */
export interface Where {
  file: string;
  sheet: string;
  row?: number;
  column?: string;
}

export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  error(where: Where, message: string, hint?: string): void {
    this.errors.push(issue('error', where, message, hint));
  }

  warn(where: Where, message: string, hint?: string): void {
    this.warnings.push(issue('warning', where, message, hint));
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }
}

function issue(severity: ImportIssue['severity'], where: Where, message: string, hint?: string): ImportIssue {
  const out: ImportIssue = { severity, file: where.file, sheet: where.sheet, message };
  if (where.row !== undefined) out.row = where.row;
  if (where.column !== undefined) out.column = where.column;
  if (hint !== undefined) out.hint = hint;
  return out;
}
