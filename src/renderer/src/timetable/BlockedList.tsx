// While a session is picked up: why each refused period of the week is refused (the grid shows it
// on hover or focus; here all of them at once).
import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import { slotName } from '../../../shared/eval/describe.ts';
import type { EditorModel } from './editorStore.ts';

interface Props {
  model: EditorModel;
  checks: SlotCheck[];
  from: number;
}

export function BlockedList({ model, checks, from }: Props): React.JSX.Element | null {
  const blocked = checks
    .map((c, slot) => ({ c, slot }))
    .filter(({ c, slot }) => slot !== from && c.reasons.length > 0);
  if (blocked.length === 0) return null;
  return (
    <details className="blocked-list">
      <summary>
        Why not elsewhere ({blocked.length} {blocked.length === 1 ? 'period' : 'periods'})
      </summary>
      <ul aria-label="Refused periods">
        {blocked.map(({ c, slot }) => (
          <li key={slot} data-slot={slot}>
            <strong>{slotName(model.problem, slot)}</strong>: {c.reasons.join('; ')}
          </li>
        ))}
      </ul>
    </details>
  );
}
