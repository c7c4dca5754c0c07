// A greedy start for the MIP: course by course (fewest options first), sessions take start variables
// spread over days (in the order `prefer` gives, gapPreference.ts: fewest idle periods added first)
// while every packing row stays within its bound, switching on day indicators as
// needed. Start variables tied one to one by pairing rows (same_time, consecutive: x[a, s] = x[c, t])
// are taken together as a block; variables in other pairing rows are left to HiGHS. Sessions with start
// variables of their own (sessionVars.ts) then take their course's chosen starts, earliest first, and
// the rule slacks pay for what that breaks. The result (start and indicator values)
// is given to HiGHS as a starting solution, so even an interrupted solve returns at least this.
import type { StartPreference } from './gapPreference.ts';
import { COL_AUX, COL_INDICATOR, COL_START, ROW_PACK, ROW_PAIR, type MipModel } from './mipModel.ts';

export interface SparseStart {
  indices: Int32Array;
  values: Float64Array;
}

const EPS = 1e-9;

/** A session with start variables of its own (sessionVars.ts): its course and its column per slot. */
export interface NamedStart {
  course: number;
  y: ReadonlyMap<number, number>;
}

export function greedyStart(
  m: MipModel,
  xCourse: Int32Array,
  xSlot: Int32Array,
  needOf: ReadonlyMap<number, number>,
  nPeriods: number,
  named: readonly NamedStart[] = [],
  prefer: StartPreference | null = null,
): SparseStart {
  const { numRows, numCols, starts, indices, values, rowKind, colKind, rowUpper } = m;
  // Column-wise view of the rows (CSC).
  const colStart = new Int32Array(numCols + 1);
  for (const j of indices) colStart[j + 1]++;
  for (let j = 0; j < numCols; j++) colStart[j + 1] += colStart[j];
  const colRow = new Int32Array(indices.length);
  const colVal = new Float64Array(indices.length);
  const fill = colStart.slice(0, numCols);
  for (let i = 0; i < numRows; i++) {
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const at = fill[indices[k]]++;
      colRow[at] = i;
      colVal[at] = values[k];
    }
  }
  const act = new Float64Array(numRows);
  const value = new Uint8Array(numCols);
  const tieRow = new Uint8Array(numRows);
  for (let i = 0; i < numRows; i++) {
    const k = starts[i];
    tieRow[i] =
      rowKind[i] === ROW_PAIR &&
      starts[i + 1] - k === 2 &&
      values[k] + values[k + 1] === 0 &&
      m.rowLower[i] === 0 &&
      rowUpper[i] === 0
        ? 1
        : 0;
  }
  const indicatorIn = (i: number, pending: readonly number[]): number => {
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const j = indices[k];
      if (colKind[j] === COL_INDICATOR && values[k] < 0 && !value[j] && !pending.includes(j)) return k;
    }
    return -1;
  };
  /** The indicators start variable j needs switched on, or null when it does not fit. */
  const fits = (j: number): number[] | null => {
    const needY: number[] = [];
    const extra = new Map<number, number>(); // row -> activity the indicators in needY add
    const rowAct = (i: number): number => act[i] + (extra.get(i) ?? 0);
    for (let k = colStart[j]; k < colStart[j + 1]; k++) {
      const i = colRow[k];
      if (tieRow[i]) continue;
      if (rowKind[i] === ROW_PAIR) return null;
      if (rowKind[i] !== ROW_PACK || rowAct(i) + colVal[k] <= rowUpper[i] + EPS) continue;
      const ky = indicatorIn(i, needY);
      if (ky < 0 || rowAct(i) + colVal[k] + values[ky] > rowUpper[i] + EPS) return null;
      const y = indices[ky];
      for (let q = colStart[y]; q < colStart[y + 1]; q++) {
        const r = colRow[q];
        if (rowKind[r] === ROW_PACK && colVal[q] > 0 && rowAct(r) + colVal[q] > rowUpper[r] + EPS)
          return null;
      }
      needY.push(y);
      for (let q = colStart[y]; q < colStart[y + 1]; q++)
        extra.set(colRow[q], (extra.get(colRow[q]) ?? 0) + colVal[q]);
    }
    return needY;
  };
  const take = (j: number): void => {
    value[j] = 1;
    for (let k = colStart[j]; k < colStart[j + 1]; k++) act[colRow[k]] += colVal[k];
  };
  const untake = (j: number): void => {
    value[j] = 0;
    for (let k = colStart[j]; k < colStart[j + 1]; k++) act[colRow[k]] -= colVal[k];
  };
  const blockOf = tieBlocks(m, tieRow);
  const isNamed = new Set(named.flatMap((n) => [...n.y.values()]));
  const placed = new Map<number, number>();
  /** Takes j with its tie block (and the indicators they need), or nothing. */
  const takeBlock = (j: number): boolean => {
    const members = blockOf.get(j) ?? [j];
    const done: number[] = [];
    for (const mj of members) {
      const ys = value[mj] || m.colUpper[mj] < 0.5 ? null : fits(mj);
      if (!ys) {
        for (const t of done.reverse()) untake(t);
        return false;
      }
      for (const y of ys) {
        take(y);
        done.push(y);
      }
      take(mj);
      done.push(mj);
    }
    for (const mj of members)
      if (mj < xCourse.length) placed.set(xCourse[mj], (placed.get(xCourse[mj]) ?? 0) + 1);
    return true;
  };
  // Start variables of each course are contiguous; order courses by options per session needed.
  const ranges: Array<{ c: number; from: number; to: number }> = [];
  for (let j = 0; j < xCourse.length;) {
    let e = j;
    while (e < xCourse.length && xCourse[e] === xCourse[j]) e++;
    ranges.push({ c: xCourse[j], from: j, to: e });
    j = e;
  }
  const need = (c: number): number => needOf.get(c) ?? 0;
  ranges.sort(
    (a, b) =>
      (a.to - a.from) / Math.max(1, need(a.c)) - (b.to - b.from) / Math.max(1, need(b.c)) || a.c - b.c,
  );
  for (const { c, from, to } of ranges) {
    const left = (): number => need(c) - (placed.get(c) ?? 0);
    const usedDay = new Set<number>();
    const order = prefer?.order(c, from, to);
    for (let pass = 0; pass < 2 && left() > 0; pass++) {
      for (let k = 0; k < to - from && left() > 0; k++) {
        const j = order ? order[k] : from + k;
        if (value[j] || m.colUpper[j] < 0.5 || colKind[j] !== COL_START) continue;
        const day = Math.floor(xSlot[j] / nPeriods);
        if (pass === 0 && usedDay.has(day)) continue;
        if (takeBlock(j)) {
          usedDay.add(day);
          prefer?.taken(j);
        }
      }
    }
  }
  /** Switches on the indicator of each row the named start y overfills; returns them. */
  const fix = (y: number): number[] => {
    // min_days_between's "has a session in this window"; the rule slacks are completed below.
    const on: number[] = [];
    for (let k = colStart[y]; k < colStart[y + 1]; k++) {
      const i = colRow[k];
      if (rowKind[i] !== ROW_PACK || act[i] <= rowUpper[i] + EPS) continue;
      for (let q = starts[i]; q < starts[i + 1]; q++) {
        const z = indices[q];
        if (colKind[z] === COL_INDICATOR && values[q] < 0 && !value[z] && !isNamed.has(z)) {
          take(z);
          on.push(z);
          break;
        }
      }
    }
    return on;
  };
  /** Packing rows of these columns over their bound (each counted once). */
  const overfilled = (cols: readonly number[]): number => {
    const rows = new Set<number>();
    for (const j of cols)
      for (let k = colStart[j]; k < colStart[j + 1]; k++) {
        const i = colRow[k];
        if (rowKind[i] === ROW_PACK && act[i] > rowUpper[i] + EPS) rows.add(i);
      }
    return rows.size;
  };
  /** Rows left over their bound (rules the slacks pay for) if y were taken. */
  const cost = (y: number): number => {
    take(y);
    const on = fix(y);
    const n = overfilled([y, ...on]);
    for (const z of on) untake(z);
    untake(y);
    return n;
  };
  nameStarts(named, ranges, xSlot, value, cost, (y) => {
    take(y);
    fix(y);
  });
  return completeAux(m, value);
}

/**
 * Named sessions take their course's chosen starts (each of its named sessions one, the rest staying
 * with the course's other sessions): each the free one that leaves the fewest rule rows broken, the
 * earliest among equals.
 */
function nameStarts(
  named: readonly NamedStart[],
  ranges: ReadonlyArray<{ c: number; from: number; to: number }>,
  xSlot: Int32Array,
  value: Uint8Array,
  cost: (y: number) => number,
  name: (y: number) => void,
): void {
  if (named.length === 0) return;
  const rangeOf = new Map(ranges.map((r) => [r.c, r]));
  const byCourse = new Map<number, NamedStart[]>();
  for (const n of named) byCourse.set(n.course, [...(byCourse.get(n.course) ?? []), n]);
  for (const [c, list] of byCourse) {
    const r = rangeOf.get(c);
    if (!r) continue;
    const free: number[] = [];
    for (let j = r.from; j < r.to; j++) if (value[j]) free.push(xSlot[j]);
    free.sort((a, b) => a - b);
    for (const n of list) {
      let best = -1;
      let bestCost = Infinity;
      free.forEach((t, i) => {
        const y = n.y.get(t);
        if (y === undefined || bestCost === 0) return;
        const k = cost(y);
        if (k < bestCost) [best, bestCost] = [i, k];
      });
      if (best < 0) continue;
      name(n.y.get(free[best])!);
      free.splice(best, 1);
    }
  }
}

/** Start variables joined by tie rows (x[a] = x[c]): each member of a block maps to the whole block. */
function tieBlocks(m: MipModel, tieRow: Uint8Array): Map<number, number[]> {
  const parent = new Map<number, number>();
  const find = (j: number): number => {
    let r = j;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (let i = 0; i < m.numRows; i++) {
    if (!tieRow[i]) continue;
    const a = find(m.indices[m.starts[i]]);
    const b = find(m.indices[m.starts[i] + 1]);
    if (!parent.has(a)) parent.set(a, a);
    if (a !== b) parent.set(b, a);
  }
  const blocks = new Map<number, number[]>();
  for (const j of parent.keys()) {
    const r = find(j);
    const list = blocks.get(r) ?? [];
    list.push(j);
    blocks.set(r, list);
  }
  const out = new Map<number, number[]>();
  for (const list of blocks.values()) {
    list.sort((x, y) => x - y);
    for (const j of list) out.set(j, list);
  }
  return out;
}

/**
 * Values for the continuous columns given the start and indicator values: rows in build order, each
 * row's unset auxiliary column set to the value nearest its lower bound that satisfies the row
 * (misses, spread shortfall, gap slacks are defined by the row that introduces them); a later row
 * that an auxiliary column set earlier violates moves it just enough.
 */
function completeAux(m: MipModel, chosen: Uint8Array): SparseStart {
  const { numRows, numCols, starts, indices, values, colKind, rowLower, rowUpper, colLower, colUpper } = m;
  const x = new Float64Array(numCols);
  const set = new Uint8Array(numCols);
  for (let j = 0; j < numCols; j++) {
    if (colKind[j] !== COL_AUX) {
      x[j] = chosen[j];
      set[j] = 1;
    }
  }
  for (let i = 0; i < numRows; i++) {
    let act = 0;
    let free = -1;
    let firstAux = -1;
    for (let k = starts[i]; k < starts[i + 1]; k++) {
      const j = indices[k];
      if (set[j]) act += values[k] * x[j];
      else if (free < 0) free = k;
      if (firstAux < 0 && colKind[j] === COL_AUX) firstAux = k;
    }
    if (free < 0) {
      // Every column set (an auxiliary bounded by several rows, like a day's last busy period): when
      // the row is violated, move its first auxiliary column as little as needed, within its bounds.
      if (firstAux < 0 || (act >= rowLower[i] - EPS && act <= rowUpper[i] + EPS)) continue;
      const j = indices[firstAux];
      const a = values[firstAux];
      const rest = act - a * x[j];
      const lo = a > 0 ? (rowLower[i] - rest) / a : (rowUpper[i] - rest) / a;
      const hi = a > 0 ? (rowUpper[i] - rest) / a : (rowLower[i] - rest) / a;
      x[j] = Math.min(Math.max(x[j], lo, colLower[j]), hi, colUpper[j]);
      continue;
    }
    const j = indices[free];
    const a = values[free];
    // lo <= act + a·v <= hi  ->  interval for v, then clamp to the column's bounds (nearest to its lower bound).
    let lo = colLower[j];
    let hi = colUpper[j];
    if (a > 0) {
      lo = Math.max(lo, (rowLower[i] - act) / a);
      hi = Math.min(hi, (rowUpper[i] - act) / a);
    } else {
      lo = Math.max(lo, (rowUpper[i] - act) / a);
      hi = Math.min(hi, (rowLower[i] - act) / a);
    }
    x[j] = Math.min(Math.max(lo, colLower[j]), hi);
    set[j] = 1;
  }
  return { indices: Int32Array.from({ length: numCols }, (_, j) => j), values: x };
}
