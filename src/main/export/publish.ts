// Publishing a set of files into a folder (ICS calendars, PDF pages) so that a reader never keeps a
// mix of old and new files, even when the exporting process is killed:
//   1. every file is written into a hidden staging folder inside the target folder;
//   2. a journal (`.slotwise-publish.json`, itself written to a temporary name and renamed) names
//      the staging folder and the files, in the order they are moved;
//   3. the files are renamed into place (the ICS SEQUENCE manifest last), then the journal and the
//      staging folder are removed.
// A kill before step 2 leaves the old files as they were (and a stale staging folder); a kill after
// it leaves the journal, which marks the folder incomplete. The next publish into the folder (and
// `recoverPublish`) first finishes an interrupted one from its staging folder, which holds the
// complete new set, and removes staging folders that no running export owns.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const STAGING_PREFIX = '.slotwise-staging.';
export const JOURNAL_FILE = '.slotwise-publish.json';
/** A staging folder of a running process is left alone unless it is this old (a reused pid). */
const STAGING_MAX_AGE_MS = 24 * 3600_000;

interface Journal {
  version: 1;
  staging: string;
  files: string[];
}

export interface RecoveryReport {
  /** Files moved into place from an interrupted publish. */
  completed: number;
  /** Stale staging folders removed. */
  staleRemoved: number;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readJournal(dir: string): Promise<Journal | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, JOURNAL_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    const safe = (rel: unknown): rel is string =>
      typeof rel === 'string' &&
      rel !== '' &&
      !rel.split(/[\\/]/).includes('..') &&
      !/^[\\/]|^[A-Za-z]:/.test(rel);
    if (
      j.version === 1 &&
      typeof j.staging === 'string' &&
      j.staging.startsWith(STAGING_PREFIX) &&
      !/[\\/]/.test(j.staging) &&
      Array.isArray(j.files) &&
      j.files.every(safe)
    )
      return j as Journal;
  } catch {
    // A journal that does not parse was never renamed into place complete: nothing to finish.
  }
  return undefined;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function moveAll(dir: string, staging: string, files: readonly string[]): Promise<number> {
  let moved = 0;
  for (const rel of files) {
    const from = join(staging, rel);
    if (!(await exists(from))) continue; // moved before the interruption
    await mkdir(dirname(join(dir, rel)), { recursive: true });
    await rename(from, join(dir, rel));
    moved++;
  }
  return moved;
}

/**
 * Finishes a publish into `dir` that was interrupted after its journal was written, and removes
 * staging folders left by exports that are no longer running. Safe to call at any time.
 */
export async function recoverPublish(dir: string): Promise<RecoveryReport> {
  const report: RecoveryReport = { completed: 0, staleRemoved: 0 };
  const journal = await readJournal(dir);
  if (journal) report.completed = await moveAll(dir, join(dir, journal.staging), journal.files);
  await rm(join(dir, JOURNAL_FILE), { force: true });
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return report;
  }
  for (const name of entries) {
    if (!name.startsWith(STAGING_PREFIX) && !(name.startsWith(`${JOURNAL_FILE}.`) && name.endsWith('.tmp')))
      continue;
    const pid = Number(
      name
        .slice(name.startsWith(STAGING_PREFIX) ? STAGING_PREFIX.length : JOURNAL_FILE.length + 1)
        .split('.')[0],
    );
    const path = join(dir, name);
    let old: boolean;
    try {
      old = Date.now() - (await stat(path)).mtimeMs > STAGING_MAX_AGE_MS;
    } catch {
      continue;
    }
    const owned = journal?.staging === name ? false : Number.isInteger(pid) && pid > 0 && isRunning(pid);
    if (owned && !old) continue;
    await rm(path, { recursive: true, force: true });
    report.staleRemoved++;
  }
  return report;
}

/**
 * Writes many files under `dir` as one step: `write` puts them into a staging folder and returns
 * their paths relative to it, in the order they are to be moved (the last one last). A failure
 * before the move leaves `dir` as it was; a kill during the move is finished by the next publish.
 */
export async function publishFolder(
  dir: string,
  write: (stagingDir: string) => Promise<string[]>,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  await recoverPublish(dir);
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const stagingName = `${STAGING_PREFIX}${tag}`;
  const staging = join(dir, stagingName);
  await mkdir(staging);
  let journaled = false;
  try {
    const relative = await write(staging);
    const journal: Journal = { version: 1, staging: stagingName, files: relative };
    const journalTemp = join(dir, `${JOURNAL_FILE}.${tag}.tmp`);
    await writeFile(journalTemp, JSON.stringify(journal));
    await rename(journalTemp, join(dir, JOURNAL_FILE));
    journaled = true;
    await moveAll(dir, staging, relative);
    await rm(join(dir, JOURNAL_FILE), { force: true });
    journaled = false;
    return relative.map((rel) => join(dir, rel));
  } finally {
    // With the journal in place the staging folder is the only copy of the unmoved files: keep it
    // for the next publish to finish from.
    if (!journaled) await rm(staging, { recursive: true, force: true });
    await rm(join(dir, `${JOURNAL_FILE}.${tag}.tmp`), { force: true });
  }
}
