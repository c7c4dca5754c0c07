// From the UI's validated "generate" request (seconds) to the job queue's options (milliseconds).
// A generate from the UI always keeps the locked sessions of the timetable it starts from (the
// active one unless `from` says otherwise), and its result never replaces a better active one.
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
    start: { mode: req.start ?? 'new', from: req.from },
  };
}
