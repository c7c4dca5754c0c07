// Per-dataset circuit breaker over solver stages: a skippable stage that failed CIRCUIT_THRESHOLD
// times is opened (skipped from then on, the fallback path runs instead).
import type { SolverStage } from '../../shared/solver/protocol.ts';
import { CIRCUIT_THRESHOLD, SKIPPABLE_STAGES } from './jobOptions.ts';

export class CircuitBreaker {
  private readonly failures = new Map<SolverStage, number>();
  private readonly threshold: number;

  constructor(threshold = CIRCUIT_THRESHOLD) {
    this.threshold = threshold;
  }

  recordFailure(stage: SolverStage | null): void {
    if (stage) this.failures.set(stage, (this.failures.get(stage) ?? 0) + 1);
  }

  /** Stages to skip now, in pipeline order. */
  openStages(): SolverStage[] {
    return SKIPPABLE_STAGES.filter((s) => (this.failures.get(s) ?? 0) >= this.threshold);
  }
}
