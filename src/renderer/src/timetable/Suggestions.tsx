import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import { sessionName, slotName } from '../../../shared/eval/describe.ts';
import type { Loaded } from './useEditor.ts';

const SHOWN = 5;

interface Props {
  loaded: Loaded;
  session: number;
  checks: SlotCheck[];
  onChoose: (slot: number) => void;
}

function signed(n: number): string {
  const v = Math.round(n * 100) / 100;
  return v > 0 ? `+${v}` : String(v);
}

/** The best places for the session being moved: allowed slots by hard, then soft cost change. */
export function Suggestions({ loaded, session, checks, onChoose }: Props): React.JSX.Element {
  const { problem, state } = loaded;
  const best = checks
    .map((check, slot) => ({ check, slot }))
    .filter(
      ({ check, slot }) => check.reasons.length === 0 && check.room >= 0 && slot !== state.slot[session],
    )
    .sort((a, b) => a.check.hardDelta - b.check.hardDelta || a.check.softDelta - b.check.softDelta)
    .slice(0, SHOWN);
  return (
    <section className="suggestions" aria-label="Better places">
      <h3>Better places for {sessionName(problem, session)}</h3>
      {best.length === 0 ? (
        <p className="muted small">No slot in the week keeps every hard constraint for this session.</p>
      ) : (
        <ul>
          {best.map(({ check, slot }) => (
            <li key={slot}>
              <button type="button" className="suggestion" onClick={() => onChoose(slot)}>
                <span>
                  {slotName(problem, slot)} · {problem.roomIds[check.room]}
                </span>
                <span
                  className={
                    check.softDelta < 0 ? 'delta better' : check.softDelta > 0 ? 'delta worse' : 'delta'
                  }
                >
                  {check.hardDelta !== 0 && `hard ${signed(check.hardDelta)}, `}soft {signed(check.softDelta)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
