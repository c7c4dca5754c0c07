// From raw sheets to a validated College: match sheets, parse each, check cross-references,
// and build the model only when no error remains.
import {
  collegeSchema,
  type College,
  type ImportIssue,
  type ImportResult,
} from '../../shared/model/index.ts';
import { checkReferences } from './crossReference.ts';
import { IssueLog } from './issueLog.ts';
import { logModelIssues } from './modelIssues.ts';
import { checkGroupCycles, checkLoads } from './loadChecks.ts';
import type { ParsedWorkbook } from './parsedWorkbook.ts';
import type { RawSheet } from './rawSheet.ts';
import { parseCalendar } from './sheets/calendarSheet.ts';
import { parseCourses } from './sheets/courseSheet.ts';
import { checkCourseStarts } from './sheets/courseStarts.ts';
import { parsePeriods } from './sheets/periodsSheet.ts';
import { parseFaculty, parseGroups, parseRooms } from './sheets/resourceSheets.ts';
import { parseFixed, parseRules, parseWeights } from './sheets/ruleSheets.ts';
import { parseEnrollments, parseStudents } from './sheets/studentSheets.ts';
import { normalizeName, SHEET_SPECS, type SheetName } from './sheetSpecs.ts';
import { SheetTable } from './sheetTable.ts';
import { SlotGrid } from './slotList.ts';

export interface SheetSource {
  kind: 'workbook' | 'csv';
  /** Workbook file name or CSV folder name (shown in the UI). */
  name: string;
  /** The file a missing sheet should be in (the workbook, or `Rooms.csv` in a folder). */
  fileFor: (sheet: SheetName) => string;
}

export function importSheets(sheets: readonly RawSheet[], source: SheetSource): ImportResult {
  const log = new IssueLog();
  const tables = matchSheets(sheets, source, log);
  const calendar = parseCalendar(tables.Calendar);
  const periods = parsePeriods(tables.Periods);
  const grid = periods.labels.length > 0 ? new SlotGrid(calendar.days, periods.labels) : undefined;
  const parsed: ParsedWorkbook = {
    calendar,
    periods: periods.periods,
    grid,
    rooms: parseRooms(tables.Rooms, grid),
    faculty: parseFaculty(tables.Faculty, grid),
    groups: parseGroups(tables.Groups),
    courses: parseCourses(tables.Courses, grid),
    students: parseStudents(tables.Students),
    enrollments: parseEnrollments(tables.Enrollments),
    fixed: parseFixed(tables.Fixed, grid),
    rules: parseRules(tables.Rules, grid),
    weights: parseWeights(tables.Weights),
    tables,
  };
  checkReferences(parsed, periods.ok);
  const acyclic = checkGroupCycles(parsed);
  if (periods.ok) checkLoads(parsed, acyclic);
  if (periods.ok) checkCourseStarts(parsed);
  if (log.hasErrors)
    return { ok: false, errors: inSheetOrder(log.errors), warnings: inSheetOrder(log.warnings) };

  const college = buildCollege(parsed, source);
  const checked = collegeSchema.safeParse(college);
  if (!checked.success) {
    logModelIssues(checked.error.issues, college, parsed, source.name, log);
    return { ok: false, errors: log.errors, warnings: log.warnings };
  }
  return { ok: true, college: checked.data, warnings: inSheetOrder(log.warnings), counts: countsOf(parsed) };
}

/** Issues sorted as the user walks the workbook: by sheet (WORKBOOK.md order), then row. */
function inSheetOrder(issues: ImportIssue[]): ImportIssue[] {
  const order = new Map<string, number>(SHEET_SPECS.map((s, i) => [s.name, i]));
  const rank = (issue: ImportIssue): number => order.get(issue.sheet) ?? -1;
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => rank(a.issue) - rank(b.issue) || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.i - b.i)
    .map(({ issue }) => issue);
}

const MUST_HAVE_ROWS = new Set<SheetName>(['Rooms', 'Courses']);
/** Sheets the workbook may carry besides the data (the template's own notes). */
const NOTE_SHEETS = new Set(['instructions', 'readme', 'notes']);

function matchSheets(
  sheets: readonly RawSheet[],
  source: SheetSource,
  log: IssueLog,
): Partial<Record<SheetName, SheetTable>> {
  const tables: Partial<Record<SheetName, SheetTable>> = {};
  const known = new Set(SHEET_SPECS.map((s) => normalizeName(s.name)));
  for (const sheet of sheets) {
    for (const note of sheet.notes ?? []) {
      const where = {
        file: sheet.file,
        sheet: sheet.name,
        ...(note.row !== undefined ? { row: note.row } : {}),
      };
      if (note.severity === 'error') log.error(where, note.message, note.hint);
      else log.warn(where, note.message, note.hint);
    }
    const key = normalizeName(sheet.name);
    if (!known.has(key) && !NOTE_SHEETS.has(key)) {
      log.warn(
        { file: sheet.file, sheet: sheet.name },
        `Sheet "${sheet.name}" is not part of the workbook and is ignored`,
        `Sheets are ${SHEET_SPECS.map((s) => s.name).join(', ')}; rename it if it holds one of them.`,
      );
    }
  }
  for (const spec of SHEET_SPECS) {
    const matches = sheets.filter((s) => normalizeName(s.name) === normalizeName(spec.name));
    if (matches.length === 0) {
      if (spec.required) {
        log.error(
          { file: source.fileFor(spec.name), sheet: spec.name },
          `Missing sheet "${spec.name}"`,
          `Add a ${spec.name} sheet with the columns ${spec.columns.map((c) => c.name).join(', ')}.`,
        );
      }
      continue;
    }
    if (matches.length > 1) {
      log.error(
        { file: matches[1].file, sheet: spec.name },
        `Two sheets stand for ${spec.name}: "${matches[0].name}" and "${matches[1].name}"`,
        'Keep one of them.',
      );
    }
    const table = new SheetTable(matches[0], spec, log);
    tables[spec.name] = table;
    if (MUST_HAVE_ROWS.has(spec.name) && table.rows.length === 0) {
      const what = spec.name === 'Rooms' ? 'room' : 'course';
      table.error(
        undefined,
        undefined,
        `The ${spec.name} sheet has no rows`,
        `Add one row per ${what} below the header.`,
      );
    }
  }
  return tables;
}

function buildCollege(parsed: ParsedWorkbook, source: SheetSource): College {
  const items = <T>(list: ReadonlyArray<{ item: T }>): T[] => list.map((entry) => entry.item);
  return {
    calendar: parsed.calendar,
    periods: parsed.periods,
    rooms: items(parsed.rooms),
    faculty: items(parsed.faculty),
    groups: items(parsed.groups),
    courses: items(parsed.courses),
    students: items(parsed.students),
    enrollments: items(parsed.enrollments),
    fixed: items(parsed.fixed),
    rules: items(parsed.rules),
    weights: parsed.weights,
    settings: { roomCapacity: 'hard' },
    source: { kind: source.kind, name: source.name },
  };
}

function countsOf(parsed: ParsedWorkbook): Record<string, number> {
  return {
    Periods: parsed.periods.length,
    Rooms: parsed.rooms.length,
    Faculty: parsed.faculty.length,
    Groups: parsed.groups.length,
    Courses: parsed.courses.length,
    Students: parsed.students.length,
    Enrollments: parsed.enrollments.length,
    Fixed: parsed.fixed.length,
    Rules: parsed.rules.length,
    Weights: Object.keys(parsed.weights).length,
  };
}
