// Tables of the flat search state (FlatCounts, FlatState).

/** |R(a) ∩ R(b)| for every pair of courses, R(c) = {c} ∪ faculty(c) ∪ student sets(c). */
export function sharedResources(
  nC: number,
  nF: number,
  facOff: Int32Array,
  facItems: Int32Array,
  setOff: Int32Array,
  setItems: Int32Array,
): Int32Array {
  const shared = new Int32Array(nC * nC);
  for (let c = 0; c < nC; c++) shared[c * nC + c] = 1;
  const users: number[][] = [];
  for (let c = 0; c < nC; c++) {
    for (let i = facOff[c]; i < facOff[c + 1]; i++) (users[facItems[i]] ??= []).push(c);
    for (let i = setOff[c]; i < setOff[c + 1]; i++) (users[nF + setItems[i]] ??= []).push(c);
  }
  for (const list of users) if (list) for (const a of list) for (const b of list) shared[a * nC + b]++;
  return shared;
}

/** The nonzero entries of `shared` row by row (CSR): course and weight. */
export function neighbours(
  nC: number,
  shared: Int32Array,
): { offsets: Int32Array; course: Int32Array; weight: Int32Array } {
  const offsets = new Int32Array(nC + 1);
  const course: number[] = [];
  const weight: number[] = [];
  for (let a = 0; a < nC; a++) {
    for (let b = 0; b < nC; b++)
      if (shared[a * nC + b] !== 0) {
        course.push(b);
        weight.push(shared[a * nC + b]);
      }
    offsets[a + 1] = course.length;
  }
  return { offsets, course: Int32Array.from(course), weight: Int32Array.from(weight) };
}
