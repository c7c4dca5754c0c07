// `slotwise diagnose --db <project> --out <bundle.zip>`: a diagnostic bundle for a bug report (the
// activity log, versions, the project's integrity report: ids and counts, no names).
import type { Command } from 'commander';
import { extname } from 'node:path';
import { cliLogDir, logDir, stopLog } from '../../main/log/log.ts';
import { writeDiagnosticBundle } from '../../main/log/diagnostics.ts';
import { CliError } from '../CliError.ts';

interface DiagnoseOptions {
  db?: string;
  out: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('diagnose')
    .description(
      'Write a diagnostic bundle (.zip) for a bug report: the activity log, versions, and an integrity report ' +
        'of the project (file checks, schema version, counts, references, timetables and jobs by id; no names).',
    )
    .option(
      '--db <file>',
      'project file (.slotwise) to check; its log is <file>.logs unless SLOTWISE_LOG_DIR is set',
    )
    .requiredOption('--out <file>', 'the bundle to write (ends in .zip)')
    .option('--json', 'print { path, entries } as JSON')
    .action(async (opts: DiagnoseOptions) => {
      if (extname(opts.out).toLowerCase() !== '.zip')
        throw new CliError(`The bundle name must end in .zip (got "${opts.out}").`, 1);
      const dir = logDir() ?? cliLogDir(opts.db);
      await stopLog(); // the log file complete on disk before it is copied
      const result = await writeDiagnosticBundle({ projectPath: opts.db, logDir: dir, out: opts.out });
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else console.log(`Wrote ${result.path}: ${result.entries.join(', ')}.`);
    });
}
