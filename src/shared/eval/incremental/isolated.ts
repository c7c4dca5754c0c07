// Counting isolated sessions (a busy period with no busy neighbour on its day) from a day row's busy
// bit mask, for move deltas priced without applying the move (FastMoveDelta, the flat search).

/**
 * Isolated sessions of a day row with busy mask `mask`: each busy period with no busy neighbour
 * counts its sessions, occ[base + q] adjusted by `addA` at period qa and `addB` at period qb.
 */
export function isolated(
  occ: Int32Array,
  base: number,
  mask: number,
  qa: number,
  addA: number,
  qb: number,
  addB: number,
): number {
  let iso = mask & ~(mask >>> 1) & ~(mask << 1);
  let n = 0;
  while (iso !== 0) {
    const q = 31 - Math.clz32(iso & -iso);
    n += occ[base + q] + (q === qa ? addA : 0) + (q === qb ? addB : 0);
    iso &= iso - 1;
  }
  return n;
}
