// Where Debian's fet-data package keeps its example FET files, and the list of them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const FET_DATA = '/usr/share/doc/fet-data/examples';

/** Debian package `fet`'s command-line generator. */
export const FET_CL = '/usr/bin/fet-cl';

/**
 * fet-cl's six random seed components, fixed: the same input gives the same timetable in the same
 * number of steps, so a test that uses fet-cl's timetable does not depend on a lucky run (with
 * random seeds 2008-2009.fet took 0.7 to 15 s, and a run on a loaded machine missed 40 s once).
 */
export const FET_CL_SEEDS = [
  '--randomseeds10=7',
  '--randomseeds11=8',
  '--randomseeds12=9',
  '--randomseeds20=10',
  '--randomseeds21=11',
  '--randomseeds22=12',
];

export function fetFiles(dir = FET_DATA): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fetFiles(path));
    else if (name.endsWith('.fet')) out.push(path);
  }
  return out;
}
