// From the UI's validated "generate" request (seconds) to the job queue's options (milliseconds).
import type { JobStartRequest } from '../../shared/ipc/jobEvents.ts';
import type { SubmitOptions } from './JobRunner.ts';

export function submitOptionsFromRequest(req: JobStartRequest): SubmitOptions {
  return {
    timeLimitMs: Math.round(req.timeLimitS * 1000),
    seed: req.seed,
    variants: req.variants,
    stallTimeoutMs: req.stallTimeoutS === undefined ? undefined : Math.round(req.stallTimeoutS * 1000),
    name: req.name,
    weights: req.weights,
  };
}
