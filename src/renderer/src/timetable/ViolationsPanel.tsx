import { SOFT_KINDS, type Evaluation, type Violation } from '../../../shared/eval/types.ts';

const SOFT_LABELS: Record<(typeof SOFT_KINDS)[number], string> = {
  room_capacity: 'Rooms over capacity',
  min_days: 'Courses on too few days',
  isolated: 'Isolated lectures',
  room_stability: 'Courses changing rooms',
  student_clash: 'Students with clashes',
  faculty_gaps: 'Faculty gaps',
  group_gaps: 'Group gaps',
  soft_rule: 'Soft rules',
};
const SHOWN = 200;

interface Props {
  evaluation: Evaluation;
  selected: Violation | null;
  onSelect: (v: Violation | null) => void;
}

export function ViolationsPanel({ evaluation, selected, onSelect }: Props): React.JSX.Element {
  const hard = evaluation.violations.filter((v) => v.hard);
  return (
    <div>
      <div className="totals">
        <div className={evaluation.hardTotal > 0 ? 'total bad' : 'total good'}>
          <span className="small">Hard</span>
          <strong data-testid="hard-total">{evaluation.hardTotal}</strong>
        </div>
        <div className="total">
          <span className="small">Soft</span>
          <strong data-testid="soft-total">{Math.round(evaluation.softTotal * 100) / 100}</strong>
        </div>
      </div>
      <h3>Hard violations</h3>
      {hard.length === 0 ? (
        <p className="muted small">None: every hard constraint holds.</p>
      ) : (
        <ul className="violations">
          {hard.slice(0, SHOWN).map((v, i) => (
            <li key={i}>
              <button
                type="button"
                className={v === selected ? 'violation selected' : 'violation'}
                aria-pressed={v === selected}
                onClick={() => onSelect(v === selected ? null : v)}
              >
                {v.message}
              </button>
            </li>
          ))}
          {hard.length > SHOWN && <li className="muted small">and {hard.length - SHOWN} more</li>}
        </ul>
      )}
      <h3>Soft cost by kind</h3>
      <table className="soft-table">
        <tbody>
          {SOFT_KINDS.map((k) => (
            <tr key={k}>
              <th scope="row">{SOFT_LABELS[k]}</th>
              <td>{Math.round(evaluation.soft[k] * 100) / 100}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
