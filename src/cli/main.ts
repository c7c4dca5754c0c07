// The `slotwise` command: the same services as the app, without Electron. Each command lives in
// commands/<name>.ts and registers itself on the program.
import { Command, CommanderError } from 'commander';
import { ProjectFileError } from '../main/db/ProjectFileError.ts';
import { CliError } from './CliError.ts';
import { commands } from './commands/index.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('slotwise')
    .description('Slotwise: offline college timetabling (import, generate, solve, check, export).')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) {
      if (err.message) console.error(err.message);
      return err.exitCode;
    }
    if (err instanceof ProjectFileError) {
      // A project found damaged after it opened (rows that do not hold together): said, not traced.
      console.error(err.message);
      return 2;
    }
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return 2;
  }
}
