// The `slotwise` command: the same services as the app, without Electron. Each command lives in
// commands/<name>.ts and registers itself on the program.
import { Command, CommanderError } from 'commander';
import { ProjectFileError } from '../main/db/ProjectFileError.ts';
import { cliLogDir, logText, startLog, stopLog } from '../main/log/log.ts';
import { CliError } from './CliError.ts';
import { commands } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('slotwise')
    .description('Slotwise: offline college timetabling (import, generate, solve, check, export).')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  const command = argv.find((a) => !a.startsWith('-')) ?? '';
  const started = Date.now();
  const logger = startLog(cliLogDir(optionValue(argv, '--db')), { via: 'cli' });
  logger.info({ event: 'command', command }, 'command started');
  const finish = (code: number, error?: unknown): number => {
    const ms = Date.now() - started;
    if (code === 0) logger.info({ event: 'command', command, code, ms }, 'command finished');
    else logger.warn({ event: 'command', command, code, ms, error: messageOf(error) }, 'command failed');
    return code;
  };
  try {
    await program.parseAsync(argv, { from: 'user' });
    return finish(0);
  } catch (err) {
    if (err instanceof CommanderError) return finish(err.exitCode, err);
    if (err instanceof CliError) {
      if (err.message) console.error(err.message);
      return finish(err.exitCode, err);
    }
    if (err instanceof ProjectFileError) {
      // A project found damaged after it opened (rows that do not hold together): said, not traced.
      console.error(err.message);
      return finish(2, err);
    }
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    logger.error(
      { event: 'crash', command, stack: err instanceof Error ? err.stack : String(err) },
      'unexpected error',
    );
    return finish(2, err);
  } finally {
    await stopLog();
  }
}

/** The value after `name` (or in `name=value`) among the arguments, if given. */
function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function messageOf(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  const text =
    error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  // Folder paths may carry the user's name: the log keeps file names only.
  return logText(text);
}
