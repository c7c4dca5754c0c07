// `slotwise restore`: replace a project file with one of its backups, after checking the backup is
// a Slotwise project and backing up the current file.
import type { Command } from 'commander';
import { defaultBackupDir, listBackups, restoreProject, RestoreError } from '../../main/db/index.ts';
import { CliError } from '../CliError.ts';

interface RestoreOptions {
  db: string;
  from?: string;
  list?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('restore')
    .description(
      'Replace a project file with a backup. The backup must be a Slotwise project; the current file is ' +
        'backed up first and replaced in one step. Close Slotwise windows using the project first.',
    )
    .requiredOption('--db <file>', 'project file (.slotwise) to restore')
    .option('--from <backup>', 'backup file to restore (see --list)')
    .option('--list', "list the project's backups, oldest first, and exit")
    .option('--json', 'print the result as JSON')
    .action(async (opts: RestoreOptions) => {
      if (opts.list || !opts.from) {
        const backups = listBackups(opts.db);
        if (opts.json) console.log(JSON.stringify({ backups }, null, 2));
        else if (backups.length === 0) console.log(`No backups in ${defaultBackupDir(opts.db)}.`);
        else console.log(backups.join('\n'));
        if (!opts.list) throw new CliError('Choose a backup with --from <backup file>.', 1);
        return;
      }
      try {
        const result = await restoreProject(opts.db, opts.from);
        if (opts.json) console.log(JSON.stringify(result, null, 2));
        else {
          console.log(`Restored ${result.projectPath} from ${result.restoredFrom}.`);
          if (result.previousBackup) console.log(`The replaced file was kept as ${result.previousBackup}.`);
        }
      } catch (err) {
        if (err instanceof RestoreError) throw new CliError(err.message, 1);
        throw err;
      }
    });
}
