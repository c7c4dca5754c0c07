// The few best starts of a session kept in rows (slots, rooms, scores) sorted best first, for the
// repair's searches that try a session's best starts in order (ejectionChain.ts, blockerEjection.ts).

/** Insert (t, r) with `score` into the best-first rows of length n (at most their size); the new n. */
export function insertBest(
  T: Int32Array,
  R: Int32Array,
  S: Float64Array,
  n: number,
  t: number,
  r: number,
  score: number,
): number {
  const size = T.length;
  if (n === size && score >= S[size - 1]) return n;
  let j = n < size ? n++ : size - 1;
  while (j > 0 && S[j - 1] > score) {
    S[j] = S[j - 1];
    T[j] = T[j - 1];
    R[j] = R[j - 1];
    j--;
  }
  S[j] = score;
  T[j] = t;
  R[j] = r;
  return n;
}
