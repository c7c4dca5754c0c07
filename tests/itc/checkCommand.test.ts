// The `check` command end to end through the CLI entry: ITC files and a project file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { addTimetable, openProject, saveCollege } from '../../src/main/db/index.ts';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { parseItcSolution } from '../../src/shared/itc/solution.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { ZERO_COST_TOY_SOLUTION } from './toySolution.ts';
import { ITC_DIR } from '../fixtures/dataDir.ts';

const toyPath = join(ITC_DIR, 'qub-2007-release/toy.ctt');
const dir = mkdtempSync(join(tmpdir(), 'slotwise-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The zero-cost toy solution; `clash` moves one lecture into an occupied room.
const good = ZERO_COST_TOY_SOLUTION.join('\n');
const clash = good.replace('Geotec A 0 1', 'Geotec B 0 1');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi
    .spyOn(console, 'error')
    .mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('slotwise check', () => {
  it('exits 0 and reports zero cost for a feasible ITC solution', async () => {
    const r = await run(['check', '--ctt', toyPath, '--solution', file('good.sol', good)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Hard violations: 0');
    expect(r.out).toContain('Soft cost: 0');
    expect(r.out).toContain('Summary: Total Cost = 0');
  });

  it('exits 1 and prints the costs by kind as JSON when there are hard violations', async () => {
    const r = await run(['check', '--ctt', toyPath, '--solution', file('clash.sol', clash), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      hard_total: number;
      soft_total: number;
      hard: Record<string, number>;
      soft: Record<string, number>;
      violations: Array<{ kind: string; sessions: Array<{ course: string; session: number }> }>;
      itc: Record<string, number>;
    };
    expect(report.hard_total).toBe(1);
    expect(report.hard.room_clash).toBe(1);
    expect(report.soft_total).toBe(1);
    expect(report.soft.room_stability).toBe(1);
    expect(report.itc).toMatchObject({ RoomOccupation: 1, Conflicts: 0, RoomStability: 1 });
    const roomClash = report.violations.find((v) => v.kind === 'room_clash');
    expect(roomClash?.sessions.map((s) => s.course).sort()).toEqual(['Geotec', 'SceCosC']);
  });

  it('exits 2 with the file and line of a malformed solution', async () => {
    const r = await run([
      'check',
      '--ctt',
      toyPath,
      '--solution',
      file('bad.sol', `${good}\nGeotec Z 0 0\n`),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.sol:17');
    expect(r.err).toContain('unknown room "Z"');
  });

  it('exits 2 with the line of a malformed instance, and on missing inputs', async () => {
    const broken = readFileSync(toyPath, 'utf8').replace('A 32', 'A big');
    const r = await run(['check', '--ctt', file('broken.ctt', broken), '--solution', file('g.sol', good)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/broken\.ctt:16: the capacity of room "A"/);
    expect((await run(['check', '--ctt', toyPath])).code).toBe(2);
    expect((await run(['check'])).code).toBe(2);
    expect((await run(['check', '--ctt', join(dir, 'none.ctt'), '--solution', 'x'])).err).toContain(
      'no such file',
    );
  });

  it('checks the active timetable of a project file', async () => {
    const college = parseCtt(readFileSync(toyPath, 'utf8'), 'toy.ctt');
    const dbPath = join(dir, 'toy.slotwise');
    const db = openProject(dbPath, { create: true });
    saveCollege(db, college);
    const problem = compile(college);
    for (const [name, text] of [
      ['good', good],
      ['clash', clash],
    ]) {
      const timetable = parseItcSolution(text, college);
      const evaluation = evaluate(problem, timetableToPlacement(problem, timetable));
      addTimetable(db, { name, kind: 'import', timetable, evaluation, makeActive: true });
    }
    db.close();
    const active = await run(['check', '--db', dbPath, '--json']);
    expect(active.code).toBe(1);
    expect((JSON.parse(active.out) as { hard_total: number }).hard_total).toBe(1);
    const first = await run(['check', '--db', dbPath, '--timetable', '1']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('"good"');
    expect((await run(['check', '--db', join(dir, 'missing.slotwise')])).code).toBe(2);
  });
});
