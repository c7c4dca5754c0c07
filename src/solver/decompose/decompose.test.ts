import { describe, expect, it } from 'vitest';
import { decompose } from './index.ts';
import { tinyProblem, type TinySpec } from '../mip/testing/tinyProblem.ts';

/** `colleges` disjoint colleges, each with `sections` groups of 6 courses and shared faculty. */
function colleges(count: number, sections: number, rules: TinySpec['rules'] = []): TinySpec {
  const spec: TinySpec = {
    days: 5,
    periods: 6,
    rooms: [{ id: 'R', capacity: 100 }],
    faculty: [],
    groups: [],
    courses: [],
    rules,
  };
  for (let k = 0; k < count; k++) {
    for (let f = 0; f < sections; f++) spec.faculty.push({ id: `K${k}F${f}` });
    for (let g = 0; g < sections; g++) {
      spec.groups.push({ id: `K${k}G${g}`, size: 30 });
      for (let i = 0; i < 6; i++) {
        spec.courses.push({
          id: `K${k}G${g}C${i}`,
          sessions: 3,
          groups: [`K${k}G${g}`],
          faculty: [`K${k}F${(g + i) % sections}`],
        });
      }
    }
  }
  return spec;
}

const collegeOf = (p: ReturnType<typeof tinyProblem>, c: number): string => p.courseIds[c].slice(0, 2);

describe('decompose', () => {
  it('puts every course in exactly one community', () => {
    const p = tinyProblem(colleges(2, 8));
    const parts = decompose(p, { seed: 1, maxSessions: 60 });
    const seen = new Int32Array(p.nCourses);
    for (const part of parts) for (const c of part) seen[c]++;
    expect([...seen].every((n) => n === 1)).toBe(true);
  });

  it('splits a dense clique of courses without losing any', () => {
    const spec = colleges(1, 1);
    for (let i = 0; i < 30; i++) spec.courses.push({ id: `X${i}`, sessions: 3, groups: ['K0G0'] });
    const p = tinyProblem(spec);
    const parts = decompose(p, { seed: 2, maxSessions: 20 });
    expect(parts.flatMap((x) => [...x]).sort((a, b) => a - b)).toEqual([...Array(p.nCourses).keys()]);
    for (const part of parts)
      expect([...part].reduce((n, c) => n + p.courseSessionCount[c], 0)).toBeLessThanOrEqual(20);
  });

  it('is deterministic for a seed', () => {
    const p = tinyProblem(colleges(2, 10));
    const a = decompose(p, { seed: 7, maxSessions: 50 }).map((x) => [...x]);
    const b = decompose(p, { seed: 7, maxSessions: 50 }).map((x) => [...x]);
    expect(a).toEqual(b);
  });

  it('keeps communities within the session bound', () => {
    const p = tinyProblem(colleges(1, 12));
    for (const max of [20, 45, 100]) {
      const parts = decompose(p, { seed: 3, maxSessions: max });
      for (const part of parts) {
        const sessions = [...part].reduce((n, c) => n + p.courseSessionCount[c], 0);
        expect(sessions).toBeLessThanOrEqual(max);
      }
    }
  });

  it('separates two disconnected colleges', () => {
    const p = tinyProblem(colleges(2, 6));
    const parts = decompose(p, { seed: 1, maxSessions: 200, minSessions: 20 });
    expect(parts.length).toBeGreaterThanOrEqual(2);
    for (const part of parts) expect(new Set([...part].map((c) => collegeOf(p, c))).size).toBe(1);
  });

  it('keeps courses of a hard pairing rule together, even across colleges', () => {
    const p = tinyProblem(colleges(2, 6, [{ kind: 'same_time', courses: ['K0G0C0', 'K1G3C2'] }]));
    const parts = decompose(p, { seed: 1, maxSessions: 40 });
    const a = p.courseIds.indexOf('K0G0C0');
    const b = p.courseIds.indexOf('K1G3C2');
    expect(parts.find((part) => part.includes(a))).toContain(b);
  });

  it('decomposes only the given courses', () => {
    const p = tinyProblem(colleges(1, 6));
    const subset = Int32Array.from([0, 1, 2, 9, 10]);
    expect(
      decompose(p, { seed: 1, courses: subset })
        .flatMap((x) => [...x])
        .sort((x, y) => x - y),
    ).toEqual([0, 1, 2, 9, 10]);
  });
});
