// The FET export writes a group's limits on the FET year of each student set with no sets below it:
// each such set with its chain of ancestors (itself first), whose limits it inherits.
import type { Group } from '../../shared/model/index.ts';

/** Every group that is no one's parent, with itself and its ancestors (nearest first). */
export function leafSetChains(groups: readonly Group[]): Array<[Group, Group[]]> {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const parents = new Set(groups.flatMap((g) => (g.parent ? [g.parent] : [])));
  const out: Array<[Group, Group[]]> = [];
  for (const set of groups) {
    if (parents.has(set.id)) continue;
    const chain: Group[] = [];
    for (
      let g: Group | undefined = set;
      g && !chain.includes(g);
      g = g.parent ? byId.get(g.parent) : undefined
    )
      chain.push(g);
    out.push([set, chain]);
  }
  return out;
}
