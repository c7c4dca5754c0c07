// One solve job's progress: stages, percent, live cost chart, elapsed/ETA, and plain-words panels
// for a stalled solver, retries, failure and the finished result.
import type { OpenTimetable } from '../timetable/focus.ts';
import { CostChart } from './CostChart.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { originWords } from './resultWords.ts';
import type { JobView } from './jobProgress.ts';
import { STAGES, explainFailure, formatDuration } from './jobProgress.ts';

interface Props {
  job: JobView;
  stuckDismissed: boolean;
  onWait: () => void;
  onCancel: () => void;
  onRestart: () => void;
  onOpenTimetable: OpenTimetable;
}

function stageState(job: JobView, index: number): 'done' | 'current' | 'skipped' | 'todo' {
  const id = STAGES[index].id;
  if (job.skipStages.includes(id)) return 'skipped';
  if (job.status === 'finished' || job.stage === 'done') return 'done';
  const current = STAGES.findIndex((s) => s.id === job.stage);
  if (current === index) return 'current';
  return current > index ? 'done' : 'todo';
}

const STATUS_WORDS: Record<JobView['status'], string> = {
  queued: 'Waiting for a free solver',
  running: 'Solving',
  finished: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function ProgressView({ job, stuckDismissed, onWait, onCancel, onRestart, onOpenTimetable }: Props) {
  const active = job.status === 'queued' || job.status === 'running';
  const lastRetry = job.retries[job.retries.length - 1];
  return (
    <article className="panel job" aria-label={`Job ${job.name}`} data-status={job.status}>
      <header className="job-head">
        <h3>{job.name}</h3>
        <span className={`badge status-${job.status}`}>{STATUS_WORDS[job.status]}</span>
        {active && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </header>
      {originWords(job.origin) && <p className="small muted">{originWords(job.origin)}</p>}
      <div className="job-body">
        <div>
          <ol className="stages" aria-label="Stages">
            {STAGES.map((s, i) => {
              const state = stageState(job, i);
              return (
                <li
                  key={s.id}
                  className={`stage ${state}`}
                  aria-current={state === 'current' ? 'step' : undefined}
                >
                  {s.label}
                  {state === 'skipped' && <span className="muted small"> (skipped)</span>}
                </li>
              );
            })}
          </ol>
          <div
            className="bar"
            role="progressbar"
            aria-label="Progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(job.percent)}
          >
            <div className="bar-fill" style={{ width: `${job.percent}%` }} />
          </div>
          <p className="small">
            {Math.round(job.percent)}% &middot; elapsed <b>{formatDuration(job.elapsedMs)}</b> &middot;
            remaining about <b>{active ? formatDuration(job.etaMs) : '\u2014'}</b>
            {job.attempt > 1 && <> &middot; attempt {job.attempt}</>}
          </p>
          {job.message && active && <p className="muted small">{job.message}</p>}
        </div>
        <CostChart points={job.history} />
      </div>

      {job.stuck && !stuckDismissed && active && (
        <div className="callout warn" role="alert">
          <h4>The solver seems stuck</h4>
          <p>
            It has not reported anything for {formatDuration(job.stuck.silentMs)}. The watchdog stops a silent
            solver and retries it from the last saved checkpoint. You can wait for that, cancel the job (the
            best timetable saved so far is kept), or restart it from the beginning.
          </p>
          <div className="actions">
            <button type="button" onClick={onWait}>
              Wait
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={onRestart}>
              Restart
            </button>
          </div>
        </div>
      )}

      {lastRetry && active && (
        <p className="callout info">
          Attempt {lastRetry.attempt} did not finish: {explainFailure(lastRetry.failure)} It is being tried
          again from its last checkpoint
          {job.skipStages.length > 0 && (
            <>, skipping {job.skipStages.join(' and ')} because it failed repeatedly</>
          )}
          . <span className="muted small">({lastRetry.reason})</span>
        </p>
      )}

      {job.status === 'failed' && (
        <div className="callout error" role="alert">
          <h4>The job failed</h4>
          <p>{job.failedReason}</p>
          <p className="small">
            Check the Data screen for problems found before solving, or try a longer time limit.
          </p>
        </div>
      )}

      {job.status === 'cancelled' && <p className="callout info">The job was cancelled.</p>}

      {job.finished && (
        <ResultPanel finished={job.finished} elapsedMs={job.elapsedMs} onOpenTimetable={onOpenTimetable} />
      )}
    </article>
  );
}
