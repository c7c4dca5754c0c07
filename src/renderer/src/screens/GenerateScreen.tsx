// Generate: choose a time limit, the number of variants and a seed, start, and follow each job live.
import { useEffect, useState } from 'react';
import type { JobEvent } from '../../../shared/ipc/jobEvents.ts';
import { api, messageOf } from '../api.ts';
import { ProgressView } from '../generate/ProgressView.tsx';
import { UnplacedList } from '../generate/UnplacedList.tsx';
import { applyJobEvent } from '../generate/jobProgress.ts';
import type { JobView } from '../generate/jobProgress.ts';
import '../generate/generate.css';
import type { OpenTimetable } from '../timetable/focus.ts';

interface Props {
  onOpenTimetable: OpenTimetable;
}

export function GenerateScreen({ onOpenTimetable }: Props): React.JSX.Element {
  const [timeLimit, setTimeLimit] = useState('60');
  const [variants, setVariants] = useState('1');
  const [seed, setSeed] = useState('1');
  const [stall, setStall] = useState('');
  const [jobs, setJobs] = useState<Record<number, JobView>>({});
  const [dismissed, setDismissed] = useState<Record<number, number>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const fold = (e: JobEvent): void =>
      setJobs((prev) => ({ ...prev, [e.jobId]: applyJobEvent(prev[e.jobId], e) }));
    const unsubscribe = api().onJobEvent(fold);
    void api()
      .jobsList()
      .then((list) => {
        setJobs((prev) => {
          const next = { ...prev };
          for (const j of list) {
            if (next[j.jobId]) continue;
            const queued = applyJobEvent(undefined, {
              type: 'queued',
              jobId: j.jobId,
              name: j.name,
              seed: j.seed,
              elapsedMs: 0,
              etaMs: null,
            });
            next[j.jobId] = j.last.type === 'queued' ? queued : applyJobEvent(queued, j.last);
          }
          return next;
        });
      })
      .catch((e: unknown) => setError(messageOf(e)));
    return unsubscribe;
  }, []);

  const start = async (): Promise<void> => {
    setError(null);
    const t = Number(timeLimit);
    const k = Number(variants);
    const s = Number(seed);
    if (!(t > 0 && t <= 86_400)) return setError('The time limit is a number of seconds, from 1 to 86400.');
    if (!Number.isInteger(k) || k < 1 || k > 50)
      return setError('The number of variants is a whole number from 1 to 50.');
    if (!Number.isInteger(s) || s < 0) return setError('The seed is a whole number, 0 or more.');
    const st = stall.trim() === '' ? undefined : Number(stall);
    if (st !== undefined && !(st > 0 && st <= 600))
      return setError('"Stuck after" is a number of seconds from 1 to 600, or empty for the default (10 s).');
    try {
      await api().jobsStart({ timeLimitS: t, variants: k, seed: s, ...(st ? { stallTimeoutS: st } : {}) });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const act = (run: () => Promise<unknown>): void => {
    run().catch((e: unknown) => setError(messageOf(e)));
  };

  const open = async (timetableId: number): Promise<void> => {
    await api().timetableSetActive({ id: timetableId });
    onOpenTimetable();
  };

  const list = Object.values(jobs).sort((a, b) => b.jobId - a.jobId);
  const running = list.some((j) => j.status === 'queued' || j.status === 'running');
  return (
    <section className="screen">
      <form
        className="panel generate-form"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <h2>Generate a timetable</h2>
        <p className="muted">
          The solver checks the data, splits the college into clusters, schedules them exactly where it can,
          then improves the week by local search until the time limit. Several variants use different seeds.
        </p>
        <div className="field-row">
          <label className="field">
            <span>Time limit (seconds)</span>
            <input inputMode="numeric" value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} />
          </label>
          <label className="field">
            <span>Number of variants</span>
            <input inputMode="numeric" value={variants} onChange={(e) => setVariants(e.target.value)} />
          </label>
          <label className="field">
            <span>Seed</span>
            <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
          </label>
          <label className="field">
            <span>Stuck after (seconds of silence)</span>
            <input
              inputMode="numeric"
              value={stall}
              placeholder="10"
              onChange={(e) => setStall(e.target.value)}
            />
          </label>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {running ? 'Start another' : 'Start'}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      {list.length === 0 && (
        <p className="empty-state muted">No job yet: choose the settings above and press Start.</p>
      )}
      {list.map((job) => (
        <div key={job.jobId}>
          <ProgressView
            job={job}
            stuckDismissed={dismissed[job.jobId] === job.stuck?.attempt}
            onWait={() => setDismissed((d) => ({ ...d, [job.jobId]: job.stuck?.attempt ?? 0 }))}
            onCancel={() => act(() => api().jobsCancel({ jobId: job.jobId }))}
            onRestart={() => act(() => api().jobsRestart({ jobId: job.jobId }))}
            onOpen={(id) => act(() => open(id))}
          />
          {job.finished && <UnplacedList timetableId={job.finished.timetableId} />}
        </div>
      ))}
    </section>
  );
}
