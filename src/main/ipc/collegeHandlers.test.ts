import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProject, saveCollege } from '../db/index.ts';
import { testCollege } from '../../shared/eval/testing/testCollege.ts';
import { createDispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers.ts';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'slotwise-ipc-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('data:precheck', () => {
  it('is empty without college data and names the overloaded faculty row', async () => {
    const file = join(tempDir(), 'p.slotwise');
    const dispatch = createDispatcher(createHandlers({ userDataDir: tempDir() }));
    await dispatch('project:create', { path: file });
    expect(await dispatch('data:precheck', undefined)).toEqual({ ok: true, value: [] });

    // 31 sessions for one teacher in a 30-period week.
    const db = openProject(file);
    saveCollege(
      db,
      testCollege({ courses: [{ id: 'C1', name: 'C1', faculty: ['F1'], groups: ['G1'], sessions: 31 }] }),
    );
    db.close();
    const res = await dispatch('data:precheck', undefined);
    if (!res.ok) throw new Error(res.error.message);
    const findings = res.value as Array<{ fatal: boolean; rows: Array<{ sheet: string; id: string }> }>;
    expect(findings.some((f) => f.fatal && f.rows.some((r) => r.sheet === 'Faculty' && r.id === 'F1'))).toBe(
      true,
    );
    // Asked again: the same; after a re-import that fixes the load, the finding is gone.
    expect(await dispatch('data:precheck', undefined)).toEqual(res);
    const again = openProject(file);
    saveCollege(
      again,
      testCollege({ courses: [{ id: 'C1', name: 'C1', faculty: ['F1'], groups: ['G1'], sessions: 20 }] }),
    );
    again.close();
    const fixed = await dispatch('data:precheck', undefined);
    if (!fixed.ok) throw new Error(fixed.error.message);
    const left = fixed.value as Array<{ fatal: boolean; rows: Array<{ sheet: string; id: string }> }>;
    expect(left.some((f) => f.fatal && f.rows.some((r) => r.sheet === 'Faculty' && r.id === 'F1'))).toBe(
      false,
    );
  });
});
