// Solve jobs: the solver pool (bulkhead), watchdog, checkpoints, retries and the job queue.
export { runSolveJob, resumeSolveJobs, type RunSolveJobOptions } from './runSolveJob.ts';
export { JobRunner, type JobRunnerOptions, type SubmitOptions } from './JobRunner.ts';
export { type JobOutcome } from './SolveJob.ts';
export { SolverPool, defaultPoolSize, type SolverPoolOptions, type WorkerEvent } from './SolverPool.ts';
export { createForkSpawner, SOLVER_ENTRY } from './forkSpawner.ts';
export type { ProcessSpawner, SolverChild, SpawnOptions, ExitInfo } from './ProcessSpawner.ts';
export { AttemptError } from './AttemptError.ts';
export { DEFAULT_STALL_TIMEOUT_MS } from './Watchdog.ts';
export { formatJobEvent } from './formatJobEvent.ts';
export { submitOptionsFromRequest } from './submitOptions.ts';
export { type ActivatePolicy } from './activation.ts';
export { startingPoint, StartError, type StartMode, type StartRequest } from './startFrom.ts';
