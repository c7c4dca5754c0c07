// `slotwise backup`: a consistent copy of a project file, taken while it may be in use. Only the
// newest backups of the project are kept in the backup folder.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import {
  backupProject,
  defaultBackupDir,
  KEEP_BACKUPS,
  listBackups,
  openProject,
  ProjectFileError,
} from '../../main/db/index.ts';
import { CliError } from '../CliError.ts';

interface BackupOptions {
  db: string;
  out?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('backup')
    .description(
      `Copy a project file into its backup folder (default <file>.backups/); the newest ${KEEP_BACKUPS} backups are kept.`,
    )
    .requiredOption('--db <file>', 'project file (.slotwise) to back up')
    .option('--out <dir>', 'folder for the backup (default: <file>.backups next to the project)')
    .option('--json', 'print { backup, kept } as JSON')
    .addHelpText('after', '\nRestore one later with: slotwise restore --db <file> --from <backup file>')
    .action(async (opts: BackupOptions) => {
      if (!existsSync(opts.db)) throw new CliError(`No project file at ${opts.db}. Check the path.`, 1);
      let db;
      try {
        db = openProject(opts.db, { readonly: true, create: false });
      } catch (err) {
        if (err instanceof ProjectFileError) throw new CliError(err.message, 1);
        throw err;
      }
      try {
        const backup = await backupProject(db, opts.out);
        const kept = listBackups(opts.db, opts.out ?? defaultBackupDir(opts.db));
        if (opts.json) console.log(JSON.stringify({ backup, kept }, null, 2));
        else console.log(`Backed up ${opts.db} to ${backup} (${kept.length} backups kept).`);
      } finally {
        db.close();
      }
    });
}
