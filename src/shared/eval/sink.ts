// Collects an evaluation: counts by kind and, when details are asked for, each violation with its
// plain-words message (messages are built lazily so that bulk evaluation stays cheap).
import type { Evaluation, HardKind, SoftKind, Violation } from './types.ts';
import { HARD_KINDS, SOFT_KINDS } from './types.ts';

export class EvalSink {
  readonly hard: Record<HardKind, number>;
  readonly soft: Record<SoftKind, number>;
  readonly violations: Violation[] | null;

  constructor(details: boolean) {
    this.hard = Object.fromEntries(HARD_KINDS.map((k) => [k, 0])) as Record<HardKind, number>;
    this.soft = Object.fromEntries(SOFT_KINDS.map((k) => [k, 0])) as Record<SoftKind, number>;
    this.violations = details ? [] : null;
  }

  /** `count` hard violations of `kind`; `sessions`/`message` are only called when details are kept. */
  addHard(kind: HardKind, count: number, sessions: () => number[], message: () => string): void {
    if (count <= 0) return;
    this.hard[kind] += count;
    this.violations?.push({ kind, hard: true, cost: count, sessions: sessions(), message: message() });
  }

  /** A soft cost already multiplied by its weight. */
  addSoft(kind: SoftKind, cost: number, sessions: () => number[], message: () => string): void {
    if (cost <= 0) return;
    this.soft[kind] += cost;
    this.violations?.push({ kind, hard: false, cost, sessions: sessions(), message: message() });
  }

  result(): Evaluation {
    let hardTotal = 0;
    let softTotal = 0;
    for (const k of HARD_KINDS) hardTotal += this.hard[k];
    for (const k of SOFT_KINDS) softTotal += this.soft[k];
    return { hardTotal, softTotal, hard: this.hard, soft: this.soft, violations: this.violations ?? [] };
  }
}
