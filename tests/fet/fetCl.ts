// What the per-construct FET tests share: reading a fixture through the importer, running fet-cl
// on a file (fixed seeds), reading fet-cl's timetable back as fixed sessions, and the export round
// trip (our file read back as the same rules, and fet-cl's timetable of it scored hard 0).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { formatFet } from '../../src/main/export/fet.ts';
import { importFetBytes } from '../../src/main/import/fet/importFet.ts';
import { timetableFromFixed } from '../../src/main/import/fet/fixedTimetable.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import type { College, Timetable } from '../../src/shared/model/types.ts';
import { FET_CL, FET_CL_SEEDS } from './fetFiles.ts';

export const hasFetCl = existsSync(FET_CL);

/** Imports FET text (named `name` in errors); throws on an import error. */
export function importFetText(text: string, name: string) {
  const { result, build } = importFetBytes(Buffer.from(text), name);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

/** Runs fet-cl on `input` into `outDir` with fixed seeds; its console output. */
export function runFetCl(input: string, outDir: string, seconds = 10): string {
  return execFileSync(
    FET_CL,
    [`--inputfile=${input}`, `--outputdir=${outDir}`, `--timelimitseconds=${seconds}`, ...FET_CL_SEEDS],
    { encoding: 'utf8', timeout: 60_000 },
  );
}

/** fet-cl's file with its timetable, for a run on `input` into `outDir`. */
export function fetClTimetableText(input: string, outDir: string): string {
  const name = basename(input, '.fet');
  return readFileSync(join(outDir, 'timetables', name, `${name}_data_and_timetable.fet`), 'utf8');
}

/** A college whose every session is fixed (fet-cl's timetable read back): its timetable and hard cost. */
export function fixedHard(c: College): { timetable: Timetable; hard: number } {
  const { timetable, fixedSessions, sessions } = timetableFromFixed(c);
  expect(fixedSessions).toBe(sessions);
  const p = compile(c);
  return { timetable, hard: evaluate(p, timetableToPlacement(p, timetable)).hardTotal };
}

/**
 * The export round trip of `c`: the FET file holds `element`, reads back as the same rules, and
 * fet-cl's timetable of it scores hard 0.
 */
export function expectExportKept(c: College, element: string, tmp: string): void {
  const text = formatFet(c, { assignments: [] });
  expect(text).toContain(`<${element}>`);
  expect(importFetText(text, 'export.fet').c.rules).toEqual(c.rules);
  const input = join(tmp, 'export.fet');
  writeFileSync(input, text);
  const out = join(tmp, 'export');
  expect(runFetCl(input, out)).toMatch(/Simulation successful/);
  expect(fixedHard(importFetText(fetClTimetableText(input, out), 'export.fet').c).hard).toBe(0);
}
