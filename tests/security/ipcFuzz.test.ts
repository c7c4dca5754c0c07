// IPC fuzz: every channel of the contract gets random and malformed payloads through the real
// dispatcher and handlers, with a real project open. Each malformed payload must come back as a typed
// error envelope, nothing may throw out of the dispatcher, no prototype may be polluted, and the
// project database must be byte-for-byte the same content afterwards.
// Reproduce a failure with SLOTWISE_FUZZ_SEED=<seed printed in the message>.
import Sqlite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTimetable, openProject, saveCollege } from '../../src/main/db/index.ts';
import { createDispatcher, type Dispatch } from '../../src/main/ipc/dispatcher.ts';
import { createHandlers } from '../../src/main/ipc/handlers.ts';
import { testCollege } from '../../src/shared/eval/testing/testCollege.ts';
import { CHANNELS, type Channel } from '../../src/shared/ipc/channels.ts';
import { contract } from '../../src/shared/ipc/contract.ts';
import type { Envelope } from '../../src/shared/ipc/envelope.ts';
import { junk, mutate, prng } from './fuzzPayloads.ts';

const SEED = Number(process.env['SLOTWISE_FUZZ_SEED'] ?? 20_261_123);
const PER_CHANNEL = 120;

/** Channels whose valid requests write (files, the database, jobs): only malformed payloads are sent. */
const WRITING: ReadonlySet<Channel> = new Set<Channel>([
  'project:open',
  'project:create',
  'project:backup',
  'import:run',
  'timetable:update',
  'timetable:setActive',
  'timetable:rename',
  'timetable:delete',
  'jobs:start',
  'jobs:cancel',
  'jobs:restart',
  'export:run',
  'template:save',
]);

let dir: string;
let projectFile: string;
let dispatch: Dispatch;
let timetableId: number;

/** A valid request per channel, the seed of its mutations. */
function validRequest(channel: Channel): unknown {
  const tt = timetableId;
  const examples: Record<Channel, unknown> = {
    'app:info': undefined,
    'project:current': undefined,
    'project:recent': undefined,
    'project:open': { path: projectFile },
    'project:create': { path: join(dir, 'new.slotwise') },
    'project:backup': undefined,
    'import:run': { path: join(dir, 'workbook.xlsx') },
    'data:browse': { kind: 'rooms', search: 'Room', offset: 0, limit: 10 },
    'data:precheck': undefined,
    'college:get': undefined,
    'timetable:list': undefined,
    'timetable:get': { id: tt },
    'timetable:update': { id: tt, changes: [{ courseId: 'A', session: 1, day: 1, period: 1, roomId: 'R1' }] },
    'timetable:setActive': { id: tt },
    'timetable:compare': { a: tt, b: tt },
    'timetable:kpis': undefined,
    'timetable:explain': { id: tt },
    'timetable:rename': { id: tt, name: 'renamed' },
    'timetable:delete': { id: tt },
    'timetable:stamp': undefined,
    'timetable:editorData': { id: tt, college: true },
    'timetable:collegePart': { revision: 1, part: 0 },
    'jobs:start': { timeLimitS: 1, seed: 1 },
    'jobs:cancel': { jobId: 1 },
    'jobs:restart': { jobId: 1 },
    'jobs:list': undefined,
    'export:run': { format: 'csv', out: join(dir, 'out.csv') },
    'dialog:save': { title: 'Save' },
    'dialog:open': { title: 'Open', folder: true },
    'template:save': { out: join(dir, 'template.xlsx') },
    'diagnostics:bundle': { out: join(dir, 'bundle.zip') },
    'diagnostics:logFolder': undefined,
  };
  return examples[channel];
}

/** A digest of every table's rows (order-independent) plus the schema and header fields. */
function databaseDigest(file: string): { hash: string; counts: Record<string, number> } {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const counts: Record<string, number> = {};
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    hash.update(JSON.stringify(schema));
    hash.update(String(db.pragma('user_version', { simple: true })));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const rows = db
        .prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`)
        .raw()
        .all();
      counts[table] = rows.length;
      const lines = rows.map((r) =>
        JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)),
      );
      hash.update(`${table}\n${lines.sort().join('\n')}\n`);
    }
    return { hash: hash.digest('hex'), counts };
  } finally {
    db.close();
  }
}

function isErrorEnvelope(
  res: Envelope<unknown>,
): res is { ok: false; error: { code: string; message: string } } {
  return !res.ok && typeof res.error.code === 'string' && typeof res.error.message === 'string';
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-fuzz-'));
  projectFile = join(dir, 'college.slotwise');
  const db = openProject(projectFile);
  saveCollege(
    db,
    testCollege({
      courses: [{ id: 'A', name: 'Algebra', faculty: ['F1'], groups: ['G1'], sessions: 2 }],
    }),
  );
  const zero = { hardTotal: 0, softTotal: 0, hard: {}, soft: {} } as never;
  const at = (session: number, day: number) => ({
    courseId: 'A',
    session,
    day,
    period: 0,
    roomId: 'R1',
    locked: false,
  });
  timetableId = addTimetable(db, {
    name: 'base',
    kind: 'manual',
    timetable: { assignments: [at(1, 0), at(2, 1)] },
    evaluation: zero,
    makeActive: true,
  });
  db.close();
  dispatch = createDispatcher(createHandlers({ userDataDir: join(dir, 'userData') }));
  const opened = await dispatch('project:open', { path: projectFile });
  expect(opened.ok).toBe(true);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe(`IPC fuzz (seed ${SEED})`, () => {
  it('rejects malformed payloads on every channel with a typed error and leaves the database unchanged', async () => {
    const before = databaseDigest(projectFile);
    const filesBefore = readdirSync(dir).sort();
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const rand = prng(SEED);
    let rejected = 0;
    let answered = 0;

    for (const channel of CHANNELS) {
      const schema = contract[channel].request;
      for (let i = 0; i < PER_CHANNEL; i++) {
        const payload = mutate(rand, validRequest(channel));
        const valid = schema.safeParse(payload).success;
        if (valid && WRITING.has(channel)) continue; // a valid write is supposed to write
        const where = `seed ${SEED}, channel ${channel}, payload #${i}`;
        let res: Envelope<unknown>;
        try {
          res = await dispatch(channel, payload);
        } catch (err) {
          throw new Error(`dispatcher threw (${where}): ${String(err)}`, { cause: err });
        }
        expect(() => structuredClone(res), `envelope must cross IPC (${where})`).not.toThrow();
        if (valid) {
          expect(res.ok || isErrorEnvelope(res), where).toBe(true);
          answered++;
        } else {
          expect(res, where).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
          if (!res.ok) expect(res.error.message.length, where).toBeLessThan(1000);
          rejected++;
        }
      }
    }

    expect(rejected).toBeGreaterThan(CHANNELS.length * PER_CHANNEL * 0.6);
    expect(answered).toBeGreaterThan(0);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(databaseDigest(projectFile)).toEqual(before);
  });

  it('answers unknown and non-string channel names with unknown_channel', async () => {
    const rand = prng(SEED + 1);
    const names: unknown[] = [
      '',
      'project:delete',
      '__proto__',
      'constructor',
      'toString',
      'app:info ',
      'APP:INFO',
    ];
    names.push(42, null, undefined, {}, ['app:info'], 'x'.repeat(100_000));
    for (const name of names) {
      const res = await dispatch(name, junk(rand));
      expect(res, `channel ${String(name).slice(0, 40)}`).toMatchObject({
        ok: false,
        error: { code: 'unknown_channel' },
      });
    }
  });

  it('refuses to open a foreign or damaged file over IPC, leaving it and the open project alone', async () => {
    const text = join(dir, 'notes.slotwise');
    writeFileSync(text, 'not a project\n'.repeat(20));
    const foreign = join(dir, 'other.sqlite');
    const other = new Sqlite(foreign);
    other.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    other.close();
    for (const file of [text, foreign]) {
      const before = readFileSync(file);
      const res = await dispatch('project:open', { path: file });
      expect(isErrorEnvelope(res) && res.error.message, file).toMatch(/not a Slotwise project/);
      expect(readFileSync(file).equals(before), file).toBe(true);
      rmSync(file);
    }
    expect(await dispatch('project:current', undefined)).toMatchObject({
      ok: true,
      value: { path: projectFile },
    });
  });

  it('still serves valid requests after the fuzzing (the session survived)', async () => {
    const res = await dispatch('timetable:get', { id: timetableId });
    expect(res).toMatchObject({ ok: true, value: { summary: { id: timetableId } } });
    expect(databaseDigest(projectFile).counts['timetables']).toBe(1);
  });
});
