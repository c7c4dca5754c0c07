// FET's Terms mode (tests/fixtures/fet/terms.fet): the days per term become Calendar days_per_term,
// activities occupy max terms and activities max in a term become max_terms and max_per_term.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { College } from '../../../shared/model/index.ts';
import { importFetBytes } from './importFet.ts';
import { ruleCosts, type FetPlace } from './testing/ruleCosts.ts';

const FIXTURE = join(import.meta.dirname, '../../../../tests/fixtures/fet/terms.fet');

async function read(edit = (t: string) => t) {
  const { result, build } = importFetBytes(Buffer.from(edit(await readFile(FIXTURE, 'utf8'))), 'terms.fet');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { c: result.college, build: build! };
}

/**
 * Hard rule count with A1's sessions on days a1 (the first of a day at hour 1, the next at hour 2),
 * A4 on D1 at hour 2, A5 on D5 and A6 on D6.
 */
function ruleCost(c: College, a1: number[]): number {
  return ruleCosts(c, [
    ...a1.map((d, k): FetPlace => ['A1', k + 1, d, a1.slice(0, k).includes(d) ? 1 : 0]),
    ['A4', 1, 0, 1],
    ['A5', 1, 4, 0],
    ['A6', 1, 5, 0],
  ]).hard;
}

describe('FET Terms mode', () => {
  it('maps the days per term and both constraints exactly; a soft one is dropped, as FET refuses it', async () => {
    const { c, build } = await read();
    expect(c.calendar.daysPerTerm).toBe(2);
    expect(c.rules).toEqual([
      { kind: 'max_terms', courses: ['A1'], hard: true, weight: 1, value: 1 },
      // Two parts of split activity 1-3 with activity 4: single sessions.
      { kind: 'max_per_term', courses: ['A1#1', 'A1#2', 'A4#1'], hard: true, weight: 1, value: 2 },
    ]);
    expect(build.kinds.get('ConstraintActivitiesOccupyMaxTerms')).toMatchObject({ mapped: 1, dropped: 1 });
    expect(build.kinds.get('ConstraintActivitiesMaxInATerm')).toMatchObject({ mapped: 1, dropped: 0 });
  });

  it('scores sessions kept in their terms at 0 and counts each term or session beyond', async () => {
    const { c } = await read();
    // A1 on D1 and D2 (term 1) and D2: one term; with A4 (D1), 3 of the max_per_term sessions in term 1.
    expect(ruleCost(c, [0, 1, 1])).toBe(1);
    // A1#1 on D3 (term 2), A1#2 and A1#3 on D1 and D2 (term 1): two terms for A1 (1); term 1
    // holds A1#2 and A4 of the max_per_term sessions, at most 2.
    expect(ruleCost(c, [2, 0, 1])).toBe(1);
    // A1 in term 2 (D3, D4, D3): one term, and term 2 holds A1#1 and A1#2 only.
    expect(ruleCost(c, [2, 3, 2])).toBe(0);
    // A1 over three terms: 2 terms too many.
    expect(ruleCost(c, [0, 2, 4])).toBe(2);
  });

  it('drops them from a file without terms, reporting why', async () => {
    const { c, build } = await read((t) => t.replace('<Mode>Terms</Mode>', '<Mode>Official</Mode>'));
    expect(c.calendar.daysPerTerm).toBeUndefined();
    expect(c.rules).toEqual([]);
    const kind = build.kinds.get('ConstraintActivitiesMaxInATerm')!;
    expect(kind).toMatchObject({ mapped: 0, dropped: 1 });
    expect([...kind.reasons.keys()].join()).toMatch(/no terms/);
  });
});
