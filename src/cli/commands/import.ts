// `slotwise import <source> --db <project.slotwise>`: validates a workbook, CSV folder or ITC-2007
// file and stores the college in the project. Any error leaves the project exactly as it was.
import type { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { extname } from 'node:path';
import type { ImportIssue } from '../../shared/model/index.ts';
import {
  listTimetables,
  openProject,
  PROJECT_EXTENSION,
  ProjectFileError,
  saveCollege,
  type Database,
} from '../../main/db/index.ts';
import { importPath } from '../../main/import/index.ts';
import { log, logPath } from '../../main/log/log.ts';
import { CliError } from '../CliError.ts';

interface ImportOptions {
  db: string;
  json?: boolean;
}

export type ImportReport =
  | {
      ok: true;
      source: string;
      db: string;
      created: boolean;
      counts: Record<string, number>;
      warnings: ImportIssue[];
      staleTimetables: number;
    }
  | { ok: false; source: string; db: string; errors: ImportIssue[]; warnings: ImportIssue[] };

export function register(program: Command): void {
  program
    .command('import')
    .description(
      'Import a college (an .xlsx workbook, a folder of CSV files, a FET .fet/.fet.gz file, or an ITC-2007 .ctt/.ectt file) into a ' +
        'project file. Every error is listed with file, sheet, row and column; if there is any, nothing is saved.',
    )
    .argument(
      '<source>',
      'workbook.xlsx, a folder of CSV files (Rooms.csv, Courses.csv, ...), college.fet, or file.ctt',
    )
    .requiredOption(
      '--db <file>',
      `project file to import into (created if missing; ends in ${PROJECT_EXTENSION})`,
    )
    .option('--json', 'print a machine-readable report on stdout instead of tables')
    .addHelpText(
      'after',
      '\nA re-import replaces all college data; earlier timetables are kept and marked stale.\n' +
        'Exit codes: 0 imported, 1 the data has errors or the project file cannot be used.\n\n' +
        'FET files: constraints the college data cannot express exactly are listed as warnings, per kind,\n' +
        'with the activities they concern (docs/FET.md).\n\n' +
        'Examples:\n  slotwise import college.xlsx --db college.slotwise\n  slotwise import college.fet --db college.slotwise',
    )
    .action(async (source: string, opts: ImportOptions) => {
      const report = await runImport(source, opts.db);
      if (opts.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report);
      if (!report.ok) throw new CliError('', 1);
    });
}

/** Imports `source` into the project at `dbPath`; the project is written only when the import is clean. */
export async function runImport(source: string, dbPath: string): Promise<ImportReport> {
  const existed = existsSync(dbPath);
  if (!existed && extname(dbPath) !== PROJECT_EXTENSION) {
    throw new CliError(`The project file name must end in ${PROJECT_EXTENSION} (got "${dbPath}").`, 1);
  }
  // Check an existing project before the (possibly slow) import, so a wrong --db fails fast.
  let db: Database | null = existed ? openOrFail(dbPath) : null;
  try {
    const importStarted = Date.now();
    const result = await importPath(source);
    const ms = Date.now() - importStarted;
    if (!result.ok) {
      const at = result.errors[0];
      log().warn(
        {
          event: 'import',
          source: logPath(source),
          ok: false,
          errors: result.errors.length,
          first: at && { sheet: at.sheet, row: at.row, column: at.column },
          ms,
        },
        'import refused',
      );
      return { ok: false, source, db: dbPath, errors: result.errors, warnings: result.warnings };
    }
    log().info(
      {
        event: 'import',
        source: logPath(source),
        ok: true,
        counts: result.counts,
        warnings: result.warnings.length,
        ms,
      },
      'import done',
    );
    db ??= openOrFail(dbPath);
    try {
      saveCollege(db, result.college);
    } catch (err) {
      db.close();
      db = null;
      // A project this import created goes again: no empty file is left behind.
      if (!existed)
        for (const suffix of ['', '-wal', '-shm', '-lock']) rmSync(dbPath + suffix, { force: true });
      const reason = err instanceof Error ? err.message : String(err);
      throw new CliError(
        `Saving into ${dbPath} failed (${reason}). Nothing was saved; ${dbPath} ${existed ? 'is unchanged' : 'was not created'}.`,
        1,
      );
    }
    return {
      ok: true,
      source,
      db: dbPath,
      created: !existed,
      counts: result.counts,
      warnings: result.warnings,
      staleTimetables: listTimetables(db).filter((t) => t.stale).length,
    };
  } finally {
    db?.close();
  }
}

function openOrFail(dbPath: string): Database {
  try {
    return openProject(dbPath);
  } catch (err) {
    if (err instanceof ProjectFileError) throw new CliError(err.message, 1);
    throw err;
  }
}

function printReport(report: ImportReport): void {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (report.ok) {
    console.log(`Imported ${report.source} into ${report.db}${report.created ? ' (new project)' : ''}.\n`);
    console.log(
      formatTable(
        ['Sheet', 'Rows'],
        Object.entries(report.counts).map(([k, v]) => [k, String(v)]),
        [1],
      ),
    );
    if (report.warnings.length) {
      console.log(`\n${plural(report.warnings.length, 'warning')} (imported anyway):\n`);
      console.log(formatIssues(report.warnings));
    }
    if (report.staleTimetables) {
      console.log(
        `\n${plural(report.staleTimetables, 'earlier timetable')} made for the previous data ` +
          `${report.staleTimetables === 1 ? 'is' : 'are'} kept and marked stale.`,
      );
    }
    return;
  }
  const also = report.warnings.length ? ` and ${plural(report.warnings.length, 'warning')}` : '';
  console.error(
    `Import failed: ${plural(report.errors.length, 'error')}${also} in ${report.source}. ` +
      `Nothing was saved; ${report.db} ${existsSync(report.db) ? 'is unchanged' : 'was not created'}.\n`,
  );
  console.error(formatIssues([...report.errors, ...report.warnings]));
}

/** Issues as a table: file, sheet, row, column, message and hint (long text wrapped). */
export function formatIssues(issues: readonly ImportIssue[]): string {
  const showLevel =
    issues.some((i) => i.severity === 'warning') && issues.some((i) => i.severity === 'error');
  const header = ['File', 'Sheet', 'Row', 'Column', 'Problem', 'What to do'];
  const rows = issues.map((i) => [
    i.file,
    i.sheet,
    i.row === undefined ? '' : String(i.row),
    i.column ?? '',
    showLevel && i.severity === 'warning' ? `(warning) ${i.message}` : i.message,
    i.hint ?? '',
  ]);
  return formatTable(header, rows, [2], { 4: 48, 5: 44 });
}

/**
 * A plain-text table: columns padded to their widest cell, `right` columns right-aligned, and the
 * columns in `wrapAt` wrapped at word boundaries to the given width.
 */
export function formatTable(
  header: readonly string[],
  rows: readonly string[][],
  right: readonly number[] = [],
  wrapAt: Record<number, number> = {},
): string {
  const cells = [header, ...rows].map((row) => row.map((cell, c) => wrap(cell, wrapAt[c] ?? Infinity)));
  const widths = header.map((_, c) =>
    Math.max(...cells.map((row) => Math.max(...row[c].map((l) => l.length)))),
  );
  const lines: string[] = [];
  cells.forEach((row, r) => {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const parts = row.map((cellLines, c) => {
        const text = cellLines[k] ?? '';
        return right.includes(c) ? text.padStart(widths[c]) : text.padEnd(widths[c]);
      });
      lines.push(`  ${parts.join('  ')}`.trimEnd());
    }
    if (r === 0) lines.push(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  });
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    for (let w = word; w.length > 0;) {
      const room = line ? width - line.length - 1 : width;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        out.push(line);
        line = '';
      } else {
        out.push(w.slice(0, width));
        w = w.slice(width);
      }
    }
  }
  if (line) out.push(line);
  return out;
}
