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
// (rules.ts), the incremental one (incremental/RuleCosts.ts), the repair's rule check and the
// pre-check all count through dayLimitBreaks.
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

/** The rule's count: the sum of dayLimitBreaks' costs. */
export function dayLimitCost(
  p: CompiledProblem,
  rule: CompiledRule,
  sessions: readonly number[],
  slot: Int32Array,
  span: Int32Array,
): number {
  let n = 0;
  for (const b of dayLimitBreaks(p, rule, sessions, slot, span)) n += b.cost;
  return n;
}
