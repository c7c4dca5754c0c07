// A clone on a fresh machine has only the repository: no source, test or benchmark may read a file
// outside it (absolute paths into the development machine, or `../` paths out of the clone).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED = ['src', 'tests', 'tools', 'bin', 'package.json', '.ci'];

function files(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

describe('the repository tests itself', () => {
  const sources = SCANNED.flatMap((p) => files(join(ROOT, p))).filter((f) =>
    /\.(ts|tsx|js|json|sh)$|\/run$/.test(f),
  );

  it('reads no absolute path of the development machine', () => {
    const offenders = sources.filter(
      (f) =>
        f !== fileURLToPath(import.meta.url) && /['"`]\/work\/(shared|main)\b/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('resolves no relative path to outside the clone', () => {
    const outside: string[] = [];
    for (const f of sources) {
      for (const m of readFileSync(f, 'utf8').matchAll(/['"`]((?:\.\.\/)+[\w.-][^'"`]*)['"`]/g)) {
        const target = resolve(dirname(f), m[1]);
        if (relative(ROOT, target).startsWith('..')) outside.push(`${relative(ROOT, f)}: ${m[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('vendors the benchmark instances the tests read', () => {
    for (let i = 1; i <= 21; i++) {
      const name = `comp${String(i).padStart(2, '0')}.ctt`;
      expect(statSync(join(ROOT, 'bench/data/itc2007', name)).size).toBeGreaterThan(1000);
    }
    expect(statSync(join(ROOT, 'bench/data/udine/Test/toy.ectt')).isFile()).toBe(true);
  });
});
