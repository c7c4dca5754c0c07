// The people a community's model covers, for the rows on faculty and student-set limits.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { Occupancy } from './occupancy.ts';

/**
 * The faculty members and student sets with start variables in the model, ascending, as resource
 * numbers (faculty first, then student sets, as buildModel.ts numbers them). `resourceSlot` maps
 * resource * nSlots + slot to the start variables covering that slot.
 */
export function modelPeople(p: CompiledProblem, resourceSlot: Map<number, number[]>): number[] {
  const nFS = p.nFaculty + p.nStudentSets;
  const people = new Set<number>();
  for (const key of resourceSlot.keys()) {
    const r = Math.floor(key / p.nSlots);
    if (r < nFS) people.add(r);
  }
  return [...people].sort((x, y) => x - y);
}

/** A person of the model with a limit, and where their occupancy is: busy[base + slot]. */
export interface LimitedPerson {
  /** Resource number (faculty first, then student sets). */
  r: number;
  limit: number;
  busy: Uint16Array;
  base: number;
}

/**
 * The model's people with a limit > 0, each with their occupancy row. A faculty member's limit is
 * `facultyLimit[f]`; a student set's is the strictest `groupLimit` of its groups (a group's limit
 * holds for every set below it): the smallest for an upper limit, the largest for a lower one.
 */
export function limitedPeople(
  p: CompiledProblem,
  resourceSlot: Map<number, number[]>,
  occ: Occupancy,
  facultyLimit: ArrayLike<number>,
  groupLimit: ArrayLike<number>,
  strictest: 'smallest' | 'largest',
): LimitedPerson[] {
  const out: LimitedPerson[] = [];
  for (const r of modelPeople(p, resourceSlot)) {
    const isFaculty = r < p.nFaculty;
    let limit = 0;
    if (isFaculty) limit = facultyLimit[r];
    else
      for (let g = p.setGroup[r - p.nFaculty]; g >= 0; g = p.groupParent[g]) {
        const m = groupLimit[g];
        if (m > 0 && (limit === 0 || (strictest === 'smallest' ? m < limit : m > limit))) limit = m;
      }
    if (limit <= 0) continue;
    const busy = isFaculty ? occ.faculty : occ.sets;
    out.push({ r, limit, busy, base: (isFaculty ? r : r - p.nFaculty) * p.nSlots });
  }
  return out;
}
