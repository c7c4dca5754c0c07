import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import { gridRows } from '../../../shared/editor/views.ts';
import type { Loaded } from './useEditor.ts';
import { SessionCard } from './SessionCard.tsx';

interface Props {
  loaded: Loaded;
  sessions: number[];
  /** The session being moved (dragged or picked), or -1. */
  moving: number;
  checks: SlotCheck[] | null;
  highlight: ReadonlySet<number>;
  onPick: (session: number) => void;
  onDragStart: (session: number) => void;
  onDragEnd: () => void;
  onTarget: (slot: number) => void;
  onToggleLock: (session: number) => void;
}

export function WeekGrid(props: Props): React.JSX.Element {
  const { loaded, sessions, moving, checks } = props;
  const { problem, state } = loaded;
  const starts = new Map<number, number[]>();
  const continues = new Map<number, number[]>();
  for (const s of sessions) {
    if (state.active[s] !== 1) continue;
    const slot = state.slot[s];
    starts.set(slot, [...(starts.get(slot) ?? []), s]);
    for (let t = slot + 1; t < slot + state.span[s]; t++) continues.set(t, [...(continues.get(t) ?? []), s]);
  }
  const rows = gridRows(problem);
  const periods = loaded.college.periods;
  return (
    <table className="week-grid" aria-label="Week timetable">
      <thead>
        <tr>
          <th scope="col" className="period-head">
            Period
          </th>
          {problem.dayNames.map((d) => (
            <th key={d} scope="col">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) =>
          row.period < 0 ? (
            <tr key={`break-${i}`} className="break-row" aria-label="Break">
              <td colSpan={problem.nDays + 1} />
            </tr>
          ) : (
            <tr key={row.period}>
              <th scope="row" className="period-head">
                <span className="period-label">{periods[row.period].label}</span>
                <span className="muted small">
                  {periods[row.period].start}&ndash;{periods[row.period].end}
                </span>
              </th>
              {problem.dayNames.map((day, d) => {
                const slot = d * problem.nPeriods + row.period;
                const check = checks?.[slot];
                const here = moving >= 0 && state.slot[moving] === slot;
                const verdict = !check || here ? '' : check.reasons.length === 0 ? 'allowed' : 'blocked';
                const label = `${day} period ${periods[row.period].label}`;
                return (
                  <td
                    key={d}
                    className={`cell ${verdict}${here ? ' origin' : ''}`}
                    data-slot={slot}
                    aria-label={
                      verdict
                        ? `${label}: ${verdict === 'allowed' ? 'allowed' : check?.reasons.join('; ')}`
                        : label
                    }
                    title={verdict === 'blocked' ? check?.reasons.join('\n') : undefined}
                    tabIndex={moving >= 0 ? 0 : undefined}
                    onDragOver={(e) => {
                      if (moving >= 0) e.preventDefault();
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      props.onTarget(slot);
                    }}
                    onClick={() => {
                      if (moving >= 0) props.onTarget(slot);
                    }}
                    onKeyDown={(e) => {
                      if (
                        moving >= 0 &&
                        e.target === e.currentTarget &&
                        (e.key === 'Enter' || e.key === ' ')
                      ) {
                        e.preventDefault();
                        props.onTarget(slot);
                      }
                    }}
                  >
                    {(starts.get(slot) ?? []).map((s) => (
                      <SessionCard
                        key={s}
                        loaded={loaded}
                        session={s}
                        selected={s === moving}
                        highlighted={props.highlight.has(s)}
                        onPick={props.onPick}
                        onDragStart={props.onDragStart}
                        onDragEnd={props.onDragEnd}
                        onToggleLock={props.onToggleLock}
                      />
                    ))}
                    {(continues.get(slot) ?? []).map((s) => (
                      <div key={s} className="continues muted small">
                        {problem.courseIds[problem.sessionCourse[s]]} continues
                      </div>
                    ))}
                    {verdict === 'blocked' && <div className="reason">{check?.reasons[0]}</div>}
                  </td>
                );
              })}
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
