import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadCollege } from './collegeRepo.ts';
import { openProject } from './connection.ts';
import { richCollege } from './testing/richCollege.ts';
import { useTempDir } from './testing/tempDir.ts';

const tmp = useTempDir();

it('a process killed in the middle of a write leaves the last committed college, and the file opens', () => {
  const file = join(tmp(), 'crash.slotwise');
  const child = spawnSync(process.execPath, [join(import.meta.dirname, 'testing', 'crashWriter.ts'), file], {
    encoding: 'utf8',
  });
  expect(child.signal).toBe('SIGKILL');
  expect(existsSync(`${file}-wal`)).toBe(true);
  const reader = openProject(file, { readonly: true });
  expect(loadCollege(reader)).toStrictEqual(richCollege());
  reader.close();
  const db = openProject(file, { create: false });
  try {
    expect(loadCollege(db)).toStrictEqual(richCollege());
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
});
