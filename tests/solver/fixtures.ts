// Shared inputs for the solver tests: ITC-2007 instances and generated colleges, compiled.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import type { CompiledProblem } from '../../src/shared/compiled/types.ts';
import type { College } from '../../src/shared/model/types.ts';
import { ITC_DIR } from '../fixtures/dataDir.ts';

export { ITC_DIR };

export function itcCollege(name: string): College {
  const file = join(ITC_DIR, `${name}.ctt`);
  return parseCtt(readFileSync(file, 'utf8'), file);
}

export function itcProblem(name: string): CompiledProblem {
  return compile(itcCollege(name));
}
