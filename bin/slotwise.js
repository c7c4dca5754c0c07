#!/usr/bin/env node
// Entry of the `slotwise` command. The sources are TypeScript run by Node's type stripping, which
// needs Node >= 22.18; an older `node` on PATH re-runs this file with the project's own Node 22
// (the `node` devDependency) so that `node bin/slotwise.js` works on a machine with Node 20 only.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const here = dirname(fileURLToPath(import.meta.url));
if (major < 22 || (major === 22 && minor < 18)) {
  const local = join(here, '..', 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(local)) {
    console.error(`slotwise needs Node >= 22.18 (this is ${process.versions.node}). Run \`npm ci\` first.`);
    process.exit(1);
  }
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
