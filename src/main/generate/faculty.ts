// Faculty of every department, sized from the teaching load, and their assignment to offerings:
// the same teacher usually takes the same subject in two sections; labs have two staff.
import type { Draft, Offering } from './draft.ts';
import { personName } from './people.ts';

/** Teaching staff an offering needs. */
function staffOf(off: Offering): number {
  return off.kind === 'lab' && off.size >= 20 ? 2 : 1;
}

function periodsOf(off: Offering): number {
  return off.sessions * off.length;
}

export function buildFaculty(d: Draft): void {
  const { rng, preset } = d;
  const load = new Map<string, number>();
  for (const off of d.offerings)
    load.set(off.dept, (load.get(off.dept) ?? 0) + periodsOf(off) * staffOf(off));
  const domain = d.institution
    .split(' ')
    .filter((w) => w.length > 2)
    .map((w) => w[0].toLowerCase())
    .join('');
  for (const dep of d.departments) {
    const n = Math.max(3, Math.ceil((load.get(dep.code) ?? 0) / preset.facultyLoad));
    for (let k = 1; k <= n; k++) {
      const id = `F${dep.code}${String(k).padStart(3, '0')}`;
      const name = personName(d);
      const title = rng.chance(0.55) ? 'Dr. ' : rng.chance(0.5) ? 'Prof. ' : '';
      const email = `${name.toLowerCase().replace(' ', '.')}.${dep.code.toLowerCase()}${k}@${domain}.ac.in`;
      d.faculty.push({ id, name: `${title}${name}`, dept: dep.code, email, load: 0 });
    }
  }
  assignFaculty(d);
}

function assignFaculty(d: Draft): void {
  const { rng } = d;
  const pools = new Map<string, number[]>();
  d.faculty.forEach((f, i) => {
    const pool = pools.get(f.dept) ?? [];
    pool.push(i);
    pools.set(f.dept, pool);
  });
  const bySubject = new Map<string, Offering[]>();
  for (const off of d.offerings) {
    const list = bySubject.get(off.subject) ?? [];
    list.push(off);
    bySubject.set(off.subject, list);
  }
  const subjects = rng.shuffle([...bySubject.keys()]);
  // Heavier subjects first, so the balancing has room at the end.
  subjects.sort((a, b) => periodsOf(bySubject.get(b)![0]) - periodsOf(bySubject.get(a)![0]));
  const leastLoaded = (pool: number[], avoid: number[]): number => {
    let best = -1;
    for (const f of pool) {
      if (avoid.includes(f)) continue;
      if (best < 0 || d.faculty[f].load < d.faculty[best].load) best = f;
    }
    return best;
  };
  for (const subject of subjects) {
    const list = bySubject.get(subject)!;
    let lead = -1;
    let taught = 0;
    for (const off of list) {
      const pool = pools.get(off.dept)!;
      const p = periodsOf(off);
      if (lead < 0 || taught >= 2 || d.faculty[lead].load + p > d.preset.facultyLoad * 1.6) {
        lead = leastLoaded(pool, []);
        taught = 0;
      }
      off.faculty = [lead];
      d.faculty[lead].load += p;
      taught++;
      for (let k = 1; k < staffOf(off); k++) {
        const extra = leastLoaded(pool, off.faculty);
        if (extra < 0) break;
        off.faculty.push(extra);
        d.faculty[extra].load += p;
      }
    }
  }
}

/** A colleague of `f`'s department with the lightest load, not in `avoid` and `usable`, or -1. */
export function substitute(d: Draft, f: number, avoid: Set<number>, usable: (g: number) => boolean): number {
  let best = -1;
  const dept = d.faculty[f].dept;
  for (let i = 0; i < d.faculty.length; i++) {
    if (d.faculty[i].dept !== dept || avoid.has(i) || !usable(i)) continue;
    if (best < 0 || d.faculty[i].load < d.faculty[best].load) best = i;
  }
  return best;
}
