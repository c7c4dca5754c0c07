// `slotwise export` end to end on a real project file: every format, and the clear refusals.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { addTimetable, openProject, saveCollege } from '../../src/main/db/index.ts';
import { HARD_KINDS, SOFT_KINDS } from '../../src/shared/eval/types.ts';
import type { College } from '../../src/shared/model/index.ts';
import { smallCollege, smallTimetable } from './smallCollege.ts';

let dir = '';
let out: string[] = [];
let err: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slotwise-cli-export-'));
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function project(college: College, withTimetable = true): string {
  const file = join(dir, 'college.slotwise');
  const db = openProject(file, { create: true });
  try {
    saveCollege(db, college);
    if (withTimetable) {
      const zero = <K extends string>(keys: readonly K[]) =>
        Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
      addTimetable(db, {
        name: 'hand-made',
        kind: 'manual',
        timetable: smallTimetable(),
        evaluation: { hardTotal: 0, softTotal: 0, hard: zero(HARD_KINDS), soft: zero(SOFT_KINDS) },
        makeActive: true,
      });
    }
  } finally {
    db.close();
  }
  return file;
}

const run = (...args: string[]) => main(['export', ...args]);

describe('slotwise export', () => {
  it('writes every format from the active timetable', async () => {
    const db = project(smallCollege());
    expect(await run('--db', db, '--format', 'csv', '--out', join(dir, 't.csv'))).toBe(0);
    expect(readFileSync(join(dir, 't.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /^course_id,session,day,period,length,room_id,faculty,groups/,
    );
    expect(await run('--db', db, '--format', 'itc', '--out', join(dir, 't.sol'))).toBe(0);
    expect(readFileSync(join(dir, 't.sol'), 'utf8')).toContain('CS201 R102 0 0');
    expect(await run('--db', db, '--format', 'xlsx', '--out', join(dir, 't.xlsx'), '--view', 'faculty')).toBe(
      0,
    );
    expect(existsSync(join(dir, 't.xlsx'))).toBe(true);
    expect(await run('--db', db, '--format', 'ics', '--out', join(dir, 'ics'), '--only', 'F1,R101')).toBe(0);
    expect(readdirSync(join(dir, 'ics')).sort()).toEqual(['faculty', 'rooms', 'slotwise-ics.json']);
    expect(out.join('\n')).toMatch(/Exported timetable \d+ "hand-made" as ics \(2 calendars\)/);
    expect(
      await run('--db', db, '--format', 'pdf', '--out', join(dir, 'pdf'), '--view', 'room', '--only', 'LAB1'),
    ).toBe(0);
    expect(readdirSync(join(dir, 'pdf'))).toEqual(['rooms.pdf']);
  });

  it('says what is wrong: no timetable yet, missing term dates, unknown ids, bad format', async () => {
    const noTimetable = project(smallCollege(), false);
    expect(await run('--db', noTimetable, '--format', 'csv', '--out', join(dir, 'a.csv'))).toBe(2);
    expect(err.join('\n')).toMatch(/has no timetable yet/);
    rmSync(noTimetable);

    const noTerm = project(smallCollege({ termStart: undefined, termEnd: undefined }));
    expect(await run('--db', noTerm, '--format', 'ics', '--out', join(dir, 'ics'))).toBe(2);
    expect(err.join('\n')).toMatch(/term_start.*term_end/);
    expect(existsSync(join(dir, 'ics'))).toBe(false);

    expect(await run('--db', noTerm, '--format', 'pdf', '--only', 'F1,ZZ9', '--out', join(dir, 'pdf'))).toBe(
      2,
    );
    expect(err.join('\n')).toMatch(/Unknown id in --only: ZZ9/);

    expect(await run('--db', noTerm, '--format', 'docx', '--out', join(dir, 'x'))).not.toBe(0);
  });
});
