import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// The reader's recursive XML parser can exhaust the stack on a damaged sheet (seen in the fuzz
// campaign on a slow machine, where its chunk size collapses). Simulate that failure.
vi.mock('read-excel-file/node', () => ({
  default: () => {
    throw new RangeError('Maximum call stack size exceeded');
  },
}));

const { importPathDirect } = await import('../importDirect.ts');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('readXlsx when the reader runs out of stack', () => {
  it('refuses the workbook in plain words naming the file, without a stack message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotwise-xlsx-'));
    dirs.push(dir);
    const path = join(dir, 'Deep college.xlsx');
    copyFileSync(join(import.meta.dirname, '../../../../resources/samples/college.xlsx'), path);
    const before = readFileSync(path);
    const result = await importPathDirect(path);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error.file).toBe('Deep college.xlsx');
    expect(error.message).toContain('"Deep college.xlsx"');
    expect(error.message).toMatch(/damaged or too large/);
    expect(error.message).not.toMatch(/stack/i);
    expect(error.hint).toMatch(/save it again/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
