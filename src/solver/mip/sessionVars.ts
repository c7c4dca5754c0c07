// Start variables of their own for the sessions that rules name one by one (sessionRows.ts): y[s, t]
// for a named free session s, tied to its course's x: Σ_named y[s, t] <= x[c, t], and the course's
// other free sessions take its remaining starts (Σ_t x[c, t] - Σ_named,t y[s, t] <= unnamed free
// sessions). After the solve a named session takes the start of its y (applySessionStarts), the
// course's other free sessions the rest in time order.
import { COL_INDICATOR, ROW_FREE, ROW_PACK } from './mipModel.ts';
import type { RuleContext } from './ruleContext.ts';

/** The per-session start variables of one community's model. */
export interface SessionVars {
  /** Course of each named free session. */
  named: Map<number, number>;
  /** y[s, t] by s * nSlots + t. */
  y: Map<number, number>;
}

/** The named sessions as the greedy start takes them: course and column per slot. */
export function namedStarts(
  nSlots: number,
  vars: SessionVars,
): Array<{ course: number; y: Map<number, number> }> {
  const bySession = new Map<number, { course: number; y: Map<number, number> }>();
  for (const [s, course] of vars.named) bySession.set(s, { course, y: new Map() });
  for (const [key, j] of vars.y) bySession.get(Math.floor(key / nSlots))?.y.set(key % nSlots, j);
  return [...bySession.values()];
}

/** Start variables for the named sessions, tied to their courses' x. */
export function addSessionVars(ctx: RuleContext, named: ReadonlySet<number>): SessionVars {
  const { p, b } = ctx;
  const vars: SessionVars = { named: new Map(), y: new Map() };
  const byCourse = new Map<number, number[]>();
  for (const s of [...named].sort((x, z) => x - z)) {
    const c = p.sessionCourse[s];
    vars.named.set(s, c);
    byCourse.set(c, [...(byCourse.get(c) ?? []), s]);
  }
  for (const [c, sessions] of byCourse) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (let t = 0; t < p.nSlots; t++) {
      const jx = ctx.x(c, t);
      if (jx === undefined) continue;
      xs.push(jx);
      const here = sessions.map((s) => {
        const j = b.addCol(0, 0, 1, true, COL_INDICATOR);
        vars.y.set(s * p.nSlots + t, j);
        ys.push(j);
        return j;
      });
      b.addRow([...here, jx], [...here.map(() => 1), -1], -Infinity, 0, ROW_PACK);
    }
    for (const s of sessions) {
      const cols: number[] = [];
      for (let t = 0; t < p.nSlots; t++) {
        const j = vars.y.get(s * p.nSlots + t);
        if (j !== undefined) cols.push(j);
      }
      if (cols.length > 1) b.addRow(cols, null, -Infinity, 1, ROW_PACK);
    }
    const unnamed = (ctx.freeOf.get(c) ?? 0) - sessions.length;
    // ROW_FREE: the greedy start places all of the course's sessions and then names some (warmStart.ts).
    b.addRow([...xs, ...ys], [...xs.map(() => 1), ...ys.map(() => -1)], -Infinity, unnamed, ROW_FREE);
  }
  return vars;
}

/** Gives each named session the start its y chose (after applyStarts gave its course's starts in time order). */
export function applySessionStarts(
  nSlots: number,
  courseFirst: Int32Array,
  courseCount: Int32Array,
  named: ReadonlyMap<number, number>,
  y: ReadonlyMap<number, number>,
  x: Float64Array,
  before: Int32Array,
  slot: Int32Array,
): void {
  const chosen = new Map<number, number>();
  for (const [key, j] of y) if (x[j] > 0.5) chosen.set(Math.floor(key / nSlots), key % nSlots);
  const courses = new Set(named.values());
  for (const c of courses) {
    const free: number[] = [];
    const starts: number[] = [];
    for (let s = courseFirst[c]; s < courseFirst[c] + courseCount[c]; s++) {
      if (before[s] >= 0) continue;
      if (slot[s] >= 0) starts.push(slot[s]);
      free.push(s);
    }
    starts.sort((a, b) => a - b);
    // Named sessions take their y start; the other free sessions the remaining starts in time order.
    const taken = new Map<number, number>();
    for (const s of free) {
      const t = chosen.get(s);
      if (named.has(s) && t !== undefined) taken.set(t, (taken.get(t) ?? 0) + 1);
    }
    const rest: number[] = [];
    for (const t of starts) {
      const n = taken.get(t) ?? 0;
      if (n > 0) taken.set(t, n - 1);
      else rest.push(t);
    }
    let k = 0;
    for (const s of free) {
      if (named.has(s)) slot[s] = chosen.get(s) ?? -1;
      else slot[s] = k < rest.length ? rest[k++] : -1;
    }
  }
}
