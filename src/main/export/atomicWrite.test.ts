import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAtomically, writeFilesAtomically } from './atomicWrite.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-atomic-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('atomic writes', () => {
  it('keeps the previous file and leaves no temporary when writing fails half-way', async () => {
    const target = join(dir, 'keep.csv');
    await writeFile(target, 'old');
    await expect(
      writeAtomically(target, async (temp) => {
        await writeFile(temp, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['keep.csv']);
  });

  it('moves a set of files into place only when all were written', async () => {
    const out = join(dir, 'set');
    await expect(
      writeFilesAtomically(out, async (staging) => {
        await writeFile(join(staging, 'a.ics'), 'a');
        throw new Error('failed on b');
      }),
    ).rejects.toThrow('failed on b');
    expect(await readdir(out)).toEqual([]);
    const files = await writeFilesAtomically(out, async (staging) => {
      await writeFile(join(staging, 'a.ics'), 'a');
      await writeFile(join(staging, 'b.ics'), 'b');
      return ['a.ics', 'b.ics'];
    });
    expect(files).toEqual([join(out, 'a.ics'), join(out, 'b.ics')]);
    expect((await readdir(out)).sort()).toEqual(['a.ics', 'b.ics']);
  });
});
