// Where "Create project" puts a new project file: the path as typed, with the `.slotwise` extension
// added when it is missing. An existing file is never opened in its place (the user asked for a
// new project), and a missing folder or a folder given as the file is said plainly.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { PROJECT_EXTENSION } from '../db/index.ts';
import { AppError } from '../../shared/ipc/envelope.ts';

export function newProjectPath(typed: string): string {
  const trimmed = typed.trim();
  if (!isAbsolute(trimmed))
    throw new AppError(
      'project_path',
      `"${trimmed}" is not a full path: type the whole path, for example /home/me/North College${PROJECT_EXTENSION}.`,
    );
  if (/[\\/]$/.test(trimmed) || (existsSync(trimmed) && statSync(trimmed).isDirectory()))
    throw new AppError(
      'project_path',
      `${trimmed} is a folder: add a file name for the project, for example ${trimmed.replace(/[\\/]+$/, '')}/College${PROJECT_EXTENSION}.`,
    );
  const path = trimmed.toLowerCase().endsWith(PROJECT_EXTENSION) ? trimmed : `${trimmed}${PROJECT_EXTENSION}`;
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new AppError(
      'project_path',
      `The folder ${folder} does not exist: create it first or choose another folder.`,
    );
  if (existsSync(path))
    throw new AppError(
      'project_exists',
      `${path} already exists. Open it with "Open project", or choose another name for the new project.`,
      { path },
    );
  return path;
}
