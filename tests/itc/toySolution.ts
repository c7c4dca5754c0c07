// A conflict-free, zero-cost solution of the ITC-2007 toy instance (qub-2007-release/toy.ctt).
// Cur1 = SceCosC ArcTec TecCos, Cur2 = TecCos Geotec. TecCos opens every day in B, Geotec follows
// it in A, and one Cur1 lecture follows TecCos each day, so no curriculum lecture is isolated.
export const ZERO_COST_TOY_SOLUTION: readonly string[] = [
  'TecCos B 0 0',
  'TecCos B 1 0',
  'TecCos B 2 2',
  'TecCos B 3 0',
  'TecCos B 4 0',
  'Geotec A 0 1',
  'Geotec A 1 1',
  'Geotec A 2 3',
  'Geotec A 3 1',
  'Geotec A 4 1',
  'SceCosC B 0 1',
  'SceCosC B 2 1',
  'SceCosC B 4 1',
  'ArcTec B 0 2',
  'ArcTec B 1 1',
  'ArcTec B 3 1',
];
