// Before an export writes anything: make sure its target can be written, quickly and with a
// deadline. The folders it needs are made one level at a time (Node's recursive mkdir never returns
// for some paths, e.g. under /proc), a probe file is written and removed, and every step is
// bounded by a timeout, so a bad path is refused in plain words within seconds instead of hanging.
import { randomBytes } from 'node:crypto';
import { mkdir, rmdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../../shared/ipc/envelope.ts';

export type TargetKind = 'file' | 'folder';

/** How long one file-system step of the check may take. */
export const PROBE_STEP_MS = 5000;

/** Rejects with an AppError('export_timeout') when `work` takes longer than `ms`. */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('export_timeout', what)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

async function kindOf(path: string, stepMs: number): Promise<'file' | 'folder' | 'missing'> {
  try {
    const st = await withDeadline(
      stat(path),
      stepMs,
      `Checking ${path} took longer than ${stepMs / 1000} s.`,
    );
    return st.isDirectory() ? 'folder' : 'file';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // ENOTDIR: a part of the path is a file; the walk up the path names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw err;
  }
}

export interface PreparedTarget {
  /** Folders this check made (outermost first); removed again when the export fails. */
  created: string[];
}

/** Checks (and prepares) where an export of `kind` writes; throws a located, plain-words AppError. */
export async function prepareTarget(
  out: string,
  kind: TargetKind,
  stepMs = PROBE_STEP_MS,
): Promise<PreparedTarget> {
  if (!isAbsolute(out))
    throw new AppError(
      'export_path',
      `"${out}" is not a full path: type the whole path (for example /home/me/timetable${kind === 'file' ? '.csv' : 's'}) or press Choose.`,
    );
  const here = await kindOf(out, stepMs);
  if (kind === 'file' && here === 'folder')
    throw new AppError(
      'export_path',
      `${out} is a folder: type a file name inside it, for example ${join(out, 'timetable.csv')}.`,
    );
  if (kind === 'folder' && here === 'file')
    throw new AppError(
      'export_path',
      `${out} is a file, but this export writes a folder of files: type the path of a folder (a new name makes a new folder).`,
    );
  const dir = kind === 'folder' ? out : dirname(out);
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const k = await kindOf(at, stepMs);
    if (k === 'folder') break;
    if (k === 'file')
      throw new AppError(
        'export_path',
        `${at} is a file, so no folder can be made inside it: choose another place.`,
      );
    missing.unshift(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  const created: string[] = [];
  try {
    for (const d of missing) {
      await withDeadline(mkdir(d), stepMs, `Making the folder ${d} took longer than ${stepMs / 1000} s.`);
      created.push(d);
    }
    const probe = join(dir, `.slotwise-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
    await withDeadline(
      writeFile(probe, ''),
      stepMs,
      `Writing into ${dir} took longer than ${stepMs / 1000} s.`,
    );
    await rm(probe, { force: true });
  } catch (err) {
    await removeCreated({ created });
    throw err;
  }
  return { created };
}

/** Removes the folders a check made, innermost first, only while they are empty. */
export async function removeCreated(target: PreparedTarget): Promise<void> {
  for (const d of [...target.created].reverse()) {
    try {
      await rmdir(d);
    } catch {
      return; // not empty (or gone): leave it
    }
  }
}
