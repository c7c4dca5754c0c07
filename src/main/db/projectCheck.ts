// What a project file must pass before anything is read from or written to it: its first 100
// bytes (SQLite's header: the Slotwise mark, the file format bytes, a size that matches the page
// count) without SQLite, then on a read-only connection its schema version, SQLite's integrity
// check, every table and column that version has, no row whose foreign key points at a missing
// row, and every JSON cell that the repositories parse.
import Sqlite from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { getSchemaVersion, migrate } from './migrate.ts';
import { LATEST_VERSION } from './migrations/index.ts';
import { ProjectFileError } from './ProjectFileError.ts';

/** `PRAGMA application_id` of every Slotwise project: 'SLWS'. */
export const APPLICATION_ID = 0x534c5753;
const SQLITE_MAGIC = 'SQLite format 3\0';

/** Columns holding JSON, the schema version that added them, and the JSON type they must hold. */
const JSON_COLUMNS: ReadonlyArray<{ version: number; table: string; column: string; type?: string }> = [
  { version: 1, table: 'college_settings', column: 'value' },
  { version: 1, table: 'rooms', column: 'unavailable', type: 'array' },
  { version: 1, table: 'faculty', column: 'unavailable', type: 'array' },
  { version: 1, table: 'courses', column: 'faculty', type: 'array' },
  { version: 1, table: 'courses', column: 'groups', type: 'array' },
  { version: 1, table: 'courses', column: 'rooms', type: 'array' },
  { version: 1, table: 'courses', column: 'unavailable', type: 'array' },
  { version: 1, table: 'students', column: 'groups', type: 'array' },
  { version: 1, table: 'rules', column: 'courses', type: 'array' },
  { version: 2, table: 'jobs', column: 'options', type: 'object' },
  { version: 2, table: 'job_progress', column: 'event', type: 'object' },
  { version: 2, table: 'checkpoints', column: 'timetable', type: 'object' },
  { version: 2, table: 'checkpoints', column: 'data' },
  { version: 3, table: 'timetables', column: 'hard_by_kind', type: 'object' },
  { version: 3, table: 'timetables', column: 'soft_by_kind', type: 'object' },
];

export function damaged(path: string, detail: string, cause?: unknown): ProjectFileError {
  return new ProjectFileError(
    'corrupt',
    path,
    `${path} is damaged and cannot be opened (${detail}). It was left unchanged; restore a copy from ${path}.backups/ or re-import the workbook.`,
    { cause },
  );
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Refuses a non-SQLite file, another program's file or a cut/altered header, without SQLite. */
export function checkHeader(path: string): void {
  const header = Buffer.alloc(100);
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new Error('it is a folder, not a project file');
    size = stats.size;
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new ProjectFileError('cannot_open', path, `Cannot open ${path}: ${messageOf(err)}`, { cause: err });
  }
  if (size < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new ProjectFileError(
      'not_sqlite',
      path,
      `${path} is not a Slotwise project (it is not an SQLite database${size === 0 ? '; the file is empty' : ''}). It was left unchanged.`,
    );
  }
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new ProjectFileError(
      'foreign',
      path,
      `${path} is an SQLite database of another program (application id 0x${appId.toString(16)}), not a Slotwise project. It was left unchanged.`,
    );
  }
  const [write, read] = [header[18], header[19]];
  if (![1, 2].includes(write) || ![1, 2].includes(read)) {
    throw damaged(path, `its header's file format bytes are ${write} and ${read}, not ones SQLite writes`);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw damaged(path, `its header gives an impossible page size ${rawPageSize}`);
  }
  if (size % pageSize !== 0) {
    throw damaged(
      path,
      `it is ${size} bytes long, not a whole number of ${pageSize}-byte pages: it was cut short`,
    );
  }
  // The page count in the header is valid when its change counter matches (SQLite >= 3.7.0).
  const pages = header.readUInt32BE(28);
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && pages > 0 && size < pages * pageSize) {
    throw damaged(path, `it holds ${size / pageSize} of its ${pages} pages: it was cut short`);
  }
}

const expectedSchemas = new Map<number, Map<string, string[]>>();

/** Table -> column names of a project at schema `version`, from the migrations themselves. */
function expectedSchema(version: number): Map<string, string[]> {
  let schema = expectedSchemas.get(version);
  if (!schema) {
    const db = new Sqlite(':memory:');
    try {
      migrate(db, undefined, version);
      schema = tablesOf(db);
    } finally {
      db.close();
    }
    expectedSchemas.set(version, schema);
  }
  return schema;
}

function tablesOf(db: Database): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all();
  for (const { name } of tables) {
    const columns = db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name.replaceAll("'", "''")}')`)
      .all();
    out.set(
      name,
      columns.map((c) => c.name),
    );
  }
  return out;
}

/**
 * Checks an open (read-only) connection: the mark, the schema version, SQLite's integrity check,
 * the tables and columns of that version, the foreign keys and the JSON cells. Returns the schema version.
 */
export function checkContents(db: Database, path: string): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId !== APPLICATION_ID) {
    throw new ProjectFileError('foreign', path, `${path} is not a Slotwise project. It was left unchanged.`);
  }
  const version = getSchemaVersion(db);
  if (version > LATEST_VERSION) {
    throw new ProjectFileError(
      'too_new',
      path,
      `${path} was created by a newer Slotwise (schema ${version}; this version knows up to ${LATEST_VERSION}). Update Slotwise to open it. The file was left unchanged.`,
    );
  }
  if (version < 0) throw damaged(path, `its schema version is ${version}, which Slotwise never writes`);
  if (version === 0) {
    throw damaged(path, 'it carries the Slotwise mark but no tables: its creation was interrupted');
  }
  const problems = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
  if (problems.length !== 1 || problems[0] !== 'ok') throw damaged(path, problems.join('; '));
  const actual = tablesOf(db);
  for (const [table, columns] of expectedSchema(version)) {
    const have = actual.get(table);
    if (!have) throw damaged(path, `its table "${table}" is missing`);
    const missing = columns.filter((c) => !have.includes(c));
    if (missing.length > 0) throw damaged(path, `table "${table}" lacks the column(s) ${missing.join(', ')}`);
  }
  checkForeignKeys(db, path);
  for (const { version: since, table, column, type } of JSON_COLUMNS) {
    if (since > version) continue;
    const bad = type
      ? `json_valid(${column}) = 0 OR json_type(${column}) <> '${type}'`
      : `json_valid(${column}) = 0`;
    const row = db
      .prepare<[], { id: number }>(
        `SELECT rowid AS id FROM ${table} WHERE ${column} IS NOT NULL AND (${bad}) LIMIT 1`,
      )
      .get();
    if (row) {
      throw damaged(
        path,
        `table "${table}", row ${row.id}: the "${column}" cell does not hold ${type ? `a JSON ${type}` : 'valid JSON'}`,
      );
    }
  }
  return version;
}

/**
 * Refuses a file with rows whose foreign keys point at rows it does not hold (`PRAGMA
 * foreign_key_check`): a checkpoint of a deleted job, an assignment of a deleted timetable. Slotwise
 * writes with foreign keys on, so such rows come only from edits outside it.
 */
export function checkForeignKeys(db: Database, path: string): void {
  const row = db
    .prepare<[], { table: string; rowid: number | null; parent: string }>(
      'SELECT "table", rowid, parent FROM pragma_foreign_key_check LIMIT 1',
    )
    .get();
  if (row) {
    const which = row.rowid === null ? 'a row' : `row ${row.rowid}`;
    throw damaged(
      path,
      `table "${row.table}", ${which}: it points at a "${row.parent}" row the file does not hold`,
    );
  }
}
