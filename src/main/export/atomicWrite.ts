// Files appear complete or not at all: everything is written to a temporary name in the target's
// directory and renamed into place, and the temporary is removed when anything fails.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { publishFolder } from './publish.ts';

function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Runs `write(tempPath)` and renames the result to `target`; on failure removes the temporary. */
export async function writeAtomically(
  target: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempNameFor(target);
  try {
    await write(temp);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

export async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  await writeAtomically(target, (temp) => writeFile(temp, data));
}

/**
 * Writes many files under `dir` as one step: all go to a staging folder inside `dir` first and are
 * moved into place only once every one of them was written, under a journal that lets the next
 * publish finish a move that was killed midway (see publish.ts). A failure leaves `dir` as it was.
 */
export const writeFilesAtomically = publishFolder;
