// Where Debian's fet-data package keeps its example FET files, and the list of them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FET_DATA = '/usr/share/doc/fet-data/examples';

export function fetFiles(dir = FET_DATA): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fetFiles(path));
    else if (name.endsWith('.fet')) out.push(path);
  }
  return out;
}
