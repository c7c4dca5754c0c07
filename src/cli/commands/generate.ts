// `slotwise generate`: writes a realistic synthetic college (CSV-folder workbook, optionally an
// .xlsx and the timetable planted while generating, which has no hard violation).
import type { Command } from 'commander';
import { dirname, join, basename, resolve } from 'node:path';
import { generateCollege, PRESET_NAMES } from '../../main/generate/index.ts';
import type { GenerationStats, PresetName } from '../../main/generate/index.ts';
import { writeTimetableCsv, writeWorkbookCsv, writeWorkbookXlsx } from '../../main/workbook/index.ts';
import { CliError } from '../CliError.ts';

interface GenerateOptions {
  preset: string;
  seed: string;
  out: string;
  scale?: string;
  xlsx?: string | boolean;
  planted?: string | boolean;
  json?: boolean;
  plain?: boolean;
}

export function register(program: Command): void {
  program
    .command('generate')
    .description(
      'Generate a realistic synthetic college as a workbook that uses every sheet: departments, sections ' +
        'with lab batches, theory, labs, tutorials, NEP electives and enrollments, allowed-room lists, faculty ' +
        'and group limits, unavailability, pinned sessions and rules of every kind, hard and soft, some naming ' +
        'single sessions (course_id#k) or three courses (about one rule per two courses). The same preset and seed always give the same college, and it has a ' +
        'timetable with no hard violation by construction (--planted writes it).',
    )
    .option('--preset <name>', `size: ${PRESET_NAMES.join(' | ')}`, 'small')
    .option('--seed <n>', 'random seed (integer)', '1')
    .requiredOption('--out <dir>', 'folder to write the CSV workbook into (Rooms.csv, Courses.csv, ...)')
    .option('--scale <k>', 'multiply the size (number of sections, students, courses) by k', '1')
    .option('--xlsx [file]', 'also write an .xlsx workbook (default: <out>.xlsx next to the folder)')
    .option('--planted [file]', 'also write the planted timetable as CSV (default: <out>-planted.csv)')
    .option(
      '--plain',
      'the plain college of earlier versions: far fewer rules (no rule read off the planted timetable), ' +
        'fewer pinned sessions and allowed-room lists',
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  slotwise generate --preset small --seed 2026 --out college --xlsx\n' +
        '  slotwise generate --preset sih --seed 7 --scale 2 --out bench/sih2 --planted\n' +
        '  slotwise generate --preset sih --seed 1 --plain --out bench/sih-plain',
    )
    .action(async (opts: GenerateOptions) => {
      const preset = opts.preset as PresetName;
      if (!PRESET_NAMES.includes(preset))
        throw new CliError(`Unknown --preset "${opts.preset}": use ${PRESET_NAMES.join(', ')}.`, 1);
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed)) throw new CliError(`--seed must be an integer (got "${opts.seed}").`, 1);
      const scale = Number(opts.scale ?? '1');
      if (!(scale > 0) || !Number.isFinite(scale) || scale > 20)
        throw new CliError(`--scale must be a number above 0 and at most 20 (got "${opts.scale}").`, 1);
      const started = performance.now();
      const { college, planted, stats } = generateCollege(preset, seed, {
        scale,
        plain: opts.plain === true,
      });
      const generatedMs = Math.round(performance.now() - started);
      const out = resolve(opts.out);
      const sibling = (suffix: string): string => join(dirname(out), `${basename(out)}${suffix}`);
      const files: string[] = [];
      try {
        await writeWorkbookCsv(college, out);
        files.push(out);
        if (opts.xlsx) {
          const file = typeof opts.xlsx === 'string' ? resolve(opts.xlsx) : sibling('.xlsx');
          await writeWorkbookXlsx(college, file);
          files.push(file);
        }
        if (opts.planted) {
          const file = typeof opts.planted === 'string' ? resolve(opts.planted) : sibling('-planted.csv');
          await writeTimetableCsv(college, planted, file);
          files.push(file);
        }
      } catch (error) {
        throw new CliError(`Cannot write the generated college: ${(error as Error).message}`, 1);
      }
      const plain = opts.plain === true;
      if (opts.json)
        console.log(JSON.stringify({ preset, seed, scale, plain, generatedMs, files, stats }, null, 2));
      else printSummary(preset, seed, scale, plain, generatedMs, files, stats);
    });
}

function printSummary(
  preset: string,
  seed: number,
  scale: number,
  plain: boolean,
  ms: number,
  files: string[],
  s: GenerationStats,
): void {
  const rows: Array<[string, number | string]> = [
    ['departments', s.departments],
    ['students', s.students],
    ['groups (sections + lab batches)', s.groups],
    ['faculty', s.faculty],
    ['rooms', s.rooms],
    ['course offerings', `${s.courses} (${s.coursesExcludingBatches} without lab-batch copies)`],
    ['weekly sessions', s.weeklySessions],
    ['enrollments', s.enrollments],
    ['rules', s.rules],
    ['fixed sessions', s.fixed],
    ['student clashes in planted timetable', s.plantedStudentClashes],
  ];
  const how = `${scale !== 1 ? `, scale ${scale}` : ''}${plain ? ', plain' : ''}`;
  console.log(`Generated preset ${preset}, seed ${seed}${how} in ${ms} ms`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  const util = Object.entries(s.roomUtilisation)
    .map(([t, u]) => `${t} ${Math.round(u * 100)}%`)
    .join(', ');
  console.log(`  room use in planted timetable: ${util}`);
  console.log('Wrote:');
  for (const f of files) console.log(`  ${f}`);
}
