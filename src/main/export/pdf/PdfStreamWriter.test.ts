import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfStreamWriter } from './PdfStreamWriter.ts';

const page = {
  size: 'A4' as const,
  margins: [20, 20, 20, 20] as [number, number, number, number],
  footer: () => '',
};

describe('PdfStreamWriter', () => {
  it('writes batches of pages into one PDF and counts them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'slotwise-pdfw-'));
    try {
      const file = join(dir, 'x.pdf');
      const w = new PdfStreamWriter(file, { title: 'Test', creationDate: new Date('2026-01-01T00:00:00Z') });
      expect(await w.addPages(['one', { text: 'two', pageBreak: 'before' }], page)).toBe(2);
      expect(await w.addPages(['Nguyễn Śrīnivās Müller'], page)).toBe(1);
      await w.close();
      expect(w.pages).toBe(3);
      const bytes = await readFile(file, 'latin1');
      expect(bytes.startsWith('%PDF-1.4')).toBe(true);
      expect(bytes.match(/\/Type \/Page\b/g)).toHaveLength(3);
      expect(w.fit('A rather long course name', 40, 8)).toMatch(/…$/);
      expect(w.fit('Short', 400, 8)).toBe('Short');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports a file that cannot be written from close(), without crashing the process', async () => {
    const w = new PdfStreamWriter('/nonexistent-folder/x.pdf', { title: 't', creationDate: new Date() });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await w.addPages(['hello'], page);
    await expect(w.close()).rejects.toThrow(/ENOENT/);
  });
});
