import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from './index.ts';
import { readXlsx } from './readers/readXlsx.ts';
import { SHEET_SPECS } from './sheetSpecs.ts';
import { TEMPLATE_PATH, writeTemplate } from './template.ts';

describe('the committed template workbook', () => {
  it('imports without errors or warnings, one example row per sheet', async () => {
    const result = await importPath(TEMPLATE_PATH);
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1));
    expect(result.warnings).toEqual([]);
    for (const spec of SHEET_SPECS.filter((s) => s.name !== 'Calendar'))
      expect(result.counts[spec.name]).toBe(1);
    expect(result.college.calendar.institution).toBe('Example College');
  });

  it('has every sheet of the contract with all its headers, and Instructions covering every column', async () => {
    const sheets = await readXlsx(TEMPLATE_PATH);
    expect(sheets.map((s) => s.name)).toEqual(['Instructions', ...SHEET_SPECS.map((s) => s.name)]);
    const instructions = sheets[0].rows.map((r) => r.cells.map((c) => (c === null ? '' : String(c))));
    for (const spec of SHEET_SPECS) {
      expect(sheets.find((s) => s.name === spec.name)?.headers).toEqual(spec.columns.map((c) => c.name));
      const start = instructions.findIndex((row) => row[0] === spec.name);
      expect(start, spec.name).toBeGreaterThan(0);
      const documented = instructions.slice(start + 1, start + 1 + spec.columns.length).map((row) => row[1]);
      expect(documented).toEqual(spec.columns.map((c) => c.name));
    }
  });

  it('matches what the generator writes now (regenerate with node src/main/import/template.ts)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slotwise-template-'));
    try {
      const fresh = join(dir, 'template.xlsx');
      await writeTemplate(fresh);
      const strip = (sheets: Awaited<ReturnType<typeof readXlsx>>) =>
        sheets.map(({ file: _file, ...rest }) => rest);
      expect(strip(await readXlsx(TEMPLATE_PATH))).toEqual(strip(await readXlsx(fresh)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
