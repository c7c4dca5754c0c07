import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { College } from '../../shared/model/types.ts';
import { importPath } from '../import/index.ts';
import { generateCollege } from './index.ts';

// The committed sample is exactly what resources/samples/README.md says made it.
const SAMPLES = join(import.meta.dirname, '../../../resources/samples');

const withoutSource = (c: College): Omit<College, 'source'> => {
  const { source: _source, ...rest } = c;
  return rest;
};

describe('resources/samples', () => {
  const { college } = generateCollege('small', 2026, { plain: true });

  it.each(['college', 'college.xlsx'])(
    '%s imports cleanly and is the plain small preset with seed 2026',
    async (name) => {
      const result = await importPath(join(SAMPLES, name));
      if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
      expect(result.warnings).toEqual([]);
      expect(withoutSource(result.college)).toEqual(withoutSource(college));
      expect(new Set(result.college.faculty.map((f) => f.department)).size).toBeLessThanOrEqual(3);
    },
  );
});
