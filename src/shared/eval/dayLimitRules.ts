// max_per_day and max_continuous (docs/WORKBOOK.md "Rules"): limits on the periods the sessions of a
// rule's members cover in one day, as if they were one person's timetable. Over the placed sessions
// of the members, each counted once, a session covering the periods slot .. slot + span - 1 of its
// day (a period covered by several of them counts once):
// - max_per_day: on each day they cover at most `value` periods; 1 per period beyond, per day
//   (FET's activity tag max hours daily, given a teacher's or subgroup's sessions with the tag);
// - max_continuous: on each day no run of covered periods (each adjacent to the next, as for Faculty
//   `max_continuous`: continuous.ts) is longer than `value`; per day, the periods above the limit
//   summed over the day's runs (FET's activity tag max hours continuously).
// One break per day over the limit, that day's covering sessions to blame. The full evaluator
// (rules.ts) and the pre-check count through dayLimitBreaks; the incremental one
// (incremental/RuleCosts.ts) and the repair's rule check, on every move, through the covered-slot
// helpers below (no allocation), which count the same.
import type { CompiledProblem, CompiledRule } from '../compiled/types.ts';
import type { RuleKind } from '../model/types.ts';
import { dayRuns } from './continuous.ts';

export interface DayLimitBreak {
  day: number;
  cost: number;
  sessions: number[];
}

export function isDayLimitKind(kind: RuleKind): kind is 'max_per_day' | 'max_continuous' {
  return kind === 'max_per_day' || kind === 'max_continuous';
}

/** What the rule breaks, given the placed sessions of its members (each once), their slots and spans. */
export function dayLimitBreaks(
  p: CompiledProblem,
  rule: CompiledRule,
  sessions: readonly number[],
  slot: Int32Array,
  span: Int32Array,
): DayLimitBreak[] {
  const nP = p.nPeriods;
  const byDay = new Map<number, number[]>();
  for (const s of sessions) {
    const d = (slot[s] / nP) | 0;
    const list = byDay.get(d);
    if (list) list.push(s);
    else byDay.set(d, [s]);
  }
  const out: DayLimitBreak[] = [];
  const occ = new Uint8Array(nP);
  for (const d of [...byDay.keys()].sort((a, b) => a - b)) {
    const list = byDay.get(d)!;
    occ.fill(0);
    for (const s of list) {
      const q0 = slot[s] - d * nP;
      for (let q = q0; q < q0 + span[s] && q < nP; q++) occ[q] = 1;
    }
    let cost: number;
    if (rule.kind === 'max_per_day') {
      let covered = 0;
      for (let q = 0; q < nP; q++) covered += occ[q];
      cost = covered - rule.value;
    } else {
      // dayRuns reads a limit of 0 as none; the contract's max_continuous value is at least 1.
      cost = dayRuns(p, occ, 0, Math.max(1, rule.value)).excess;
    }
    if (cost > 0) out.push({ day: d, cost, sessions: list });
  }
  return out;
}

/** Is the rule over its limit on a day whose covered periods are covered[0 .. nPeriods - 1]? */
export function dayLimitOver(p: CompiledProblem, rule: CompiledRule, covered: Uint8Array): boolean {
  if (rule.kind === 'max_per_day') {
    let c = 0;
    for (let q = 0; q < p.nPeriods; q++) c += covered[q];
    return c > rule.value;
  }
  return dayRuns(p, covered, 0, Math.max(1, rule.value)).excess > 0;
}

/** Covered slots of one count, kept between calls: the search recounts a rule on every move. */
let covered = new Uint8Array(0);

/** The cleared covered-slot array (nSlots long) that markCovered fills and coveredCost reads. */
export function clearedCover(p: CompiledProblem): Uint8Array {
  if (covered.length < p.nSlots) covered = new Uint8Array(p.nSlots);
  covered.fill(0, 0, p.nSlots);
  return covered;
}

/** Marks the periods session s covers (slot .. slot + span - 1, within its day). */
export function markCovered(p: CompiledProblem, cover: Uint8Array, slot: number, span: number): void {
  const end = Math.min(slot + span, slot - (slot % p.nPeriods) + p.nPeriods);
  for (let t = slot; t < end; t++) cover[t] = 1;
}

/** The rule's count over the marked slots: per day, the periods beyond value, or of runs beyond it. */
export function coveredCost(p: CompiledProblem, rule: CompiledRule, cover: Uint8Array): number {
  const nP = p.nPeriods;
  let n = 0;
  for (let d = 0; d < p.nDays; d++) {
    const base = d * nP;
    if (rule.kind === 'max_per_day') {
      let c = 0;
      for (let q = 0; q < nP; q++) c += cover[base + q];
      if (c > rule.value) n += c - rule.value;
    } else n += dayRuns(p, cover, base, Math.max(1, rule.value)).excess;
  }
  return n;
}
