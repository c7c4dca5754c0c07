import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../shared/compiled/compile.ts';
import { evaluate } from '../../shared/eval/evaluate.ts';
import type { Placement } from '../../shared/eval/types.ts';
import { parseCtt } from '../../shared/itc/ctt.ts';
import { decompose } from '../decompose/index.ts';
import { ModelBuilder } from './mipModel.ts';
import { MipRunner, MipTimeoutError, MipWorkerError, mipSchedule } from './index.ts';
import { tinyProblem, type TinySpec } from './testing/tinyProblem.ts';
import { join } from 'node:path';
import { ITC_DIR } from '../../../tests/fixtures/dataDir.ts';

const runner = new MipRunner();
beforeAll(() => runner.warmUp(), 60_000);
afterAll(() => runner.close());

const free = (n: number): Placement => ({
  slot: new Int32Array(n).fill(-1),
  room: new Int32Array(n).fill(-1),
});

/**
 * Two sections sharing faculty, lab batches competing for one lab, a theory + lab pair. Periods
 * P1 | break | P2-P4: the pair (TB, then the two-period LB right after it) fits only in P2-P4.
 */
function college(): TinySpec {
  return {
    days: 3,
    periods: 4,
    breaksAfter: [0],
    rooms: [
      { id: 'R1', capacity: 70 },
      { id: 'R2', capacity: 70 },
      { id: 'LAB', capacity: 35, type: 'lab' },
    ],
    faculty: [{ id: 'F1', maxPerDay: 3 }, { id: 'F2' }, { id: 'F3', maxDays: 2 }],
    groups: [
      { id: 'A', size: 60 },
      { id: 'A1', size: 30, parent: 'A' },
      { id: 'A2', size: 30, parent: 'A' },
      { id: 'B', size: 60 },
    ],
    courses: [
      { id: 'MA', sessions: 3, faculty: ['F1'], groups: ['A'], rooms: ['R1', 'R2'] },
      { id: 'MB', sessions: 3, faculty: ['F1'], groups: ['B'], rooms: ['R1', 'R2'] },
      { id: 'PA', sessions: 2, faculty: ['F2'], groups: ['A'], rooms: ['R1', 'R2'] },
      { id: 'PB', sessions: 2, faculty: ['F3'], groups: ['B'], rooms: ['R1', 'R2'] },
      { id: 'LA1', sessions: 1, length: 2, faculty: ['F2'], groups: ['A1'], rooms: ['LAB'], roomType: 'lab' },
      { id: 'LA2', sessions: 1, length: 2, faculty: ['F3'], groups: ['A2'], rooms: ['LAB'], roomType: 'lab' },
      {
        id: 'LB',
        sessions: 1,
        length: 2,
        faculty: ['F2'],
        groups: ['B'],
        rooms: ['LAB'],
        students: 30,
        roomType: 'lab',
      },
      { id: 'TB', sessions: 1, faculty: ['F3'], groups: ['B'], rooms: ['R1', 'R2'] },
    ],
    rules: [{ kind: 'consecutive', courses: ['TB', 'LB'] }],
  };
}

describe('mipSchedule', () => {
  it('places a small college with no hard violations', async () => {
    const p = tinyProblem(college());
    const parts = decompose(p, { seed: 1 });
    const r = await mipSchedule(p, free(p.nSessions), parts, { timeLimitMs: 10_000, seed: 1, runner });
    const ev = evaluate(p, r.placement);
    expect(r.failedCommunities).toEqual([]);
    expect(r.stats.placed).toBe(p.nSessions);
    expect(ev.hardTotal).toBe(0);
  });

  it('keeps given decisions and works around them', async () => {
    const p = tinyProblem(college());
    const start = free(p.nSessions);
    const ma = p.courseFirstSession[p.courseIds.indexOf('MA')];
    start.slot[ma] = 0;
    start.room[ma] = 0;
    const others = Int32Array.from({ length: p.nCourses }, (_, c) => c).filter(
      (c) => p.courseIds[c] !== 'MA',
    );
    // Solve everything but MA's remaining sessions first, then MA's course as its own community.
    const parts = [others, Int32Array.of(p.courseIds.indexOf('MA'))];
    const r = await mipSchedule(p, start, parts, { timeLimitMs: 10_000, seed: 2, runner });
    expect(r.placement.slot[ma]).toBe(0);
    expect(start.slot[ma + 1]).toBe(-1); // input not mutated
    expect(evaluate(p, r.placement).hardTotal).toBe(0);
  });

  it('reports a community it cannot fully place instead of failing', async () => {
    const spec = college();
    spec.courses.push({
      id: 'X',
      sessions: 1,
      length: 2,
      faculty: ['F2'],
      groups: ['A'],
      rooms: ['LAB'],
      students: 30,
    });
    spec.rooms[2].unavailable = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]; // the lab is free only on day 3 afternoon
    const p = tinyProblem(spec);
    const r = await mipSchedule(p, free(p.nSessions), decompose(p, { seed: 1 }), {
      timeLimitMs: 10_000,
      seed: 1,
      runner,
    });
    const ev = evaluate(p, r.placement);
    // Four 2-period lab sessions, one lab block: three labs (and maybe the theory tied to one) stay out.
    expect(r.stats.placed).toBeGreaterThanOrEqual(p.nSessions - 4);
    expect(r.stats.placed).toBeLessThanOrEqual(p.nSessions - 3);
    expect(ev.hard.unplaced).toBe(p.nSessions - r.stats.placed);
    expect(r.reports.some((rep) => rep.placed < rep.sessions)).toBe(true);
    expect(ev.hardTotal - ev.hard.unplaced).toBe(0);
  });

  it('lands the greedy start of a community left no time for HiGHS', async () => {
    // Without the consecutive pair, which the greedy start leaves to HiGHS (warmStart.ts).
    const p = tinyProblem({ ...college(), rules: [] });
    const r = await mipSchedule(p, free(p.nSessions), decompose(p, { seed: 1 }), {
      timeLimitMs: 1,
      seed: 1,
      runner,
    });
    expect(r.reports.every((rep) => rep.status === 'greedy')).toBe(true);
    expect(r.failedCommunities).toEqual([]);
    expect(r.stats.placed).toBe(p.nSessions);
    expect(evaluate(p, r.placement).hardTotal).toBe(0);
  });

  it('keeps away from placed courses that share enrolled students', async () => {
    const spec: TinySpec = {
      days: 1,
      periods: 3,
      rooms: [
        { id: 'R', capacity: 50 },
        { id: 'S', capacity: 50 },
      ],
      faculty: [],
      groups: [],
      courses: [
        { id: 'CORE', sessions: 1, students: 40 },
        { id: 'ELECTIVE', sessions: 1, students: 30 },
      ],
      shared: [['CORE', 'ELECTIVE', 12]],
    };
    const p = tinyProblem(spec);
    for (const coreSlot of [0, 1, 2]) {
      const start = free(p.nSessions);
      start.slot[0] = coreSlot;
      start.room[0] = 0;
      const r = await mipSchedule(p, start, [Int32Array.of(1)], {
        timeLimitMs: 10_000,
        seed: coreSlot,
        runner,
      });
      expect(r.placement.slot[1]).toBeGreaterThanOrEqual(0);
      expect(r.placement.slot[1]).not.toBe(coreSlot);
      expect(evaluate(p, r.placement).soft.student_clash).toBe(0);
    }
  });

  it('solves ITC-2007 comp01 without hard violations', async () => {
    const p = compile(parseCtt(readFileSync(join(ITC_DIR, 'comp01.ctt'), 'utf8'), 'comp01.ctt'));
    const r = await mipSchedule(p, free(p.nSessions), decompose(p, { seed: 1 }), {
      timeLimitMs: 15_000,
      seed: 1,
      runner,
    });
    expect(evaluate(p, r.placement).hardTotal).toBe(0);
  });
});

describe('MipRunner', () => {
  function knapsack(n: number): ReturnType<ModelBuilder['build']> {
    const b = new ModelBuilder();
    const cols = Array.from({ length: n }, (_, i) => b.addCol(-(((i * 7919) % 97) + 1), 0, 1, true));
    b.addRow(
      cols,
      cols.map((i) => ((i * 104729) % 89) + 1),
      -Infinity,
      n * 11,
    );
    return b.build();
  }

  it('solves a model', async () => {
    const out = await runner.solve(knapsack(20), { timeLimitMs: 5_000, seed: 1 });
    expect(out.status).toBe('optimal');
    expect(out.x).toHaveLength(20);
  });

  it('kills the worker at the deadline and rejects with a timeout error, then recovers', async () => {
    const t0 = Date.now();
    await expect(
      runner.solve(knapsack(400), { timeLimitMs: 60_000, seed: 1, killAfterMs: 1 }),
    ).rejects.toBeInstanceOf(MipTimeoutError);
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(runner.alive).toBe(false);
    const out = await runner.solve(knapsack(10), { timeLimitMs: 5_000, seed: 1 });
    expect(out.x).not.toBeNull();
  });

  it('starts no worker when closed while the worker is starting, and starts one again on the next solve', async () => {
    const fresh = new MipRunner();
    const warming = fresh.warmUp();
    await fresh.close();
    await expect(warming).rejects.toBeInstanceOf(MipWorkerError);
    expect(fresh.alive).toBe(false);
    const out = await fresh.solve(knapsack(10), { timeLimitMs: 5_000, seed: 1 });
    expect(out.x).not.toBeNull();
    await fresh.close();
    expect(fresh.alive).toBe(false);
  });

  it('rejects when cancelled', async () => {
    const ctl = new AbortController();
    const pending = runner.solve(knapsack(300), { timeLimitMs: 60_000, seed: 1, signal: ctl.signal });
    ctl.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
