import { describe, expect, it } from 'vitest';
import { parseFromSolver, parseToSolver, solveResultSchema } from './messages.ts';

const progress = { stage: 'search', percent: 40, bestHard: 0, bestSoft: 12, message: 'ok', elapsedMs: 5 };

describe('solver protocol validation', () => {
  it('accepts well-formed solver messages', () => {
    expect(parseFromSolver({ type: 'ready', protocol: 1, pid: 42 }).ok).toBe(true);
    expect(parseFromSolver({ type: 'progress', requestId: 't1', progress }).ok).toBe(true);
    const cp = {
      type: 'checkpoint',
      requestId: 't1',
      stage: 'mip',
      timetable: { assignments: [] },
      hardTotal: 0,
      softTotal: 3,
    };
    expect(parseFromSolver(cp).ok).toBe(true);
  });

  it('rejects unknown types, wrong stages and impossible numbers, naming the field', () => {
    expect(parseFromSolver({ type: 'hello' }).ok).toBe(false);
    const bad = parseFromSolver({
      type: 'progress',
      requestId: 't1',
      progress: { ...progress, stage: 'magic' },
    });
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('progress.stage') as unknown });
    expect(
      parseFromSolver({ type: 'progress', requestId: 't1', progress: { ...progress, percent: 140 } }).ok,
    ).toBe(false);
    expect(
      parseFromSolver({ type: 'progress', requestId: 't1', progress: { ...progress, bestSoft: -1 } }).ok,
    ).toBe(false);
    expect(parseFromSolver('{"type":"ready"}').ok).toBe(false);
  });

  it('validates requests in the solver process too', () => {
    expect(parseToSolver({ type: 'cancel', requestId: 't1' }).ok).toBe(true);
    expect(parseToSolver({ type: 'shutdown' }).ok).toBe(true);
    expect(
      parseToSolver({ type: 'solve', requestId: 't1', college: {}, options: {}, checkpointEveryMs: 1 }).ok,
    ).toBe(false);
  });

  it("keeps a stage's note (why the MIP stage was skipped or run) on the way from the solver", () => {
    const note = 'hard 3 of 580 sessions (0.5 %), within 10 %: MIP stage skipped';
    const stages = [
      { stage: 'precheck', ms: 1 },
      { stage: 'quick', ms: 900, note },
    ];
    expect(solveResultSchema.shape.stages.parse(stages)).toEqual(stages);
  });
});
