// Small colleges for the MIP's hard-rule tests (hardRules.test.ts, sessionRules.test.ts): courses A and
// B with their own faculty and groups, the rule under test, and a course K fixed where keeping the
// rule costs a student clash; solved by the MIP stage alone, with and without the rule's rows.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import type { Evaluation, Placement } from '../../../shared/eval/types.ts';
import type { RuleKind } from '../../../shared/model/types.ts';
import type { BuildOptions } from '../buildModel.ts';
import type { MipRunner } from '../MipRunner.ts';
import { mipSchedule } from '../mipSchedule.ts';
import { tinyProblem, type TinySpec } from './tinyProblem.ts';

/** Slot of day d, period q in a week of `periods` periods a day. */
export const at = (periods: number, d: number, q: number): number => d * periods + q;

/** Every slot but `keep` (an unavailable list that leaves only `keep`). */
export const allBut = (days: number, periods: number, keep: number[]): number[] =>
  Array.from({ length: days * periods }, (_, s) => s).filter((s) => !keep.includes(s));

/** A college of courses A and B (own faculty and groups), the rule, and K fixed at `kSlots` sharing students with `pushed`. */
export function college(opts: {
  days: number;
  periods: number;
  breaksAfter?: number[];
  rule: { kind: RuleKind; courses?: string[]; value?: number };
  a?: Partial<TinySpec['courses'][number]>;
  b?: Partial<TinySpec['courses'][number]>;
  kSlots: number[];
  pushed?: string;
}): TinySpec {
  return {
    days: opts.days,
    periods: opts.periods,
    breaksAfter: opts.breaksAfter,
    rooms: [
      { id: 'R1', capacity: 60 },
      { id: 'R2', capacity: 60 },
      { id: 'RK', capacity: 60, type: 'k' },
    ],
    faculty: [{ id: 'FA' }, { id: 'FB' }],
    groups: [
      { id: 'GA', size: 20 },
      { id: 'GB', size: 20 },
    ],
    courses: [
      { id: 'A', sessions: 1, faculty: ['FA'], groups: ['GA'], ...opts.a },
      { id: 'B', sessions: 1, faculty: ['FB'], groups: ['GB'], ...opts.b },
      { id: 'K', sessions: opts.kSlots.length, roomType: 'k', students: 10 },
    ],
    fixed: opts.kSlots.map((slot, session) => ({ course: 'K', session, slot, room: 'RK' })),
    rules: [{ kind: opts.rule.kind, courses: opts.rule.courses ?? ['A', 'B'], value: opts.rule.value }],
    shared: [['K', opts.pushed ?? 'B', 10]],
  };
}

const free = (n: number): Placement => ({
  slot: new Int32Array(n).fill(-1),
  room: new Int32Array(n).fill(-1),
});

export async function solveMip(
  runner: MipRunner,
  spec: TinySpec,
  build?: BuildOptions,
  tweak?: (p: CompiledProblem) => void,
): Promise<{ ev: Evaluation; pl: Placement }> {
  const p = tinyProblem(spec);
  tweak?.(p);
  const community = Int32Array.from({ length: p.nCourses }, (_, c) => c);
  const r = await mipSchedule(p, free(p.nSessions), [community], {
    timeLimitMs: 10_000,
    seed: 1,
    runner,
    build,
  });
  return { ev: evaluate(p, r.placement), pl: r.placement };
}

/** Hard rule violations and unplaced sessions with the rows, and the rule violations without them. */
export async function withAndWithout(
  runner: MipRunner,
  spec: TinySpec,
  kind: RuleKind,
): Promise<[Evaluation, Evaluation]> {
  const on = await solveMip(runner, spec);
  const off = await solveMip(runner, spec, { ruleKinds: (k) => k !== kind });
  return [on.ev, off.ev];
}
