// A MIP in the flat form HiGHS takes (rows in CSR), built with growable arrays and handed to the
// worker as transferable typed arrays. Pure data: the worker imports only this type.

export interface MipModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  /** 1 = integer, 0 = continuous. */
  integrality: Int32Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR: row i's entries are [starts[i], starts[i+1]). */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** Per row, for the warm start: ROW_PACK (≤ upper must hold), ROW_FREE (completed by HiGHS), ROW_PAIR. */
  rowKind: Uint8Array;
  /** Per column: COL_START (a start variable), COL_INDICATOR (binary implied by starts), COL_AUX (continuous). */
  colKind: Uint8Array;
}

export const ROW_PACK = 0;
export const ROW_FREE = 1;
export const ROW_PAIR = 2;
export const COL_START = 0;
export const COL_INDICATOR = 1;
export const COL_AUX = 2;

/** The typed arrays of a model, for postMessage transfer lists. */
export function modelBuffers(m: MipModel): ArrayBuffer[] {
  return [
    m.colCost,
    m.colLower,
    m.colUpper,
    m.integrality,
    m.rowLower,
    m.rowUpper,
    m.starts,
    m.indices,
    m.values,
    m.rowKind,
    m.colKind,
  ].map((a) => a.buffer as ArrayBuffer);
}

export class ModelBuilder {
  private cost: number[] = [];
  private lower: number[] = [];
  private upper: number[] = [];
  private integer: number[] = [];
  private colKind: number[] = [];
  private rowKind: number[] = [];
  private rowLo: number[] = [];
  private rowHi: number[] = [];
  private starts: number[] = [0];
  private idx: number[] = [];
  private val: number[] = [];

  get numCols(): number {
    return this.cost.length;
  }

  get numRows(): number {
    return this.rowLo.length;
  }

  addCol(cost: number, lower: number, upper: number, integer: boolean, kind = COL_START): number {
    this.colKind.push(kind);
    this.cost.push(cost);
    this.lower.push(lower);
    this.upper.push(upper);
    this.integer.push(integer ? 1 : 0);
    return this.cost.length - 1;
  }

  setUpper(col: number, upper: number): void {
    this.upper[col] = Math.min(this.upper[col], upper);
  }

  upperOf(col: number): number {
    return this.upper[col];
  }

  /** Adds lo <= Σ coef[i]·x[cols[i]] <= hi (coefficient 1 when coefs is omitted). */
  addRow(
    cols: readonly number[],
    coefs: readonly number[] | null,
    lo: number,
    hi: number,
    kind = ROW_PACK,
  ): void {
    this.rowKind.push(kind);
    for (let i = 0; i < cols.length; i++) {
      this.idx.push(cols[i]);
      this.val.push(coefs ? coefs[i] : 1);
    }
    this.starts.push(this.idx.length);
    this.rowLo.push(lo);
    this.rowHi.push(hi);
  }

  build(): MipModel {
    return {
      numCols: this.cost.length,
      numRows: this.rowLo.length,
      colCost: Float64Array.from(this.cost),
      colLower: Float64Array.from(this.lower),
      colUpper: Float64Array.from(this.upper),
      integrality: Int32Array.from(this.integer),
      rowLower: Float64Array.from(this.rowLo),
      rowUpper: Float64Array.from(this.rowHi),
      starts: Int32Array.from(this.starts),
      indices: Int32Array.from(this.idx),
      values: Float64Array.from(this.val),
      rowKind: Uint8Array.from(this.rowKind),
      colKind: Uint8Array.from(this.colKind),
    };
  }
}
