import type { Finding } from '../../../shared/ipc/contract.ts';

const SHOWN = 50;

interface Props {
  findings: Finding[];
  /** Show the row a finding names (switches the tab and searches its id). */
  onShowRow: (sheet: string, id: string) => void;
}

/** Problems found before solving: what blocks a timetable and what is at risk, with their rows. */
export function Findings({ findings, onShowRow }: Props): React.JSX.Element {
  if (findings.length === 0)
    return (
      <div className="panel findings">
        <h2>Checked before solving</h2>
        <p className="muted">No problem found: every teacher, group, course and room fits in the week.</p>
      </div>
    );
  const fatal = findings.filter((f) => f.fatal).length;
  return (
    <div className="panel findings">
      <h2>
        Checked before solving:{' '}
        {fatal > 0
          ? `${fatal} ${fatal === 1 ? 'problem blocks' : 'problems block'} a timetable`
          : 'no blocking problem'}
        {findings.length > fatal && `, ${findings.length - fatal} to look at`}
      </h2>
      <ul>
        {findings.slice(0, SHOWN).map((f, i) => (
          <li key={i} className={f.fatal ? 'finding fatal' : 'finding'}>
            <strong>{f.fatal ? 'Blocks a timetable' : 'Risk'}:</strong> {f.message}{' '}
            <span className="muted">{f.hint}</span>{' '}
            {f.rows.map((r) => (
              <button
                key={`${r.sheet}:${r.id}`}
                type="button"
                className="link"
                onClick={() => onShowRow(r.sheet, r.id)}
              >
                {r.sheet} {r.id}
              </button>
            ))}
          </li>
        ))}
      </ul>
      {findings.length > SHOWN && <p className="muted small">and {findings.length - SHOWN} more</p>}
    </div>
  );
}
