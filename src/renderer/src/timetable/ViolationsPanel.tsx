// The side panel's account of the timetable: hard and soft totals, every hard violation named by
// its rule or limit (grouped by kind; choosing one highlights its sessions and opens their week),
// and the soft cost by kind.
import type { Details, Totals } from '../../../shared/editor/engineTypes.ts';
import { HARD_KINDS, SOFT_KINDS, type HardKind, type Violation } from '../../../shared/eval/types.ts';

const HARD_LABELS: Record<HardKind, string> = {
  unplaced: 'Sessions not placed',
  outside_block: 'Sessions across a break or past the day',
  faculty_clash: 'A teacher in two places at once',
  group_clash: 'A group in two places at once',
  room_clash: 'A room holding two sessions',
  room_type: 'Rooms of the wrong type',
  room_not_allowed: "Rooms not in a course's list",
  room_capacity: 'Rooms too small',
  faculty_unavailable: 'Teachers teaching when away',
  room_unavailable: 'Rooms used when unavailable',
  course_unavailable: 'Courses at a time they may not use',
  faculty_max_per_day: 'Teachers over their daily limit',
  faculty_max_per_week: 'Teachers over their weekly limit',
  faculty_max_days: 'Teachers on more days than allowed',
  faculty_max_gaps: 'Teachers with more gaps than allowed',
  faculty_max_gaps_per_week: 'Teachers with more gaps in the week than allowed',
  faculty_min_per_day: 'Teachers under their daily minimum',
  faculty_min_days: 'Teachers on fewer days than required',
  faculty_max_continuous: 'Teachers with more periods in a row than allowed',
  group_max_per_day: 'Groups over their daily limit',
  group_min_per_day: 'Groups under their daily minimum',
  group_max_gaps: 'Groups with more gaps than allowed',
  group_max_gaps_per_week: 'Groups with more gaps in the week than allowed',
  group_max_continuous: 'Groups with more periods in a row than allowed',
  faculty_max_span: 'Teachers whose day spans more periods than allowed',
  group_max_span: 'Groups whose day spans more periods than allowed',
  faculty_min_rest: 'Teachers resting less between days than required',
  group_min_rest: 'Groups resting less between days than required',
  faculty_max_building_changes: 'Teachers changing building more often in a day than allowed',
  faculty_max_building_changes_per_week: 'Teachers changing building more often in the week than allowed',
  faculty_min_building_gaps: 'Teachers changing building without the free periods required',
  group_max_building_changes: 'Groups changing building more often in a day than allowed',
  group_max_building_changes_per_week: 'Groups changing building more often in the week than allowed',
  group_min_building_gaps: 'Groups changing building without the free periods required',
  group_max_late_starts: 'Groups beginning after the first period more often than allowed',
  fixed_moved: 'Fixed sessions moved',
  rule: 'Scheduling rules broken',
};

const SOFT_LABELS: Record<(typeof SOFT_KINDS)[number], string> = {
  room_capacity: 'Rooms over capacity',
  min_days: 'Courses on too few days',
  isolated: 'Isolated lectures',
  room_stability: 'Courses changing rooms',
  student_clash: 'Student clashes (weighted)',
  faculty_gaps: 'Faculty gaps',
  group_gaps: 'Group gaps',
  soft_rule: 'Soft rules',
};

interface Props {
  /** Null while the worker counts them (just after loading). */
  totals: Totals | null;
  details: Details | null;
  selected: string | null;
  onSelect: (v: Violation | null) => void;
  children?: React.ReactNode;
}

export function ViolationsPanel({ totals, details, selected, onSelect, children }: Props): React.JSX.Element {
  if (!totals) return <p className="muted small">Counting the costs of this timetable&hellip;</p>;
  const byKind = new Map<HardKind, Violation[]>();
  for (const v of details?.hard ?? []) {
    const k = v.kind as HardKind;
    byKind.set(k, [...(byKind.get(k) ?? []), v]);
  }
  return (
    <div>
      <div className="totals">
        <div className={totals.hardTotal > 0 ? 'total bad' : 'total good'}>
          <span className="small">Hard</span>
          <strong data-testid="hard-total">{totals.hardTotal}</strong>
        </div>
        <div className="total">
          <span className="small">Soft</span>
          <strong data-testid="soft-total">{Math.round(totals.softTotal * 100) / 100}</strong>
        </div>
      </div>
      <h3>Hard violations</h3>
      {totals.hardTotal === 0 ? (
        <p className="muted small">None: every hard constraint holds.</p>
      ) : !details ? (
        <p className="muted small">Listing them&hellip;</p>
      ) : (
        <div className="violation-kinds">
          {HARD_KINDS.filter((k) => byKind.has(k)).map((k) => (
            <section key={k} aria-label={HARD_LABELS[k]}>
              <h4>
                {HARD_LABELS[k]} <span className="muted">({totals.hard[k]})</span>
              </h4>
              <ul className="violations">
                {(byKind.get(k) ?? []).map((v, i) => (
                  <li key={`${v.message}-${i}`}>
                    <button
                      type="button"
                      className={v.message === selected ? 'violation selected' : 'violation'}
                      aria-pressed={v.message === selected}
                      onClick={() => onSelect(v.message === selected ? null : v)}
                    >
                      {v.message}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {details.hardCount > details.hard.length && (
            <p className="muted small">and {details.hardCount - details.hard.length} more</p>
          )}
        </div>
      )}
      {children}
      <h3>Soft cost by kind</h3>
      <table className="soft-table">
        <tbody>
          {SOFT_KINDS.map((k) => (
            <tr key={k}>
              <th scope="row">{SOFT_LABELS[k]}</th>
              <td>{Math.round(totals.soft[k] * 100) / 100}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
