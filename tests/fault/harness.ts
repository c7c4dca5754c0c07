// Shared set-up for the fault-injection tests: a temporary project file with a college in it,
// solver-process options that select a solver module, and event recording.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { openProject, saveCollege } from '../../src/main/db/index.ts';
import type { College } from '../../src/shared/model/types.ts';
import type { JobEvent } from '../../src/shared/ipc/jobEvents.ts';

export const FAKE_SOLVER = fileURLToPath(new URL('../fixtures/fakeSolver.ts', import.meta.url));

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
