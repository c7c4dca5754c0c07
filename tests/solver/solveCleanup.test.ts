// The solver's MIP worker thread is closed however the pipeline ends: a stage that throws must not
// leave the thread running (in the solver process it would outlive the job).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MipRunner } from '../../src/solver/mip/MipRunner.ts';
import { generateCollege } from '../../src/main/generate/index.ts';

vi.mock('../../src/solver/stages/quickStart.ts', async (importOriginal) => {
  const real: object = await importOriginal();
  return {
    ...real,
    quickStart: () => Promise.reject(new Error('injected failure in the quick start')),
  };
});

const { solve } = await import('../../src/solver/solve.ts');

describe('solve cleanup', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('closes the MIP worker when a stage throws', async () => {
    const runners: MipRunner[] = [];
    const warmUps: Promise<void>[] = [];
    const warmUp = Object.getOwnPropertyDescriptor(MipRunner.prototype, 'warmUp')?.value as (
      this: MipRunner,
    ) => Promise<void>;
    vi.spyOn(MipRunner.prototype, 'warmUp').mockImplementation(function (this: MipRunner) {
      runners.push(this);
      const w = warmUp.call(this);
      warmUps.push(w);
      return w;
    });
    const { college } = generateCollege('small', 3);
    await expect(solve(college, { timeLimitMs: 6000, seed: 1 })).rejects.toThrow('injected failure');
    expect(runners).toHaveLength(1);
    // Whatever state the worker's start-up was in when the stage threw, once it settles no
    // worker is left.
    await Promise.allSettled(warmUps);
    expect(runners[0].alive).toBe(false);
  });
});
