// A group's, a teacher's or a room's week with its heading (names, size, department; a teacher's
// load and free periods; a room's use), the grid, and the sessions not placed.
import { useMemo } from 'react';
import type { Positions } from '../../../shared/editor/engineTypes.ts';
import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import { BUSY, FREE, UNAVAILABLE, weekAvailability } from '../../../shared/editor/wholeViews.ts';
import { plural } from '../../../shared/eval/describe.ts';
import type { EditorModel } from './editorStore.ts';
import { SessionCard } from './SessionCard.tsx';
import { weekTitle, type WeekKind } from './viewModel.ts';
import { WeekGrid, type GridHandlers } from './WeekGrid.tsx';

interface Props {
  model: EditorModel;
  positions: Positions;
  kind: WeekKind;
  index: number;
  sessions: readonly number[];
  moving: number;
  checks: SlotCheck[] | null;
  highlight: ReadonlySet<number>;
  handlers: GridHandlers;
}

function count(a: Uint8Array, v: number): number {
  let n = 0;
  for (const x of a) if (x === v) n++;
  return n;
}

export function WeekView(props: Props): React.JSX.Element {
  const { model, positions, kind, index, sessions } = props;
  const availability = useMemo(
    () => (kind === 'group' ? null : weekAvailability(model.problem, positions, kind, index)),
    [model, positions, kind, index],
  );
  const { title, detail } = weekTitle(model, kind, index);
  const facts: string[] = [];
  if (availability) {
    const busy = count(availability, BUSY);
    const away = count(availability, UNAVAILABLE);
    if (kind === 'faculty')
      facts.push(
        `teaches ${plural(busy, 'period')} a week`,
        `${plural(count(availability, FREE), 'free period')}`,
      );
    else facts.push(`in use ${plural(busy, 'period')} a week`);
    if (away > 0) facts.push(`not available ${plural(away, 'period')}`);
  }
  const unplaced = sessions.filter((s) => positions.active[s] !== 1);
  return (
    <>
      <div className="week-heading">
        <h2 data-testid="week-title">{title}</h2>
        <span className="muted">{[detail, ...facts].filter(Boolean).join(' · ')}</span>
      </div>
      {sessions.length === 0 && (
        <p className="muted small">Nothing is scheduled for {title}: choose another above.</p>
      )}
      <div className="grid-scroll">
        <WeekGrid
          model={model}
          positions={positions}
          sessions={sessions}
          label={`Week of ${title}`}
          moving={props.moving}
          checks={props.checks}
          highlight={props.highlight}
          availability={availability}
          showGroups={kind === 'faculty'}
          handlers={props.handlers}
        />
      </div>
      {unplaced.length > 0 && (
        <div className="unplaced">
          <h3>Not placed ({unplaced.length})</h3>
          <div className="unplaced-cards">
            {unplaced.map((s) => (
              <SessionCard
                key={s}
                model={model}
                positions={positions}
                session={s}
                selected={s === props.moving}
                highlighted={props.highlight.has(s)}
                showGroups={kind === 'faculty'}
                handlers={props.handlers}
              />
            ))}
          </div>
        </div>
      )}
    </>
  );
}
