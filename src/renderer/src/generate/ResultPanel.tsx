// A finished job's result in plain words: what it breaks (each broken rule or limit linked to the
// timetable with its sessions highlighted), who is double-booked, and whether it became the active
// timetable: a result worse than the active one is not made active without the user's say.
import { useEffect, useState } from 'react';
import type { TimetableExplanation } from '../../../shared/ipc/contract.ts';
import type { JobEvent } from '../../../shared/ipc/jobEvents.ts';
import { api, messageOf } from '../api.ts';
import type { OpenTimetable } from '../timetable/focus.ts';
import { formatDuration } from './jobProgress.ts';
import { costWords, headline, kindWords } from './resultWords.ts';

type Finished = Extract<JobEvent, { type: 'finished' }>;

interface Props {
  finished: Finished;
  elapsedMs: number;
  onOpenTimetable: OpenTimetable;
}

const SHOWN = 12;

export function ResultPanel({ finished, elapsedMs, onOpenTimetable }: Props): React.JSX.Element {
  const [explained, setExplained] = useState<TimetableExplanation | null>(null);
  const [gone, setGone] = useState(false);
  const [active, setActive] = useState<boolean | null>(null);
  const [choice, setChoice] = useState<'kept' | null>(null);
  const [all, setAll] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = finished.timetableId;

  useEffect(() => {
    let live = true;
    Promise.all([api().timetableExplain({ id }), api().timetableList()]).then(
      ([e, list]) => {
        if (!live) return;
        setExplained(e);
        setActive(list.find((t) => t.id === id)?.active ?? false);
      },
      (e: unknown) => {
        if (!live) return;
        if ((e as { code?: string }).code === 'not_found') setGone(true);
        else setError(messageOf(e));
      },
    );
    return () => {
      live = false;
    };
  }, [id]);

  const use = async (open: boolean): Promise<void> => {
    try {
      await api().timetableSetActive({ id });
      setActive(true);
      if (open) onOpenTimetable();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  if (gone)
    return (
      <div className="callout info">
        <p>Its timetable (version {id}) has been deleted since.</p>
      </div>
    );
  const summary = explained?.studentClashes ?? null;
  const students = summary?.students ?? finished.studentClashes ?? null;
  const counts = summary
    ? { doubleBookings: summary.doubleBookings, pairs: summary.pairCount }
    : (finished.studentClashTotals ?? null);
  const head = headline(finished.hardTotal, counts, explained?.unplaced ?? 0);
  const mine = { hardTotal: finished.hardTotal, softTotal: finished.softTotal, studentClashes: students };
  const previous = finished.previous ?? null;
  const isActive = active ?? finished.activated ?? false;
  const notActivated = finished.activated === false && previous !== null && previous.comparable;
  const violations = explained?.violations ?? [];
  const shown = all ? violations : violations.slice(0, SHOWN);
  const pairs = explained?.studentClashes?.pairs ?? [];
  // Whether it became the active timetable, and the choice when it did not: first, so it is seen.
  const decision =
    notActivated && !isActive ? (
      <div className="result-section" role="group" aria-label="Which timetable to use">
        <h5>Not made active: it is worse than the active timetable</h5>
        <table className="compare-costs">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Hard</th>
              <th scope="col">Soft</th>
              <th scope="col">Students double-booked</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">This result</th>
              <td>{mine.hardTotal}</td>
              <td>{Math.round(mine.softTotal * 100) / 100}</td>
              <td>{mine.studentClashes ?? '\u2014'}</td>
            </tr>
            <tr>
              <th scope="row">Active: {previous.name}</th>
              <td>{previous.hardTotal}</td>
              <td>{Math.round(previous.softTotal * 100) / 100}</td>
              <td>{previous.studentClashes ?? '\u2014'}</td>
            </tr>
          </tbody>
        </table>
        {choice === 'kept' ? (
          <p>
            &ldquo;{previous.name}&rdquo; stays the active timetable; this result is kept on the Variants
            screen.
          </p>
        ) : (
          <div className="actions">
            <button type="button" onClick={() => setChoice('kept')}>
              Keep &ldquo;{previous.name}&rdquo;
            </button>
            <button type="button" className="primary" onClick={() => void use(true)}>
              Use this result and open it
            </button>
          </div>
        )}
      </div>
    ) : (
      <div className="result-section">
        {isActive ? (
          <p>
            It is the active timetable
            {finished.activated && previous
              ? `; the one it replaced, \u201c${previous.name}\u201d (${costWords(previous)}), stays on the Variants screen`
              : ''}
            .
          </p>
        ) : (
          <p className="muted">It is kept as a version: compare it with the others on the Variants screen.</p>
        )}
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => void (isActive ? onOpenTimetable() : use(true))}
          >
            {isActive ? 'Open the timetable' : 'Make it active and open it'}
          </button>
        </div>
      </div>
    );
  return (
    <div className={`callout ${head.tone}`} data-testid="job-result">
      <h4>{head.title}</h4>
      <p>
        {costWords(mine)} &middot; took {formatDuration(elapsedMs)}
      </p>
      {finished.note && <p className="small muted">{finished.note}</p>}
      {decision}

      {explained && Object.keys(explained.hardByKind).length > 0 && (
        <div className="result-section">
          <h5>What it breaks</h5>
          <p>
            {Object.entries(explained.hardByKind)
              .map(([k, n]) => kindWords(k, n))
              .join(', ')}
            .{' '}
            {!isActive && violations.length > 0 && (
              <span className="muted">Make it the active timetable to see these on the grid.</span>
            )}
          </p>
          {violations.length > 0 && (
            <ul className="broken-rules" aria-label="Broken rules and limits">
              {shown.map((v, i) => (
                <li key={i}>
                  {v.message}{' '}
                  {isActive && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => onOpenTimetable({ sessions: v.sessions, label: v.message })}
                    >
                      Show in the timetable
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {(violations.length > SHOWN || explained.more > 0) && (
            <p className="small">
              {violations.length > SHOWN && (
                <button type="button" className="link" onClick={() => setAll(!all)}>
                  {all ? 'Show fewer' : `Show all ${violations.length}`}
                </button>
              )}
              {explained.more > 0 && <span className="muted"> and {explained.more} more not listed</span>}
            </p>
          )}
        </div>
      )}

      {students !== null && students > 0 && (
        <div className="result-section">
          <h5>Students double-booked</h5>
          <p>
            {students.toLocaleString('en-US')} {students === 1 ? 'student has' : 'students have'} two sessions
            at the same time
            {summary
              ? ` (${summary.doubleBookings.toLocaleString('en-US')} double-bookings in all), from ${summary.pairCount} course pair${summary.pairCount === 1 ? '' : 's'}:`
              : '.'}
          </p>
          {pairs.length > 0 && (
            <ul className="broken-rules" aria-label="Course pairs with double-booked students">
              {pairs.slice(0, SHOWN).map((p) => {
                const label = `${p.courses[0]} and ${p.courses[1]}: ${p.students} student${p.students === 1 ? '' : 's'} in both, at ${p.slots.join(', ')}`;
                return (
                  <li key={p.courses.join('|')}>
                    {label}{' '}
                    {isActive && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => onOpenTimetable({ sessions: p.sessions, label })}
                      >
                        Show in the timetable
                      </button>
                    )}
                  </li>
                );
              })}
              {(summary?.pairCount ?? 0) > SHOWN && (
                <li className="muted small">
                  and {(summary?.pairCount ?? 0) - SHOWN} more pairs (all of them are listed in the Timetable
                  screen&rsquo;s side panel)
                </li>
              )}
            </ul>
          )}
        </div>
      )}

      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
