// The rules kept by counters (src/shared/eval/incremental/RuleCounters.ts: max_per_day,
// max_continuous, the slot-list kinds and the pair rules) and ends_day (read off the student sets'
// occupancy) must count what the full evaluator counts after every change, also when a rule has
// many members (whole courses and single sessions) and when the moves are priced without being kept.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/shared/compiled/compile.ts';
import { everyRule } from '../../src/shared/compiled/ruleMembers.ts';
import type { College } from '../../src/shared/model/types.ts';
import { Rng } from '../../src/solver/Rng.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { HARD_KINDS, SOFT_KINDS } from '../../src/shared/eval/types.ts';
import { IncrementalState } from '../../src/shared/eval/incremental/IncrementalState.ts';
import { LK } from '../../src/shared/eval/incremental/RuleCounters.ts';
import { randomCollege } from '../eval/randomCollege.ts';

/** The college with a wide copy of each rule: most courses, whole or by some of their sessions. */
function widened(college: College, seed: number): College {
  const rng = new Rng(seed);
  const partRng = new Rng(seed + 500); // the parts of the added members, apart from the rest
  const extra = college.rules.map((r) => {
    const courses = [...r.courses];
    const named = new Set(r.courses.map((m) => m.split('#')[0]));
    for (const c of college.courses) {
      if (named.has(c.id) || rng.int(4) === 0) continue;
      if (rng.int(3) > 0) courses.push(c.id);
      else for (let k = 1; k <= c.sessions; k++) if (rng.int(2) === 0) courses.push(`${c.id}#${k}`);
    }
    const parts = r.parts && [...r.parts, ...courses.slice(r.courses.length).map(() => partRng.int(3))];
    return { ...r, courses, ...(parts ? { parts } : {}) };
  });
  return { ...college, rules: [...college.rules, ...extra] };
}

function expectRulesAgree(st: IncrementalState, step: number): void {
  const full = evaluate(st.problem, st.snapshot(), { details: false });
  const rule = HARD_KINDS.indexOf('rule');
  const soft = SOFT_KINDS.indexOf('soft_rule');
  expect({ step, hard: st.hard[rule], soft: Math.round(st.soft[soft] * 1e6) / 1e6 }).toEqual({
    step,
    hard: full.hard.rule,
    soft: Math.round(full.soft.soft_rule * 1e6) / 1e6,
  });
  expect(st.hardTotal).toBe(full.hardTotal);
}

describe('rules kept by counters', () => {
  it('agree with the evaluator on wide rules after every move, swap and priced trial', () => {
    const counted = new Set<number>();
    const out = new Float64Array(2);
    for (let seed = 1; seed <= 20; seed++) {
      const p = compile(widened(randomCollege(7000 + seed), seed));
      const st = new IncrementalState(p);
      everyRule(p).forEach((_, i) => counted.add(st.rules.countedBy(i)));
      const rng = new Rng(seed);
      for (let s = 0; s < p.nSessions; s++) st.move(s, rng.int(p.nSlots), rng.int(p.nRooms));
      expectRulesAgree(st, seed * 1000);
      for (let step = 1; step <= 250; step++) {
        const s = rng.int(p.nSessions);
        const roll = rng.int(8);
        if (roll === 0) st.move(s, -1, -1);
        else if (roll === 1) st.swap(s, rng.int(p.nSessions));
        else if (roll === 2) {
          // Another session of its course's start: a duplicate, counted unplaced.
          const c = p.sessionCourse[s];
          const other = p.courseFirstSession[c] + rng.int(p.courseSessionCount[c]);
          st.move(s, st.slot[other] >= 0 ? st.slot[other] : rng.int(p.nSlots), rng.int(p.nRooms));
        } else if (roll === 3) {
          const h = st.hardTotal;
          const v = st.softTotal;
          st.deltaMove(s, rng.int(p.nSlots), rng.int(p.nRooms), out);
          expect([st.hardTotal, st.softTotal]).toEqual([h, v]);
        } else if (roll === 4) {
          // Next to where it is: a day's covered periods and runs grow, shrink and join.
          const t = st.slot[s] >= 0 ? st.slot[s] + rng.int(3) - 1 : rng.int(p.nSlots);
          st.move(s, t, st.room[s] >= 0 ? st.room[s] : rng.int(p.nRooms));
        } else st.move(s, rng.int(p.nSlots), st.room[s] >= 0 ? st.room[s] : rng.int(p.nRooms));
        expectRulesAgree(st, seed * 1000 + step);
      }
    }
    // Every way of counting was exercised, and some rules were recounted whole.
    expect([...counted].sort((a, b) => a - b)).toEqual([...Object.values(LK)].sort((a, b) => a - b));
  }, 60_000);
});
