/* eslint-disable no-control-regex -- control characters are what fuzzing is about */
// Seeded fuzz targets shared by the suite's fuzz tests (a few cases each) and the campaign script
// (`npm run fuzz`, thousands). Each case mutates a good input, runs the code under test and gives a
// verdict: rejected with located errors, accepted and valid, or one of the failures counted by the
// campaign (a crash, an unlocated error, an accepted invalid input, a changed project file).
import Sqlite from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { runImport } from '../../src/cli/commands/import.ts';
import { loadCollege, openProject, ProjectFileError, saveCollege } from '../../src/main/db/index.ts';
import { richCollege } from '../../src/main/db/testing/richCollege.ts';
import { exportTimetable } from '../../src/main/export/index.ts';
import { importPathDirect } from '../../src/main/import/index.ts';
import { collegeSchema, type College, type ImportResult } from '../../src/shared/model/index.ts';
import { smallCollege, smallTimetable } from '../export/smallCollege.ts';
import { csvFolderToXlsx } from '../fixtures/import/csvFolderToXlsx.ts';

export type Verdict = 'rejected' | 'accepted' | 'crash' | 'unlocated' | 'accepted-invalid' | 'changed-file';
export const FAILURES: readonly Verdict[] = ['crash', 'unlocated', 'accepted-invalid', 'changed-file'];

export interface CaseResult {
  verdict: Verdict;
  detail?: string;
}

export interface FuzzTarget {
  name: string;
  /** Runs case `index` of the campaign seeded `seed` in the scratch folder `dir` (made empty). */
  run(seed: number, index: number, dir: string, opts: { projectCheck: boolean }): Promise<CaseResult>;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

export const caseRng = (seed: number, index: number): Rng => new Rng((seed * 1_000_003 + index * 7919) >>> 0);

// ---------------------------------------------------------------------------------------------
// Text mutations (CSV cells, .ctt tokens)

const HOSTILE_TOKENS = [
  '',
  '"',
  '"unclosed',
  'a"b',
  '0x10',
  '1e3',
  'Infinity',
  'NaN',
  '-1',
  '-0',
  '1.5',
  '99999999999',
  '99999999999999999999',
  '9007199254740993',
  'x'.repeat(250),
  'nul\u0000byte',
  'line\nbreak',
  'cr\rline',
  '\u2028',
  '&#xD800;',
  '\ud800',
  '=HYPERLINK("x")',
  '٣',
  'Mon:99',
  'Mon:3-1',
  'Funday',
  '25:00',
  '2026-02-30',
  ';;;',
  ' ',
  'END.',
  'COURSES:',
];

function mutateText(text: string, rng: Rng, separator: RegExp, joiner: string): string {
  let lines = text.split('\n');
  const rounds = 1 + rng.int(3);
  for (let r = 0; r < rounds; r++) {
    const li = rng.int(lines.length);
    switch (rng.int(9)) {
      case 0:
      case 1:
      case 2: {
        // Replace one cell or token: a hostile token or a cell from elsewhere in the file.
        const cells = lines[li].split(separator);
        const ci = rng.int(cells.length);
        if (rng.int(3) === 0) {
          const other = lines[rng.int(lines.length)].split(separator);
          cells[ci] = other[rng.int(other.length)];
        } else cells[ci] = rng.pick(HOSTILE_TOKENS);
        lines[li] = cells.join(joiner);
        break;
      }
      case 3:
        lines.splice(li, 1);
        break;
      case 4:
        lines.splice(li, 0, lines[rng.int(lines.length)]);
        break;
      case 5: {
        const lj = rng.int(lines.length);
        [lines[li], lines[lj]] = [lines[lj], lines[li]];
        break;
      }
      case 6:
        lines[li] = `${lines[li]}\r`;
        break;
      case 7: {
        const joined = lines.join('\n');
        lines = joined.slice(0, rng.int(joined.length + 1)).split('\n');
        break;
      }
      default: {
        const joined = lines.join('\n');
        const at = rng.int(joined.length + 1);
        lines = (joined.slice(0, at) + String.fromCharCode(rng.int(0x80)) + joined.slice(at + 1)).split('\n');
      }
    }
    if (lines.length === 0) lines = [''];
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Oracles

/** Why an accepted college is invalid, or undefined when it is sound. */
export function collegeDefect(college: College): string | undefined {
  const parsed = collegeSchema.safeParse(college);
  if (!parsed.success)
    return `schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`;
  const strings: string[] = [];
  const numbers: number[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (typeof v === 'number') numbers.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(college);
  const bad = strings.find((s) =>
    /[\u0000-\u001f\u007f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
      s,
    ),
  );
  if (bad !== undefined)
    return `a control character, line break or lone surrogate kept in ${JSON.stringify(bad.slice(0, 40))}`;
  const n = numbers.find((x) => !Number.isFinite(x) || Math.abs(x) > Number.MAX_SAFE_INTEGER);
  if (n !== undefined) return `number ${n} kept`;
  const unique = (kind: string, ids: string[]): string | undefined =>
    new Set(ids).size === ids.length ? undefined : `${kind} ids repeated`;
  const rooms = new Set(college.rooms.map((r) => r.id));
  const faculty = new Set(college.faculty.map((f) => f.id));
  const groups = new Set(college.groups.map((g) => g.id));
  const courses = new Set(college.courses.map((c) => c.id));
  const students = new Set(college.students.map((s) => s.id));
  const dup =
    unique(
      'room',
      college.rooms.map((r) => r.id),
    ) ??
    unique(
      'faculty',
      college.faculty.map((f) => f.id),
    ) ??
    unique(
      'group',
      college.groups.map((g) => g.id),
    ) ??
    unique(
      'course',
      college.courses.map((c) => c.id),
    ) ??
    unique(
      'student',
      college.students.map((s) => s.id),
    );
  if (dup) return dup;
  for (const c of college.courses) {
    const missing =
      c.faculty.find((f) => !faculty.has(f)) ??
      c.groups.find((g) => !groups.has(g)) ??
      c.rooms.find((r) => !rooms.has(r));
    if (missing !== undefined) return `course ${c.id} names unknown ${missing}`;
  }
  for (const g of college.groups)
    if (g.parent !== undefined && !groups.has(g.parent)) return `group ${g.id} has unknown parent`;
  for (const e of college.enrollments)
    if (!students.has(e.studentId) || !courses.has(e.courseId))
      return `enrollment ${e.studentId}/${e.courseId} unknown`;
  for (const f of college.fixed) {
    if (!courses.has(f.courseId)) return `fixed session of unknown course ${f.courseId}`;
    if (f.roomId !== undefined && !rooms.has(f.roomId)) return `fixed session in unknown room ${f.roomId}`;
  }
  const slots = college.calendar.days.length * college.periods.length;
  for (const list of [college.rooms, college.faculty, college.courses])
    for (const item of list)
      for (const s of item.unavailable)
        if (s.day >= college.calendar.days.length || s.period >= college.periods.length)
          return `unavailable slot outside the week (${slots} slots)`;
  return undefined;
}

function judgeImport(result: ImportResult): CaseResult {
  if (result.ok) {
    const defect = collegeDefect(result.college);
    return defect ? { verdict: 'accepted-invalid', detail: defect } : { verdict: 'accepted' };
  }
  if (result.errors.length === 0) return { verdict: 'unlocated', detail: 'refused without an error' };
  for (const e of result.errors) {
    // Located: a sheet (and row), or a whole-file problem whose message names the file.
    if (!e.file || !e.message || (!e.sheet && e.row === undefined && !e.message.includes(e.file)))
      return { verdict: 'unlocated', detail: JSON.stringify(e).slice(0, 200) };
    if (/defect|stack|at .*\.ts:\d+/i.test(e.message))
      return { verdict: 'unlocated', detail: e.message.slice(0, 200) };
  }
  return { verdict: 'rejected' };
}

/** A failed import through the CLI's path must leave an existing project byte for byte as it was. */
async function projectUnchanged(source: string, dir: string): Promise<CaseResult | undefined> {
  const project = join(dir, 'project.slotwise');
  const db = openProject(project);
  saveCollege(db, richCollege());
  db.close();
  const before = readFileSync(project);
  const report = await runImport(source, project);
  if (report.ok) return undefined;
  const after = readFileSync(project);
  if (!before.equals(after))
    return { verdict: 'changed-file', detail: 'a failed import changed the project' };
  const litter = readdirSync(dir).filter((f) => /\.slotwise-(wal|shm|journal)$/.test(f));
  if (litter.length > 0) return { verdict: 'changed-file', detail: `left ${litter.join(', ')}` };
  return undefined;
}

export async function guarded(run: () => CaseResult | Promise<CaseResult>): Promise<CaseResult> {
  try {
    return await run();
  } catch (err) {
    return {
      verdict: 'crash',
      detail: err instanceof Error ? `${err.name}: ${err.message}`.slice(0, 300) : String(err),
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Targets

const CLEAN_CSV = fileURLToPath(new URL('../fixtures/import/clean/', import.meta.url));
const COMP01 = fileURLToPath(new URL('../../bench/data/itc2007/comp01.ctt', import.meta.url));

function mutatedCsvFolder(rng: Rng, dir: string): string {
  const folder = join(dir, 'college');
  mkdirSync(folder, { recursive: true });
  const files = readdirSync(CLEAN_CSV).filter((f) => f.endsWith('.csv'));
  for (const f of files) copyFileSync(join(CLEAN_CSV, f), join(folder, f));
  const targets = 1 + rng.int(2);
  for (let t = 0; t < targets; t++) {
    const f = rng.pick(files);
    const text = readFileSync(join(folder, f), 'utf8');
    writeFileSync(join(folder, f), mutateText(text, rng, /,/, ','));
  }
  return folder;
}

export const csvTarget: FuzzTarget = {
  name: 'workbook (CSV folder)',
  run: (seed, index, dir, opts) =>
    guarded(async () => {
      const rng = caseRng(seed, index);
      const folder = mutatedCsvFolder(rng, dir);
      const verdict = judgeImport(await importPathDirect(folder));
      if (verdict.verdict === 'rejected' && opts.projectCheck)
        return (await projectUnchanged(folder, dir)) ?? verdict;
      return verdict;
    }),
};

export const xlsxTarget: FuzzTarget = {
  name: 'workbook (.xlsx)',
  run: (seed, index, dir, opts) =>
    guarded(async () => {
      const rng = caseRng(seed, index);
      const folder = mutatedCsvFolder(rng, dir);
      const file = join(dir, 'college.xlsx');
      try {
        await csvFolderToXlsx(folder, file);
      } catch {
        // The CSV itself could not be read into a workbook: damage the bytes of a clean one instead.
        await csvFolderToXlsx(CLEAN_CSV, file);
      }
      if (rng.int(3) === 0) {
        const bytes = readFileSync(file);
        for (let k = 1 + rng.int(4); k > 0; k--) bytes[rng.int(bytes.length)] = rng.int(256);
        writeFileSync(file, rng.int(4) === 0 ? bytes.subarray(0, rng.int(bytes.length)) : bytes);
      }
      const verdict = judgeImport(await importPathDirect(file));
      if (verdict.verdict === 'rejected' && opts.projectCheck)
        return (await projectUnchanged(file, dir)) ?? verdict;
      return verdict;
    }),
};

export const cttTarget: FuzzTarget = {
  name: 'ITC-2007 .ctt',
  run: (seed, index, dir, opts) =>
    guarded(async () => {
      const rng = caseRng(seed, index);
      const file = join(dir, 'college.ctt');
      writeFileSync(file, mutateText(readFileSync(COMP01, 'utf8'), rng, /[ \t]+/, ' '));
      const result = await importPathDirect(file);
      const verdict = judgeImport(result);
      if (!result.ok && verdict.verdict === 'rejected') {
        // A .ctt error is located by line (a whole-file problem such as a missing END. aside).
        const e = result.errors[0];
        if (e.row === undefined && !/ends where|END\.|does not form/.test(e.message))
          return { verdict: 'unlocated', detail: e.message.slice(0, 200) };
      }
      if (verdict.verdict === 'rejected' && opts.projectCheck)
        return (await projectUnchanged(file, dir)) ?? verdict;
      return verdict;
    }),
};

const TABLE_DAMAGES: Array<(db: Sqlite.Database, rng: Rng) => void> = [
  (db, rng) => {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{
      name: string;
    }>;
    db.exec(`DROP TABLE "${rng.pick(tables).name}"`);
  },
  (db, rng) => db.pragma(`user_version = ${rng.pick([-1, 0, 999, 2 ** 31 - 1])}`),
  (db, rng) => {
    const column = rng.pick(['faculty', 'groups', 'rooms', 'unavailable']);
    db.prepare(`UPDATE courses SET ${column} = ? WHERE rowid = (SELECT min(rowid) FROM courses)`).run(
      rng.pick(['["F1", ', '{}', 'null', '[1,2]', '']),
    );
  },
  (db) => db.exec('DELETE FROM rooms'),
  (db) => db.pragma('application_id = 0'),
  // Rows that dangle: a checkpoint of a job and an assignment of a timetable the file does not hold.
  (db, rng) => {
    db.pragma('foreign_keys = OFF');
    db.exec(
      rng.int(2) === 0
        ? "INSERT INTO checkpoints (job_id, stage, timetable, created_at) VALUES (999, 'search', '{}', 'now')"
        : "INSERT INTO assignments (timetable_id, course_id, session, pos) VALUES (999, 'X', 0, 0)",
    );
  },
];

/** Damages a closed project file: a table change (a third of the time) or its bytes. */
export function damageProjectFile(path: string, rng: Rng): void {
  if (rng.int(3) === 0) {
    const raw = new Sqlite(path);
    rng.pick(TABLE_DAMAGES)(raw, rng);
    raw.close();
  } else {
    let bytes = readFileSync(path);
    const kind = rng.int(4);
    if (kind === 0) bytes = bytes.subarray(0, rng.int(bytes.length));
    else if (kind === 1)
      bytes.fill(0, rng.int(bytes.length), Math.min(bytes.length, rng.int(bytes.length) + 4096));
    else if (kind === 2)
      bytes[rng.int(100)] = rng.int(256); // the header
    else for (let k = 1 + rng.int(8); k > 0; k--) bytes[rng.int(bytes.length)] = rng.int(256);
    writeFileSync(path, bytes);
  }
}

export const projectTarget: FuzzTarget = {
  name: 'project files',
  run: (seed, index, dir) =>
    guarded(() => {
      const rng = caseRng(seed, index);
      const path = join(dir, 'project.slotwise');
      const db = openProject(path);
      saveCollege(db, richCollege());
      db.close();
      for (const f of readdirSync(dir)) if (f !== 'project.slotwise') rmSync(join(dir, f), { force: true });
      damageProjectFile(path, rng);
      const before = readFileSync(path);
      let opened;
      try {
        opened = openProject(path, { create: false });
      } catch (err) {
        if (!(err instanceof ProjectFileError)) throw err;
        if (!err.message.includes('project.slotwise') && !/project file/i.test(err.message))
          return { verdict: 'unlocated', detail: err.message.slice(0, 200) };
        if (!before.equals(readFileSync(path)))
          return { verdict: 'changed-file', detail: 'a refused file changed' };
        const litter = ['-wal', '-shm'].filter((s) => existsSync(`${path}${s}`));
        if (litter.length) return { verdict: 'changed-file', detail: `left ${litter.join(', ')}` };
        return { verdict: 'rejected' };
      }
      try {
        const college = loadCollege(opened);
        if (college) {
          const defect = collegeDefect(college);
          if (defect) return { verdict: 'accepted-invalid', detail: defect };
        }
      } catch (err) {
        if (err instanceof ProjectFileError) return { verdict: 'rejected' };
        throw err;
      } finally {
        opened.close();
      }
      return { verdict: 'accepted' };
    }),
};

const NAME_PARTS = [
  'Room',
  'Ł',
  'नमस्ते',
  '\r\n',
  '\n',
  '\r',
  '\u2028',
  '\u0000',
  '\u0007',
  '\t',
  ';',
  ',',
  '\\',
  ':',
  '"',
  'END:VCALENDAR',
  'BEGIN:VEVENT',
  'SUMMARY:cancelled',
  'x'.repeat(90),
  '😀',
];

export const icsTarget: FuzzTarget = {
  name: 'ICS writer',
  run: (seed, index, dir) =>
    guarded(async () => {
      const rng = caseRng(seed, index);
      const name = (): string => Array.from({ length: 1 + rng.int(6) }, () => rng.pick(NAME_PARTS)).join('');
      const college = smallCollege();
      college.calendar.institution = name();
      college.faculty = college.faculty.map((f) => ({ ...f, name: name() }));
      college.groups = college.groups.map((g) => ({ ...g, name: name() }));
      college.rooms = college.rooms.map((r) => ({ ...r, name: name() }));
      college.courses = college.courses.map((c) => ({ ...c, name: name() }));
      const timetable = smallTimetable();
      const out = join(dir, 'ics');
      await exportTimetable('ics', college, timetable, { out });
      const placed = new Set(timetable.assignments.map((a) => `${a.courseId}.${a.session}`));
      for (const folder of ['groups', 'faculty', 'rooms']) {
        for (const file of readdirSync(join(out, folder))) {
          const text = readFileSync(join(out, folder, file), 'utf8');
          for (const line of text.split('\r\n').filter(Boolean)) {
            if (Buffer.byteLength(line) > 75 || !/^[ \t]|^[A-Za-z0-9-]+[;:]/.test(line))
              return {
                verdict: 'accepted-invalid',
                detail: `${folder}/${file}: ${JSON.stringify(line).slice(0, 100)}`,
              };
          }
          if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text))
            return { verdict: 'accepted-invalid', detail: `${folder}/${file}: a control character` };
          const parsed = ICAL.parse(text) as unknown[];
          if (Array.isArray(parsed[0]) && parsed.length !== 1)
            return { verdict: 'accepted-invalid', detail: `${folder}/${file}: ${parsed.length} calendars` };
          const root = ICAL.Component.fromString(text);
          for (const e of root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))) {
            if (!placed.has(e.uid.split('@')[0]))
              return {
                verdict: 'accepted-invalid',
                detail: `${folder}/${file}: an event not in the timetable (${e.uid})`,
              };
          }
          if (root.getAllSubcomponents().some((c) => c.name !== 'vevent' && c.name !== 'vtimezone'))
            return { verdict: 'accepted-invalid', detail: `${folder}/${file}: an unexpected component` };
        }
      }
      return { verdict: 'accepted' };
    }),
};

export const TARGETS: Record<string, FuzzTarget> = {
  csv: csvTarget,
  xlsx: xlsxTarget,
  ctt: cttTarget,
  project: projectTarget,
  ics: icsTarget,
};

/** Runs `count` cases of a target, each in an emptied scratch folder; returns the verdict counts. */
export async function campaign(
  target: FuzzTarget,
  seed: number,
  count: number,
  scratch: string,
  opts: {
    projectCheckEvery: number;
    onFailure?: (index: number, r: CaseResult) => void;
    /** Stop after the first failure (the counts then cover the cases run so far). */
    stopAtFirst?: boolean;
  },
): Promise<Record<Verdict, number>> {
  const counts: Record<Verdict, number> = {
    rejected: 0,
    accepted: 0,
    crash: 0,
    unlocated: 0,
    'accepted-invalid': 0,
    'changed-file': 0,
  };
  for (let i = 0; i < count; i++) {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const r = await target.run(seed, i, scratch, {
      projectCheck: opts.projectCheckEvery > 0 && i % opts.projectCheckEvery === 0,
    });
    counts[r.verdict]++;
    if (FAILURES.includes(r.verdict)) {
      opts.onFailure?.(i, r);
      if (opts.stopAtFirst) break;
    }
  }
  return counts;
}
