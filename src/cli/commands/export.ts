// `slotwise export`: publish a project's active (or chosen) timetable as CSV, ITC-2007 solution,
// PDF booklets, ICS calendars or an XLSX workbook.
import { Option, type Command } from 'commander';
import {
  EXPORT_FORMATS,
  EXPORT_VIEWS,
  ExportError,
  exportTimetable,
  type ExportFormat,
  type ExportResult,
  type ExportView,
} from '../../main/export/index.ts';
import { log, logPath, logText } from '../../main/log/log.ts';
import { CliError } from '../CliError.ts';
import { loadProjectTimetable, staleProblem } from '../projectTimetable.ts';

interface ExportCommandOptions {
  db: string;
  format: ExportFormat;
  out: string;
  view?: ExportView;
  only?: string;
  timetable?: string;
}

export function register(program: Command): void {
  program
    .command('export')
    .description(
      "Publish a project's timetable: a flat CSV, an ITC-2007 solution file, PDF booklets (a week grid " +
        'per student group, faculty member and room, plus a department overview), ICS calendars (weekly ' +
        'recurring events over the term), an XLSX workbook (grids + a Timetable sheet in Fixed columns) or a ' +
        'FET file with every placed session locked at its time and room and the rules as FET constraints (opens in FET 6).',
    )
    .requiredOption('--db <file>', 'project file (.slotwise)')
    .addOption(new Option('--format <format>', 'what to write').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <path>', 'output file (csv, itc, xlsx, fet) or directory (pdf, ics)')
    .addOption(
      new Option(
        '--view <view>',
        'pdf/ics/xlsx: only the timetables of this kind (default: all three)',
      ).choices(EXPORT_VIEWS),
    )
    .option('--only <ids>', 'pdf/ics/xlsx: only these group, faculty or room ids (comma-separated)')
    .option('--timetable <id>', 'export this timetable id instead of the active one')
    .addHelpText(
      'after',
      '\nFiles written: csv/itc/xlsx/fet -> <out>; pdf -> <out>/groups.pdf, faculty.pdf, rooms.pdf, departments.pdf;\n' +
        'ics -> <out>/groups/<id>.ics, faculty/<id>.ics, rooms/<id>.ics and slotwise-ics.json (keeps SEQUENCE\n' +
        'numbers so that calendar apps update moved sessions; export again into the same folder).\n\n' +
        'Examples:\n  slotwise export --db college.slotwise --format pdf --out out/pdf\n' +
        '  slotwise export --db college.slotwise --format ics --view faculty --only F001,F002 --out out/ics\n' +
        '  slotwise export --db college.slotwise --format fet --out college-timetable.fet',
    )
    .action(async (opts: ExportCommandOptions) => {
      const loaded = loadProjectTimetable(
        opts.db,
        opts.timetable,
        'timetable yet: solve one first (slotwise run / solve), then export.',
      );
      const { college, timetable, label, stale } = loaded;
      if (stale) console.error(`warning: ${staleProblem(loaded)}`);
      const only = opts.only
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      let result: ExportResult;
      const exportStarted = Date.now();
      try {
        result = await exportTimetable(opts.format, college, timetable, {
          out: opts.out,
          view: opts.view,
          only,
        });
        log().info(
          {
            event: 'export',
            format: opts.format,
            out: logPath(opts.out),
            files: result.files.length,
            ms: Date.now() - exportStarted,
          },
          'export done',
        );
      } catch (err) {
        log().warn(
          {
            event: 'export',
            format: opts.format,
            out: logPath(opts.out),
            ok: false,
            error: logText((err as Error).message),
            ms: Date.now() - exportStarted,
          },
          'export failed',
        );
        if (err instanceof ExportError)
          throw new CliError(stale ? staleProblem(loaded, err.message) : err.message, 2);
        throw err;
      }
      console.log(summary(result, label));
    });
}

function summary(r: ExportResult, label: string): string {
  const extra =
    r.format === 'pdf'
      ? ` (${r.pages} pages)`
      : r.format === 'ics'
        ? ` (${r.count} calendars)`
        : r.format === 'xlsx'
          ? ` (${r.count} sheets)`
          : '';
  const files = r.files.length > 8 ? [...r.files.slice(0, 8), `... and ${r.files.length - 8} more`] : r.files;
  return [`Exported ${label} as ${r.format}${extra}:`, ...files.map((f) => `  ${f}`)].join('\n');
}
