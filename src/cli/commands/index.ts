// Every command of the CLI; each file registers one command on the program.
import type { Command } from 'commander';
import { register as registerImport } from './import.ts';
import { register as registerCheck } from './check.ts';
import { register as registerGenerate } from './generate.ts';
import { register as registerExport } from './export.ts';
import { register as registerSolve } from './solve.ts';
import { register as registerRun } from './run.ts';
import { register as registerBackup } from './backup.ts';
import { register as registerRestore } from './restore.ts';
import { register as registerVersions } from './versions.ts';
import { register as registerDiagnose } from './diagnose.ts';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerImport,
  registerCheck,
  registerGenerate,
  registerExport,
  registerSolve,
  registerRun,
  registerBackup,
  registerRestore,
  registerVersions,
  registerDiagnose,
];
