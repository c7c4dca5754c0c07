// A diagnostic bundle: one .zip for a bug report with the activity log, the versions of Slotwise
// and what it runs on, and an integrity report of the project (file checks, schema version, counts,
// references, SQLite's own check, timetables and jobs by id and state). It holds ids, counts and
// error messages, never names: file paths are cut to their file name.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { writeFileAtomically } from '../export/atomicWrite.ts';
import {
  collegeCounts,
  getCollegeRevision,
  getSchemaVersion,
  listTimetables,
  loadCollege,
  openProject,
  type Database,
} from '../db/index.ts';
import { danglingReference } from '../db/collegeReferences.ts';
import { LOG_FILE } from './log.ts';

export interface BundleInput {
  /** The project to report on (optional: a bundle without one still has versions and the log). */
  projectPath?: string;
  /** The log folder whose files go into the bundle. */
  logDir?: string;
  /** Where to write the .zip. */
  out: string;
  /** Extra versions the caller knows (the app adds Electron and Chromium). */
  versions?: Record<string, string>;
}

export interface BundleResult {
  path: string;
  entries: string[];
}

/** Replaces every occurrence of the project's folder in a message by nothing: file names only. */
function scrub(text: string, path: string | undefined): string {
  if (!path) return text;
  const name = basename(path);
  return text.split(path).join(name);
}

function slotwiseVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function versionsReport(extra: Record<string, string> = {}): Record<string, string> {
  return {
    slotwise: slotwiseVersion(),
    node: process.versions.node,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    ...(process.versions.electron ? { electron: process.versions.electron } : {}),
    ...extra,
  };
}

/** What a bug report needs to know about a project file, without its contents. */
export function integrityReport(projectPath: string): Record<string, unknown> {
  const report: Record<string, unknown> = { file: basename(projectPath) };
  if (!existsSync(projectPath)) return { ...report, exists: false };
  const st = statSync(projectPath);
  report.exists = true;
  report.bytes = st.isFile() ? st.size : null;
  report.modified = st.mtime.toISOString();
  for (const suffix of ['-wal', '-shm', '-lock'])
    report[`beside${suffix}`] = existsSync(projectPath + suffix);
  let db: Database;
  try {
    db = openProject(projectPath, { readonly: true, create: false });
  } catch (err) {
    return { ...report, opens: false, refusal: scrub((err as Error).message, projectPath) };
  }
  try {
    report.opens = true;
    report.schemaVersion = getSchemaVersion(db);
    report.sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    report.sqliteQuickCheck = (db.pragma('quick_check') as Array<{ quick_check: string }>).map(
      (r) => r.quick_check,
    );
    report.collegeRevision = getCollegeRevision(db);
    report.counts = collegeCounts(db);
    try {
      const college = loadCollege(db);
      report.references = college ? (danglingReference(college) ?? 'whole') : 'no college';
    } catch (err) {
      report.references = scrub((err as Error).message, projectPath);
    }
    report.timetables = listTimetables(db).map((t) => ({
      id: t.id,
      kind: t.kind,
      active: t.active,
      stale: t.stale,
      sessions: t.sessions,
      placed: t.placed,
      jobId: t.jobId,
    }));
    report.jobs = db
      .prepare(
        'SELECT id, kind, status, created_at AS created, started_at AS started, finished_at AS finished, error FROM jobs ORDER BY id DESC LIMIT 20',
      )
      .all();
  } catch (err) {
    report.failure = scrub((err as Error).message, projectPath);
  } finally {
    db.close();
  }
  return report;
}

/** Writes the bundle; returns where and what it holds. */
export async function writeDiagnosticBundle(input: BundleInput): Promise<BundleResult> {
  const files: Record<string, Uint8Array> = {};
  const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);
  files['versions.json'] = json(versionsReport(input.versions));
  files['integrity.json'] = json(
    input.projectPath ? integrityReport(input.projectPath) : { project: 'none open' },
  );
  if (input.logDir && existsSync(input.logDir)) {
    for (const name of readdirSync(input.logDir).sort()) {
      if (name === LOG_FILE || /^slotwise\.\d+\.log$/.test(name))
        files[`log/${name}`] = readFileSync(join(input.logDir, name));
    }
  }
  files['README.txt'] = strToU8(
    'Slotwise diagnostic bundle: versions.json (versions), integrity.json (the project file checked: ' +
      'counts, ids and states, no names), log/ (the activity log: jobs, attempts, failures, imports, exports).\n',
  );
  await writeFileAtomically(input.out, zipSync(files));
  return { path: input.out, entries: Object.keys(files).sort() };
}
