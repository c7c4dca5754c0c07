// Earlier solve jobs of the project (kept in the project file, so they survive a restart): when,
// how they ended, their result's cost; "Details" shows the result as the job left it.
import { Fragment, useState } from 'react';
import type { OpenTimetable } from '../timetable/focus.ts';
import type { JobView } from './jobProgress.ts';
import { formatDuration } from './jobProgress.ts';
import { ResultPanel } from './ResultPanel.tsx';
import { costWords, originWords } from './resultWords.ts';

interface Props {
  jobs: JobView[];
  createdAt: (jobId: number) => string | undefined;
  onOpenTimetable: OpenTimetable;
}

const ENDED: Record<JobView['status'], string> = {
  queued: 'Not finished',
  running: 'Not finished',
  finished: 'Finished',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function JobHistory({ jobs, createdAt, onOpenTimetable }: Props): React.JSX.Element {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div className="panel">
      <h2>Earlier jobs</h2>
      <table className="data-table job-history" aria-label="Earlier jobs">
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">Started</th>
            <th scope="col">Ended</th>
            <th scope="col">Result</th>
            <th scope="col">
              <span className="visually-hidden">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => {
            const when = createdAt(j.jobId);
            return (
              <Fragment key={j.jobId}>
                <tr data-job={j.jobId}>
                  <td>{j.name}</td>
                  <td className="small">{when ? when.replace('T', ' ').slice(0, 16) : ''}</td>
                  <td>
                    <span className={`badge status-${j.status}`}>{ENDED[j.status]}</span>
                  </td>
                  <td className="small">
                    {j.finished
                      ? `${costWords(j.finished)} · ${formatDuration(j.elapsedMs)}`
                      : (j.failedReason ?? '')}
                  </td>
                  <td>
                    {(j.finished || j.failedReason) && (
                      <button
                        type="button"
                        aria-expanded={open === j.jobId}
                        onClick={() => setOpen(open === j.jobId ? null : j.jobId)}
                      >
                        {open === j.jobId ? 'Hide' : 'Details'}
                      </button>
                    )}
                  </td>
                </tr>
                {open === j.jobId && (
                  <tr>
                    <td colSpan={5}>
                      {originWords(j.origin) && <p className="small muted">{originWords(j.origin)}</p>}
                      {j.finished ? (
                        <ResultPanel
                          finished={j.finished}
                          elapsedMs={j.elapsedMs}
                          onOpenTimetable={onOpenTimetable}
                        />
                      ) : (
                        <p>{j.failedReason}</p>
                      )}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
