// The side panel's list of students double-booked: how many double-bookings, how many students,
// and the course pairs causing them (most students first). Choosing a pair highlights its
// overlapping sessions on the grid and opens the week that holds them, as a focus from Generate or
// Variants does. Counted by THE definition (src/shared/eval/studentClashes.ts) in the editor's
// worker, again once the edits settle. Shown only when students are enrolled individually.
import { useState } from 'react';
import { slotName } from '../../../shared/eval/describe.ts';
import type { StudentClashes, StudentClashPair } from '../../../shared/eval/studentClashes.ts';
import type { EditorModel } from './editorStore.ts';

interface Props {
  model: EditorModel;
  /** Null while the worker counts them. */
  clashes: StudentClashes | null;
  /** The label of what the grid highlights now (a pair is shown selected when it is its label). */
  highlighted: string | null;
  onShow: (sessions: number[], label: string) => void;
}

const SHOWN = 25;
/**
 * A count with thousands separators, "3,209" (toLocaleString's first call loads the locale data:
 * about 30 ms of the screen's first render).
 */
const n = (x: number): string => String(x).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "CS101 and MA102: 12 students in both, Mon period 3" — also the highlight's label. */
export function pairLabel(model: EditorModel, pair: StudentClashPair): string {
  const p = model.problem;
  const slots = [...new Set(pair.meetings.map((m) => m.slot))].sort((a, b) => a - b);
  const who = `${n(pair.students)} student${pair.students === 1 ? '' : 's'} in both`;
  return `${p.courseIds[pair.courses[0]]} and ${p.courseIds[pair.courses[1]]}: ${who}, at ${slots.map((s) => slotName(p, s)).join(', ')}`;
}

export function StudentClashList({ model, clashes, highlighted, onShow }: Props): React.JSX.Element | null {
  const [all, setAll] = useState(false);
  if (!clashes?.hasEnrollments) return null;
  const { doubleBookings, students, pairs } = clashes;
  const shown = all ? pairs : pairs.slice(0, SHOWN);
  return (
    <section className="student-clashes" aria-label="Students double-booked">
      <h3>Students double-booked</h3>
      {doubleBookings === 0 ? (
        <p className="muted small">None: no enrolled student has two sessions at once.</p>
      ) : (
        <>
          <p className="small" data-testid="student-clash-summary">
            {n(doubleBookings)} double-booking{doubleBookings === 1 ? '' : 's'}
            {students !== null && ` (${n(students)} student${students === 1 ? '' : 's'})`} from{' '}
            {n(pairs.length)} course pair{pairs.length === 1 ? '' : 's'}:
          </p>
          <ul className="violations" aria-label="Course pairs with double-booked students">
            {shown.map((pair) => {
              const label = pairLabel(model, pair);
              const selected = label === highlighted;
              return (
                <li key={`${pair.courses[0]}-${pair.courses[1]}`}>
                  <button
                    type="button"
                    className={selected ? 'violation selected' : 'violation'}
                    aria-pressed={selected}
                    onClick={() => onShow([...new Set(pair.meetings.flatMap((m) => m.sessions))], label)}
                  >
                    {label}
                  </button>
                </li>
              );
            })}
          </ul>
          {pairs.length > SHOWN && (
            <button type="button" className="link small" onClick={() => setAll(!all)}>
              {all ? 'Show fewer' : `Show all ${n(pairs.length)} pairs`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
