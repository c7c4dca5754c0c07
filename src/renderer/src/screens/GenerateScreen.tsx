// Generate: start a new timetable or an improvement of the active one, follow each job live, see
// the result in plain words; earlier jobs of the project (also from before a restart) are listed.
import { useEffect, useState } from 'react';
import type { JobInfo } from '../../../shared/ipc/contract.ts';
import type { JobEvent, JobStartRequest } from '../../../shared/ipc/jobEvents.ts';
import { api, messageOf } from '../api.ts';
import { JobHistory } from '../generate/JobHistory.tsx';
import { ProgressView } from '../generate/ProgressView.tsx';
import { StartForm } from '../generate/StartForm.tsx';
import { UnplacedList } from '../generate/UnplacedList.tsx';
import { applyJobEvent } from '../generate/jobProgress.ts';
import type { JobView } from '../generate/jobProgress.ts';
import '../generate/generate.css';
import type { OpenTimetable } from '../timetable/focus.ts';

interface Props {
  onOpenTimetable: OpenTimetable;
  /** Shows the Data screen (the pre-check findings). */
  onOpenData?: () => void;
}

/** A listed job folded into a view: its queued event, then its last one. */
function viewOf(j: JobInfo): JobView {
  const queued = applyJobEvent(undefined, {
    type: 'queued',
    jobId: j.jobId,
    name: j.name,
    seed: j.seed,
    elapsedMs: 0,
    etaMs: null,
    ...(j.origin ? { origin: j.origin } : {}),
  });
  return j.last.type === 'queued' ? queued : applyJobEvent(queued, j.last);
}

export function GenerateScreen({ onOpenTimetable, onOpenData }: Props): React.JSX.Element {
  const [jobs, setJobs] = useState<Record<number, JobView>>({});
  /** Jobs followed live here (started in this app session); the others are history. */
  const [live, setLive] = useState<Record<number, true>>({});
  const [past, setPast] = useState<Record<number, { createdAt?: string }>>({});
  const [dismissed, setDismissed] = useState<Record<number, number>>({});
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const fold = (e: JobEvent): void => {
      setJobs((prev) => ({ ...prev, [e.jobId]: applyJobEvent(prev[e.jobId], e) }));
      setLive((prev) => (prev[e.jobId] ? prev : { ...prev, [e.jobId]: true }));
    };
    const unsubscribe = api().onJobEvent(fold);
    void api()
      .jobsList()
      .then((list) => {
        setJobs((prev) => {
          const next = { ...prev };
          for (const j of list) if (!next[j.jobId]) next[j.jobId] = viewOf(j);
          return next;
        });
        setLive((prev) => {
          const next = { ...prev };
          for (const j of list) if (j.current !== false) next[j.jobId] = true;
          return next;
        });
        setPast(
          Object.fromEntries(
            list.filter((j) => j.current === false).map((j) => [j.jobId, { createdAt: j.createdAt }]),
          ),
        );
      })
      .catch((e: unknown) => setError(messageOf(e)));
    return unsubscribe;
  }, []);

  const start = async (request: JobStartRequest): Promise<void> => {
    setError(null);
    await api().jobsStart(request);
  };

  const act = (run: () => Promise<unknown>): void => {
    run().catch((e: unknown) => setError(messageOf(e)));
  };

  const all = Object.values(jobs).sort((a, b) => b.jobId - a.jobId);
  const current = all.filter((j) => live[j.jobId]);
  const history = all.filter((j) => !live[j.jobId]);
  const running = all.some((j) => j.status === 'queued' || j.status === 'running');
  const refreshKey = `${running}:${all.filter((j) => j.status === 'finished').length}`;
  return (
    <section className="screen">
      <StartForm running={running} refreshKey={refreshKey} onStart={start} onOpenData={onOpenData} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {all.length === 0 && (
        <p className="empty-state muted">No job yet: choose the settings above and press Start.</p>
      )}
      {current.map((job) => (
        <div key={job.jobId}>
          <ProgressView
            job={job}
            stuckDismissed={dismissed[job.jobId] === job.stuck?.attempt}
            onWait={() => setDismissed((d) => ({ ...d, [job.jobId]: job.stuck?.attempt ?? 0 }))}
            onCancel={() => act(() => api().jobsCancel({ jobId: job.jobId }))}
            onRestart={() => act(() => api().jobsRestart({ jobId: job.jobId }))}
            onOpenTimetable={onOpenTimetable}
          />
          {job.finished && <UnplacedList timetableId={job.finished.timetableId} />}
        </div>
      ))}
      {history.length > 0 && (
        <JobHistory
          jobs={history}
          createdAt={(id) => past[id]?.createdAt}
          onOpenTimetable={onOpenTimetable}
        />
      )}
    </section>
  );
}
