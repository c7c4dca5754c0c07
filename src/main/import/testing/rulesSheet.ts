// For the Rules import tests: the clean CSV fixture with its Rules sheet replaced, and issues as
// `sheet:row:column: message` lines.
import { join } from 'node:path';
import type { ImportIssue } from '../../../shared/model/index.ts';
import { importSheets } from '../importSheets.ts';
import type { RawSheet } from '../rawSheet.ts';
import { parseCsv, readCsvFolder } from '../readers/readCsvFolder.ts';

const CLEAN = join(import.meta.dirname, '../../../../tests/fixtures/import/clean');
let clean: RawSheet[] | null = null;

/** Reads the clean fixture (once); call it in beforeAll. */
export async function loadCleanFixture(): Promise<void> {
  clean ??= await readCsvFolder(CLEAN);
}

/** The clean fixture with its Rules sheet replaced by `csv`, imported. */
export function withRules(csv: string): ReturnType<typeof importSheets> {
  if (clean === null) throw new Error('loadCleanFixture() first');
  const sheets = [
    ...clean.filter((s) => s.name.toLowerCase() !== 'rules'),
    parseCsv('Rules', 'Rules.csv', csv),
  ];
  return importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (s) => `${s}.csv` });
}

/** Issues as `sheet:row:column: message`. */
export const located = (issues: ImportIssue[]): string[] =>
  issues.map((e) => `${e.sheet}:${e.row ?? '-'}:${e.column ?? '-'}: ${e.message}`);
