// Hard rules the course-level MIP can state linearly (WORKBOOK.md "Rules", counted as in
// src/shared/eval/rules.ts): same_time (equal start sets), consecutive (B's starts are A's shifted by
// A's length, same day, no break between: followsDirectly), different_days (at most one session of
// the listed courses per day). Paired rules apply only when all their courses are in this community
// with every session still free and equal session counts; otherwise local search repairs them.
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { followsDirectly } from '../../shared/eval/followsDirectly.ts';
import { ROW_PAIR, type ModelBuilder } from './mipModel.ts';
import type { Occupancy } from './occupancy.ts';

export function addRuleRows(
  p: CompiledProblem,
  b: ModelBuilder,
  courses: Int32Array,
  freeOf: Map<number, number>,
  varAt: Map<number, number>,
  occ: Occupancy,
): void {
  const { nSlots, nPeriods, nDays } = p;
  const inCommunity = new Set(courses);
  const x = (c: number, s: number): number | undefined => varAt.get(c * nSlots + s);
  const allFree = (c: number): boolean => freeOf.get(c) === p.courseSessionCount[c];
  for (const rule of p.rules) {
    if (!rule.hard) continue;
    const cs = Array.from(rule.courses);
    if (rule.kind === 'different_days') {
      const mine = cs.filter((c) => inCommunity.has(c) && freeOf.has(c));
      if (mine.length === 0) continue;
      for (let d = 0; d < nDays; d++) {
        const cols: number[] = [];
        for (const c of mine) {
          for (let s = d * nPeriods; s < (d + 1) * nPeriods; s++) {
            const j = x(c, s);
            if (j !== undefined) cols.push(j);
          }
        }
        let placed = 0;
        for (const c of cs) placed += occ.courseDay[c * nDays + d];
        if (cols.length > Math.max(0, 1 - placed)) b.addRow(cols, null, -Infinity, Math.max(0, 1 - placed));
      }
      continue;
    }
    if (rule.kind !== 'same_time' && rule.kind !== 'consecutive') continue;
    if (!cs.every((c) => inCommunity.has(c) && allFree(c))) continue;
    if (!cs.every((c) => p.courseSessionCount[c] === p.courseSessionCount[cs[0]])) continue;
    for (let i = 1; i < cs.length; i++) {
      const a = rule.kind === 'same_time' ? cs[0] : cs[i - 1];
      const c = cs[i];
      const shift = rule.kind === 'same_time' ? 0 : p.courseLength[a];
      const partnered = new Set<number>();
      for (let s = 0; s < nSlots; s++) {
        const ja = x(a, s);
        if (ja === undefined) continue;
        const t = s + shift;
        const follows = rule.kind === 'same_time' || followsDirectly(p, s, shift, t);
        const jc = follows ? x(c, t) : undefined;
        if (jc === undefined) {
          b.setUpper(ja, 0);
          continue;
        }
        partnered.add(jc);
        b.addRow([ja, jc], [1, -1], 0, 0, ROW_PAIR);
      }
      for (let t = 0; t < nSlots; t++) {
        const jc = x(c, t);
        if (jc !== undefined && !partnered.has(jc)) b.setUpper(jc, 0);
      }
    }
  }
}
