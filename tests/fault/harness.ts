// Shared set-up for the fault-injection tests: a temporary project file with a college in it,
// solver-process options that select a solver module, and event recording.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { openProject, saveCollege } from '../../src/main/db/index.ts';
import type { College } from '../../src/shared/model/types.ts';
import type { JobEvent } from '../../src/shared/ipc/jobEvents.ts';
import { parseCtt } from '../../src/shared/itc/index.ts';
import type { RunSolveJobOptions } from '../../src/main/jobs/index.ts';
import { tinyCollege } from '../fixtures/tinyCollege.ts';
import { ITC_DIR } from '../fixtures/dataDir.ts';

export const FAKE_SOLVER = fileURLToPath(new URL('../fixtures/fakeSolver.ts', import.meta.url));
export const OOM_SOLVER = fileURLToPath(new URL('../fixtures/oomSolver.ts', import.meta.url));

export interface TempProject {
  dir: string;
  path: string;
  db: Database;
  cleanup(): void;
}

export function tempProject(college: College): TempProject {
  const dir = mkdtempSync(join(tmpdir(), 'slotwise-fault-'));
  const path = join(dir, 'project.slotwise');
  const db = openProject(path);
  saveCollege(db, college);
  return {
    dir,
    path,
    db,
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function recorder(): { events: JobEvent[]; onEvent: (e: JobEvent) => void; types: () => string[] } {
  const events: JobEvent[] = [];
  return { events, onEvent: (e) => events.push(e), types: () => events.map((e) => e.type) };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves once `predicate` holds, polling every 20 ms; rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Whether a process with this pid still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A deterministic generator for "random" moments, so that a failure can be replayed. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface SolverUnderTest {
  /** The real solver (src/solver/solve.ts) rather than the fake fixture. */
  real: boolean;
  college(): College;
  /** A job time limit the solver meets comfortably on that college. */
  timeLimitMs: number;
  /** Solver selection, and a soft target that ends a real solve early once it is feasible. */
  runOptions: Pick<RunSolveJobOptions, 'solverArgs' | 'solverEnv' | 'targetSoft'>;
}

/** ITC-2007 comp01: the smallest competition instance. */
export function comp01(): College {
  const file = join(ITC_DIR, 'comp01.ctt');
  return parseCtt(readFileSync(file, 'utf8'), 'comp01.ctt');
}

/**
 * The solver the fault tests drive: the real one on ITC comp01, or with SLOTWISE_TEST_SOLVER=fake
 * the deterministic fake on a tiny college (for working on the job machinery alone).
 */
export function solverUnderTest(extraEnv: Record<string, string> = {}): SolverUnderTest {
  if (process.env.SLOTWISE_TEST_SOLVER === 'fake') {
    return {
      real: false,
      college: tinyCollege,
      timeLimitMs: 20_000,
      runOptions: {
        solverArgs: [`--solver-module=${FAKE_SOLVER}`],
        solverEnv: { FAKE_SOLVER_MS: '3000', ...extraEnv },
      },
    };
  }
  return {
    real: true,
    college: comp01,
    timeLimitMs: 15_000,
    runOptions: {
      // SLOTWISE_TEST_SOLVER_MODULE: try another build of the real solver (a work-in-progress copy).
      solverArgs: process.env.SLOTWISE_TEST_SOLVER_MODULE
        ? [`--solver-module=${process.env.SLOTWISE_TEST_SOLVER_MODULE}`]
        : [],
      solverEnv: extraEnv,
      targetSoft: 150,
    },
  };
}
