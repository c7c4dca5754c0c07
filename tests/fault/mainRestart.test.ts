// The main side dies mid-job (a CLI process running the job is SIGKILLed) and is started again:
// its solver process does not outlive it, the job resumes from its checkpoint with the solving
// time it had left, finishes, and the project file passes `PRAGMA integrity_check`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { getJob, latestCheckpoint, listAttempts, openProject } from '../../src/main/db/index.ts';
import type { JobEvent } from '../../src/shared/ipc/jobEvents.ts';
import { FAKE_SOLVER, alive, sleep, solverUnderTest, tempProject, until } from './harness.ts';
import { tinyCollege } from '../fixtures/tinyCollege.ts';
import type { TempProject } from './harness.ts';

const JOB_MAIN = fileURLToPath(new URL('./fixtures/jobMain.ts', import.meta.url));

let project: TempProject | null = null;
const mains: MainRun[] = [];
afterEach(() => {
  for (const m of mains.splice(0)) if (alive(m.pid)) process.kill(m.pid, 'SIGKILL');
  project?.cleanup();
});

interface MainRun {
  pid: number;
  events: JobEvent[];
  exited: Promise<number | null>;
  outcomes: () => Array<{ status: string; jobId: number; hardTotal: number | null }> | null;
}

function startMain(args: string[], env: Record<string, string>): MainRun {
  const child = spawn(process.execPath, [JOB_MAIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: JobEvent[] = [];
  let outcomes: ReturnType<MainRun['outcomes']> = null;
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      const msg = JSON.parse(line) as
        JobEvent | { type: 'outcomes'; outcomes: ReturnType<MainRun['outcomes']> };
      if (msg.type === 'outcomes') outcomes = msg.outcomes;
      else events.push(msg);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const run = { pid: child.pid ?? 0, events, exited, outcomes: () => outcomes };
  mains.push(run);
  return run;
}

describe('main process killed mid-job', () => {
  it('resumes the job from its checkpoint on the next start', async () => {
    const solver = solverUnderTest();
    project = tempProject(solver.college());
    const path = project.path;
    project.db.close();
    const moduleArg = solver.runOptions.solverArgs?.[0]?.replace('--solver-module=', '');
    // No soft target here: the first run must still be solving when it is killed.
    const env = { FAKE_SOLVER_MS: '6000' };
    const timeLimitMs = 10_000;

    const first = startMain([path, 'run', String(timeLimitMs), ...(moduleArg ? [moduleArg] : [])], env);
    // Killed once it has solved for a while (past a few progress saves), so there is time to carry over.
    const progressed = (): boolean =>
      first.events.some(
        (e) => e.type === 'progress' && e.percent >= 30 && e.bestHard !== null && e.elapsedMs >= 1500,
      );
    await until(progressed, 25_000, 'the first run to make progress');
    const ro = openProject(path, { readonly: true });
    // Give a checkpoint (if the solver sends them: see checkpoints.test.ts) time to land.
    await until(() => latestCheckpoint(ro, 1) !== null, 1500, 'a checkpoint').catch(() => undefined);
    const saved = latestCheckpoint(ro, 1);
    ro.close();
    const started = first.events.find((e) => e.type === 'started');
    const solverPid = started?.type === 'started' ? (started.pid ?? 0) : 0;
    expect(solverPid).toBeGreaterThan(0);
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    // Its solver process notices that main is gone and exits.
    await until(() => !alive(solverPid), 3000, 'the orphaned solver to exit');

    const second = startMain([path, 'resume', ...(moduleArg ? [moduleArg] : [])], env);
    expect(await second.exited).toBe(0);
    const [outcome] = second.outcomes() ?? [];
    expect(outcome).toMatchObject({ jobId: 1, status: 'finished' });
    if (solver.real) expect(outcome.hardTotal).toBe(0);
    const resumed = second.events.find((e) => e.type === 'started');
    expect(resumed).toMatchObject({ attempt: 2, resumedFrom: saved?.stage ?? null });
    // The solving time already spent counts against the job's limit.
    expect(resumed?.elapsedMs).toBeGreaterThan(500);

    const db = openProject(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(getJob(db, 1)?.status).toBe('finished');
    const attempts = listAttempts(db, 1);
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'finished']);
    expect(attempts[0].reason).toMatch(/Interrupted/);
    if (saved) expect(attempts[1].strategy).toMatch(/resume:/);
    // The checkpoint saved before the crash is still there (or superseded by a better one).
    if (saved) expect(latestCheckpoint(db, 1)?.id).toBeGreaterThanOrEqual(saved.id);
    db.close();
  }, 60_000);
});

describe('main process killed while its solver is hung in a loop', () => {
  it('takes the solver down with it (no orphan left spinning)', async () => {
    project = tempProject(tinyCollege());
    const path = project.path;
    project.db.close();
    // The fake solver spins forever once it reaches `mip` (about 1.5 s in): it never sees its
    // IPC channel close, so only the solver process's parent watch can end it.
    const main = startMain([path, 'run', '20000', FAKE_SOLVER], { FAKE_SOLVER_FAULT: 'hang:mip' });
    const decomposing = (): boolean =>
      main.events.some((e) => e.type === 'progress' && e.stage === 'decompose');
    await until(decomposing, 20_000, 'the solver to near its hang');
    await sleep(1500);
    const started = main.events.find((e) => e.type === 'started');
    const solverPid = started?.type === 'started' ? (started.pid ?? 0) : 0;
    expect(alive(solverPid)).toBe(true);
    process.kill(main.pid, 'SIGKILL');
    await main.exited;
    await until(() => !alive(solverPid), 3000, 'the hung solver to exit');
  }, 40_000);
});
