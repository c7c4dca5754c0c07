// The side panel while a session is picked up: its allowed places by cost change (saying plainly
// when none is better than where it is), and swap chains that take it where a plain move cannot go.
import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import type { ChainSuggestion } from '../../../shared/editor/swap.ts';
import { sessionName, slotName } from '../../../shared/eval/describe.ts';
import type { EditorModel } from './editorStore.ts';

const SHOWN = 5;

interface Props {
  model: EditorModel;
  session: number;
  from: number;
  checks: SlotCheck[] | null;
  chains: ChainSuggestion[] | null;
  onChoose: (slot: number) => void;
  onChain: (chain: ChainSuggestion) => void;
}

function signed(n: number): string {
  const v = Math.round(n * 100) / 100;
  return v > 0 ? `+${v}` : String(v);
}

function Delta({ soft, hard }: { soft: number; hard: number }): React.JSX.Element {
  return (
    <span className={soft < 0 ? 'delta better' : soft > 0 ? 'delta worse' : 'delta'}>
      {hard !== 0 && `hard ${signed(hard)}, `}soft {signed(soft)}
    </span>
  );
}

export function Suggestions({
  model,
  session,
  from,
  checks,
  chains,
  onChoose,
  onChain,
}: Props): React.JSX.Element {
  const p = model.problem;
  const allowed = (checks ?? [])
    .map((check, slot) => ({ check, slot }))
    .filter(({ check, slot }) => check.reasons.length === 0 && check.room >= 0 && slot !== from)
    .sort((a, b) => a.check.hardDelta - b.check.hardDelta || a.check.softDelta - b.check.softDelta);
  const better = allowed.filter(
    ({ check }) => check.hardDelta < 0 || (check.hardDelta === 0 && check.softDelta < 0),
  );
  const listed = (better.length > 0 ? better : allowed).slice(0, SHOWN);
  return (
    <section className="suggestions" aria-label="Better places">
      <h3>Places for {sessionName(p, session)}</h3>
      {!checks ? (
        <p className="muted small">Checking every period of the week&hellip;</p>
      ) : allowed.length === 0 ? (
        <p className="muted small">
          No other period of the week keeps every hard constraint for this session.
        </p>
      ) : (
        <>
          <p className="small" data-testid="places-note">
            {better.length > 0
              ? `${better.length} ${better.length === 1 ? 'place is' : 'places are'} better than where it is now:`
              : 'No better place: every allowed place costs more than where it is now. The least costly:'}
          </p>
          <ul>
            {listed.map(({ check, slot }) => (
              <li key={slot}>
                <button type="button" className="suggestion" onClick={() => onChoose(slot)}>
                  <span>
                    {slotName(p, slot)} · {p.roomIds[check.room]}
                  </span>
                  <Delta soft={check.softDelta} hard={check.hardDelta} />
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Swap chains</h3>
      {!chains ? (
        <p className="muted small">Looking for swap chains&hellip;</p>
      ) : chains.length === 0 ? (
        <p className="muted small">
          No swap chain takes it to another period without breaking a hard constraint.
        </p>
      ) : (
        <ul aria-label="Swap chains">
          {chains.map((c) => {
            const others = c.moves.filter((m) => m.session !== session).map((m) => sessionName(p, m.session));
            return (
              <li key={c.slot}>
                <button type="button" className="suggestion chain" onClick={() => onChain(c)}>
                  <span>
                    {slotName(p, c.slot)}: {others.join(', ')} {others.length === 1 ? 'moves' : 'move'} to{' '}
                    {slotName(p, from)}
                  </span>
                  <Delta soft={c.softDelta} hard={c.hardDelta} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
