// The sessions placed differently in two versions, on the Variants screen. Two versions of a
// university can differ in thousands of sessions: only the rows in view (and a few around them)
// are in the page, with spacers standing in for the others, so a comparison never holds the page
// for long however many sessions moved.
import { useLayoutEffect, useRef, useState } from 'react';
import type { MovedSession } from '../../../shared/ipc/contract.ts';
import { ROW_GUESS, rowWindow } from './rowWindow.ts';
import './variants.css';

/** The week's day and period names. */
export interface Week {
  days: string[];
  periods: string[];
}

export function placeText(week: Week | null, p: MovedSession['from']): string {
  if (p.day === null || p.period === null) return 'unplaced';
  const day = week?.days[p.day] ?? `day ${p.day + 1}`;
  const period = week?.periods[p.period] ?? `period ${p.period + 1}`;
  return `${day} ${period}${p.roomId ? `, ${p.roomId}` : ''}`;
}

/** Stands in for rows not in the page (a cell, since a row without one may take no height). */
function Spacer({ height }: { height: number }): React.JSX.Element {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={4} style={{ height }} />
    </tr>
  );
}

export function MovedTable({ moved, week }: { moved: MovedSession[]; week: Week | null }): React.JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const firstRow = useRef<HTMLTableRowElement>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const [rowHeight, setRowHeight] = useState(ROW_GUESS);
  useLayoutEffect(() => {
    const el = box.current;
    if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    const h = firstRow.current?.getBoundingClientRect().height;
    if (h && Math.abs(h - rowHeight) > 0.5) setRowHeight(h);
  }, [moved, rowHeight]);
  const { first, last } = rowWindow(moved.length, rowHeight, view.top, view.height);
  return (
    <div
      className="table-scroll"
      ref={box}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
    >
      <table className="data-table moved-table" aria-label="Moved sessions" aria-rowcount={moved.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">Course</th>
            <th scope="col">Session</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {first > 0 && <Spacer height={first * rowHeight} />}
          {moved.slice(first, last).map((m, i) => (
            <tr
              key={`${m.courseId}-${m.session}`}
              ref={i === 0 ? firstRow : undefined}
              aria-rowindex={first + i + 2}
            >
              <td>{m.courseId}</td>
              <td>{m.session}</td>
              <td>{placeText(week, m.from)}</td>
              <td>{placeText(week, m.to)}</td>
            </tr>
          ))}
          {last < moved.length && <Spacer height={(moved.length - last) * rowHeight} />}
        </tbody>
      </table>
    </div>
  );
}
