// Building compressed lists (Csr) from plain arrays of rows.
import type { Csr } from './types.ts';

export function csrFromRows(rows: ArrayLike<number>[]): Csr {
  const offsets = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) offsets[r + 1] = offsets[r] + rows[r].length;
  const items = new Int32Array(offsets[rows.length]);
  for (let r = 0; r < rows.length; r++) items.set(rows[r], offsets[r]);
  return { offsets, items };
}

/** Items of row r as a fresh array (for setup code and tests, not hot paths). */
export function csrRow(csr: Csr, r: number): number[] {
  return Array.from(csr.items.subarray(csr.offsets[r], csr.offsets[r + 1]));
}

/** The inverse relation: row i of the result lists every r whose row contains i. */
export function csrInvert(csr: Csr, nTargets: number): Csr {
  const counts = new Int32Array(nTargets + 1);
  for (let k = 0; k < csr.items.length; k++) counts[csr.items[k] + 1]++;
  for (let i = 0; i < nTargets; i++) counts[i + 1] += counts[i];
  const offsets = counts.slice();
  const fill = counts.slice(0, nTargets);
  const items = new Int32Array(csr.items.length);
  const nRows = csr.offsets.length - 1;
  for (let r = 0; r < nRows; r++) {
    for (let k = csr.offsets[r]; k < csr.offsets[r + 1]; k++) items[fill[csr.items[k]]++] = r;
  }
  return { offsets, items };
}
