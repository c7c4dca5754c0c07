// The supervisor's decisions (handshake, dispatch, restart delays, giving up) with processes
// replaced by scripted children and time by a manual clock. Real processes: tests/fault/.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExitInfo, ProcessSpawner, SolverChild } from './ProcessSpawner.ts';
import type { ToSolverMessage } from '../../shared/solver/messages.ts';
import { SOLVER_PROTOCOL_VERSION } from '../../shared/solver/messages.ts';
import { SolverPool } from './SolverPool.ts';
import type { WorkerEvent } from './SolverPool.ts';
import { ManualClock } from './clock.ts';
import { AttemptError } from './AttemptError.ts';
import { tinyCollege } from '../../../tests/fixtures/tinyCollege.ts';

class ScriptedChild implements SolverChild {
  readonly pid: number;
  sent: ToSolverMessage[] = [];
  killedWith: string | null = null;
  private messageListeners: Array<(raw: unknown) => void> = [];
  private exitListeners: Array<(i: ExitInfo) => void> = [];
  constructor(pid: number) {
    this.pid = pid;
  }
  send(m: ToSolverMessage): void {
    this.sent.push(m);
    if (m.type === 'shutdown') this.exit({ code: 0, signal: null, oom: false, stderrTail: '' });
  }
  kill(signal = 'SIGKILL'): void {
    this.killedWith = signal;
    this.exit({ code: null, signal, oom: false, stderrTail: '' });
  }
  onMessage(l: (raw: unknown) => void): void {
    this.messageListeners.push(l);
  }
  onExit(l: (i: ExitInfo) => void): void {
    this.exitListeners.push(l);
  }
  say(m: unknown): void {
    for (const l of this.messageListeners) l(m);
  }
  ready(): void {
    this.say({ type: 'ready', protocol: SOLVER_PROTOCOL_VERSION, pid: this.pid });
  }
  exit(info: ExitInfo): void {
    const ls = this.exitListeners;
    this.exitListeners = [];
    for (const l of ls) l(info);
  }
}

function setup(size = 1, extra: { maxStartFailures?: number } = {}) {
  const clock = new ManualClock();
  const children: ScriptedChild[] = [];
  const events: WorkerEvent[] = [];
  const spawner: ProcessSpawner = {
    spawn: () => {
      const c = new ScriptedChild(1000 + children.length);
      children.push(c);
      return c;
    },
  };
  const pool = new SolverPool({
    spawner,
    size,
    clock,
    backoff: { baseMs: 100, maxMs: 800 },
    readyTimeoutMs: 5000,
    onWorkerEvent: (e) => events.push(e),
    ...extra,
  });
  const delays = () => events.filter((e) => e.type === 'restart_scheduled').map((e) => e.delayMs);
  return { clock, children, events, pool, delays };
}

const crash: ExitInfo = { code: 1, signal: null, oom: false, stderrTail: 'boom' };
let pools: SolverPool[] = [];
afterEach(async () => {
  await Promise.all(pools.map((p) => p.shutdown(0)));
  pools = [];
});

describe('SolverPool supervisor', () => {
  it('backs off exponentially on start failures, capped, then gives up and fails queued work', async () => {
    const s = setup(1, { maxStartFailures: 7 });
    pools.push(s.pool);
    const task = s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 });
    for (let i = 0; i < 7; i++) {
      s.children[i].exit(crash);
      s.clock.advance(1000);
    }
    expect(s.delays()).toEqual([100, 200, 400, 800, 800, 800]);
    expect(s.children).toHaveLength(7);
    expect(s.events.at(-1)?.type).toBe('given_up');
    await expect(task.result).rejects.toMatchObject({ kind: 'spawn' });
    s.clock.advance(60_000);
    expect(s.children).toHaveLength(7);
  });

  it('dispatches only after the ready handshake, to an idle process', () => {
    const s = setup(2);
    pools.push(s.pool);
    void s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 }).result.catch(() => {});
    expect(s.children.flatMap((c) => c.sent)).toEqual([]);
    s.children[1].ready();
    expect(s.children[1].sent.map((m) => m.type)).toEqual(['solve']);
    s.children[0].ready();
    void s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 2 }).result.catch(() => {});
    expect(s.children[0].sent.map((m) => m.type)).toEqual(['solve']);
  });

  it('rejects the task of a crashed process, restarts it after the base delay, and runs new work there', async () => {
    const s = setup(1);
    pools.push(s.pool);
    s.children[0].ready();
    const task = s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 });
    s.children[0].exit({ code: null, signal: 'SIGKILL', oom: false, stderrTail: '' });
    await expect(task.result).rejects.toMatchObject({ kind: 'crash' });
    expect(s.delays()).toEqual([100]);
    s.clock.advance(99);
    expect(s.children).toHaveLength(1);
    s.clock.advance(1);
    expect(s.children).toHaveLength(2);
  });

  it('reports OOM, restarts at once after a deliberate kill, and kills on a bad message', async () => {
    const s = setup(1);
    pools.push(s.pool);
    s.children[0].ready();
    const t1 = s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 });
    s.children[0].exit({ code: null, signal: 'SIGABRT', oom: true, stderrTail: 'heap out of memory' });
    await expect(t1.result).rejects.toMatchObject({ kind: 'oom' });
    s.clock.advance(100);
    s.children[1].ready();
    const t2 = s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 });
    t2.kill(new AttemptError('hung', 'silent'));
    await expect(t2.result).rejects.toMatchObject({ kind: 'hung' });
    expect(s.children[1].killedWith).toBe('SIGKILL');
    expect(s.delays().at(-1)).toBe(0);
    s.clock.advance(0);
    s.children[2].ready();
    const t3 = s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 });
    s.children[2].say({ type: 'progress', requestId: 't3', progress: { stage: 'nonsense' } });
    await expect(t3.result).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('kills a process that never completes its handshake', () => {
    const s = setup(1);
    pools.push(s.pool);
    s.clock.advance(5000);
    expect(s.children[0].killedWith).toBe('SIGKILL');
    expect(s.delays()).toEqual([100]);
  });

  it('cancels politely, then kills after the grace period', async () => {
    const s = setup(1);
    pools.push(s.pool);
    s.children[0].ready();
    const task = s.pool.run(tinyCollege(), { timeLimitMs: 1000, seed: 1 });
    task.cancel(500);
    expect(s.children[0].sent.map((m) => m.type)).toEqual(['solve', 'cancel']);
    s.clock.advance(499);
    expect(s.children[0].killedWith).toBeNull();
    s.clock.advance(1);
    expect(s.children[0].killedWith).toBe('SIGKILL');
    await expect(task.result).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
