// The people a community's model covers, for the rows on faculty and student-set limits.
import type { CompiledProblem } from '../../shared/compiled/types.ts';

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
