// FET (.fet, .fet.gz) import: the XML is read with a streaming parser into an element tree
// (xml.ts), its parts into plain data (read.ts) and that into the college model (build.ts, with the
// constraint table of constraints.ts). A file that is not FET XML gets an error located by line and
// column; whatever FET states that the contract cannot say exactly comes back as warnings.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ImportIssue, type ImportResult } from '../../../shared/model/index.ts';
import { checkCollege } from '../checkCollege.ts';
import { buildCollege, buildWarnings, type FetBuild } from './build.ts';
import { readFet } from './read.ts';
import { fetText, FetXmlError, parseXml } from './xml.ts';

const SHEET = 'FET file';
const HINT = 'Open the file in FET (6.x or 5.x) and save it again, or check that it is a FET data file.';

export interface FetImport {
  result: ImportResult;
  /** The build (constraint kinds mapped, weakened, dropped), when the file was read. */
  build?: FetBuild;
}

export async function importFet(path: string): Promise<ImportResult> {
  return (await importFetDetailed(path)).result;
}

export async function importFetDetailed(path: string): Promise<FetImport> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return failed({
      severity: 'error',
      file,
      sheet: SHEET,
      message: `Cannot read "${file}": ${(error as Error).message}`,
    });
  }
  return importFetBytes(bytes, file);
}

export function importFetBytes(bytes: Buffer, file: string): FetImport {
  let build: FetBuild;
  try {
    const text = fetText(bytes, file.toLowerCase().endsWith('.gz'));
    const root = parseXml(text);
    build = buildCollege(readFet(root), root, file);
  } catch (error) {
    if (error instanceof FetXmlError) return failed(located(file, error));
    throw error;
  }
  const checked = checkCollege(build.college, {
    file,
    sheet: SHEET,
    hint: HINT,
    what: 'The file does not form a valid college',
  });
  if (!checked.ok) return failed(checked.issue);
  const c = checked.college;
  return {
    build,
    result: {
      ok: true,
      college: c,
      warnings: buildWarnings(build, file),
      counts: {
        Activities: build.activities,
        Periods: c.periods.length,
        Rooms: c.rooms.length,
        Faculty: c.faculty.length,
        Groups: c.groups.length,
        Courses: c.courses.length,
        Fixed: c.fixed.length,
        Rules: c.rules.length,
      },
    },
  };
}

function located(file: string, error: FetXmlError): ImportIssue {
  const where = error.line === undefined ? '' : ` (line ${error.line}, column ${error.column ?? 1})`;
  return {
    severity: 'error',
    file,
    sheet: SHEET,
    ...(error.line !== undefined ? { row: error.line, column: `column ${error.column ?? 1}` } : {}),
    message: `${error.message}${where}`,
    hint: HINT,
  };
}

function failed(error: ImportIssue): FetImport {
  return { result: { ok: false, errors: [error], warnings: [] } };
}
