// ITC-2007 curriculum-based .ctt/.ectt files, parsed by the shared ITC reader; its located errors
// (`file:line: message`) become ImportIssues with the line as the row.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseCtt } from '../../shared/itc/index.ts';
import { type College, type ImportIssue, type ImportResult } from '../../shared/model/index.ts';
import { checkCollege } from './checkCollege.ts';

const SHEET = 'ITC-2007 instance';
const HINT = 'Check the file against the ITC-2007 curriculum-based format (data/itc2007/README.md §2).';

export async function importCtt(path: string): Promise<ImportResult> {
  const file = basename(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return failed({
      severity: 'error',
      file,
      sheet: SHEET,
      message: `Cannot read "${file}": ${(error as Error).message}`,
    });
  }
  // Tokens are split at spaces, tabs and line breaks; any other control character would end up in
  // an id (found by fuzzing), so it is refused at its line.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\u0000-\u0008\u000e-\u001f\u007f\u2028\u2029]/.exec(text);
  if (control) {
    return failed({
      severity: 'error',
      file,
      sheet: SHEET,
      row: text.slice(0, control.index).split(/\r\n|\n|\r/).length,
      message: `A control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) is in the file`,
      hint: 'Remove it: an ITC-2007 file holds only words and numbers separated by spaces and line breaks.',
    });
  }
  let college: College;
  try {
    college = parseCtt(text, file);
  } catch (error) {
    return failed(issueFromError(file, error));
  }
  const checked = checkCollege(college, {
    file,
    sheet: SHEET,
    hint: HINT,
    what: 'The instance does not form a valid model',
  });
  if (!checked.ok) return failed(checked.issue);
  const c = checked.college;
  return {
    ok: true,
    college: c,
    warnings: [],
    counts: {
      Periods: c.periods.length,
      Rooms: c.rooms.length,
      Faculty: c.faculty.length,
      Groups: c.groups.length,
      Courses: c.courses.length,
    },
  };
}

export function issueFromError(file: string, error: unknown): ImportIssue {
  const text = error instanceof Error ? error.message : String(error);
  const located = /^(.*?):(\d+): (.*)$/s.exec(text);
  const issue: ImportIssue = { severity: 'error', file, sheet: SHEET, message: text, hint: HINT };
  if (located && located[1] === file) {
    issue.row = Number(located[2]);
    issue.message = located[3];
  } else if (text.startsWith(`${file}: `)) {
    issue.message = text.slice(file.length + 2);
  }
  return issue;
}

function failed(error: ImportIssue): ImportResult {
  return { ok: false, errors: [error], warnings: [] };
}
