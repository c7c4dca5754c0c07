// `slotwise versions --db <project>`: the project's timetable versions (which one is active, their
// costs, hand-edited or made for an earlier import), and `--activate <id>` to choose the active one
// (e.g. a solve result that was stored but not made active because it was worse).
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import {
  listTimetables,
  openProject,
  ProjectFileError,
  setActiveTimetable,
  timetableExists,
  type Database,
} from '../../main/db/index.ts';
import { CliError } from '../CliError.ts';

interface VersionsOptions {
  db: string;
  activate?: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('versions')
    .description(
      "List the project's timetable versions (id, name, active, hard and soft cost, placed sessions), or " +
        'make one of them the active timetable with --activate.',
    )
    .requiredOption('--db <file>', 'project file (.slotwise)')
    .option('--activate <id>', 'make timetable <id> the active one (what the app, check and export open)')
    .option('--json', 'print the versions as JSON')
    .addHelpText(
      'after',
      '\nMarks: * active, E edited by hand after it was made, S made for an earlier import (stale).\n\n' +
        'Examples:\n  slotwise versions --db college.slotwise\n  slotwise versions --db college.slotwise --activate 4',
    )
    .action((opts: VersionsOptions) => {
      if (!existsSync(opts.db)) throw new CliError(`No project file at ${opts.db}. Check the path.`, 1);
      let id: number | undefined;
      if (opts.activate !== undefined) {
        id = Number(opts.activate);
        if (!Number.isInteger(id) || id < 1)
          throw new CliError(
            `--activate must be a timetable id, a whole number (got "${opts.activate}").`,
            1,
          );
      }
      const db = open(opts.db, id === undefined);
      try {
        if (id !== undefined) {
          if (!timetableExists(db, id))
            throw new CliError(
              `${opts.db} has no timetable ${id}: run "slotwise versions --db ${opts.db}" for the ids.`,
              1,
            );
          setActiveTimetable(db, id);
        }
        const list = listTimetables(db);
        if (opts.json) {
          console.log(JSON.stringify(list, null, 2));
          return;
        }
        if (list.length === 0) {
          console.log(`${opts.db} has no timetable yet: make one with "slotwise solve --db ${opts.db}".`);
          return;
        }
        for (const t of list) {
          const marks = `${t.active ? '*' : ' '}${t.edited ? 'E' : ' '}${t.stale ? 'S' : ' '}`;
          console.log(
            `${marks} ${String(t.id).padStart(4)}  ${t.name}  hard ${t.hardTotal}, soft ${t.softTotal}, ` +
              `placed ${t.placed}/${t.sessions}, made ${t.createdAt.slice(0, 16).replace('T', ' ')}`,
          );
        }
        if (id !== undefined) console.log(`Timetable ${id} is now the active timetable.`);
      } finally {
        db.close();
      }
    });
}

function open(path: string, readonly: boolean): Database {
  try {
    return openProject(path, { readonly, create: false });
  } catch (err) {
    if (err instanceof ProjectFileError) throw new CliError(err.message, 1);
    throw err;
  }
}
