// One week as a grid: periods down, days across, breaks between non-adjacent periods. The grid has
// a fixed size: while a session is picked up, cells only change colour, and a refused cell's
// reasons show on hover or focus (and in the side list). Arrow keys move between cells, Enter picks
// up the cell's session or drops the picked-up one there.
import { useRef, useState } from 'react';
import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import type { Positions } from '../../../shared/editor/engineTypes.ts';
import { gridRows } from '../../../shared/editor/views.ts';
import { FREE, UNAVAILABLE } from '../../../shared/editor/wholeViews.ts';
import type { EditorModel } from './editorStore.ts';
import { SessionCard, type CardHandlers } from './SessionCard.tsx';

export interface GridHandlers extends CardHandlers {
  /** A drop (or Enter, or a click) on a cell while a session is picked up; `onto` = the card dropped on. */
  onTarget: (slot: number, onto: number | null) => void;
}

interface Props {
  model: EditorModel;
  positions: Positions;
  sessions: readonly number[];
  label: string;
  /** The session being moved (dragged or picked up), or -1. */
  moving: number;
  checks: SlotCheck[] | null;
  highlight: ReadonlySet<number>;
  /** Sessions placed differently in the version compared with. */
  changed?: ReadonlySet<number>;
  /** Per slot: free / busy / unavailable (a faculty member's or a room's week). */
  availability?: Uint8Array | null;
  /** Absent: the grid is only looked at. */
  handlers?: GridHandlers;
  /** Cards name their groups rather than their teachers (a teacher's week). */
  showGroups?: boolean;
}

interface Tip {
  slot: number;
  x: number;
  y: number;
}

export function WeekGrid(props: Props): React.JSX.Element {
  const { model, positions, sessions, moving, checks, handlers, availability } = props;
  const { problem: p, names } = model;
  const table = useRef<HTMLTableElement>(null);
  const [focusSlot, setFocusSlot] = useState(0);
  const [tip, setTip] = useState<Tip | null>(null);
  const starts = new Map<number, number[]>();
  const continues = new Map<number, number[]>();
  for (const s of sessions) {
    if (positions.active[s] !== 1) continue;
    const slot = positions.slot[s];
    starts.set(slot, [...(starts.get(slot) ?? []), s]);
    for (let t = slot + 1; t < slot + positions.span[s]; t++)
      continues.set(t, [...(continues.get(t) ?? []), s]);
  }
  const rows = gridRows(p);
  const tipId = `${props.label.replace(/\W+/g, '-')}-tip`;

  const focusCell = (slot: number): void => {
    setFocusSlot(slot);
    table.current?.querySelector<HTMLElement>(`td[data-slot="${slot}"]`)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTableCellElement>, slot: number): void => {
    const day = Math.floor(slot / p.nPeriods);
    const period = slot % p.nPeriods;
    const step: Record<string, [number, number]> = {
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
    };
    const d = step[e.key];
    if (d) {
      e.preventDefault();
      const nd = Math.min(p.nDays - 1, Math.max(0, day + d[0]));
      const np = Math.min(p.nPeriods - 1, Math.max(0, period + d[1]));
      focusCell(nd * p.nPeriods + np);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget && handlers) {
      e.preventDefault();
      if (moving >= 0) handlers.onTarget(slot, null);
      else {
        const first = (starts.get(slot) ?? [])[0];
        if (first !== undefined) handlers.onPick(first);
      }
    }
  };
  const showTip = (slot: number, el: HTMLElement): void => {
    const r = el.getBoundingClientRect();
    setTip({ slot, x: r.left, y: r.bottom + 2 });
  };
  const tipReasons = tip && checks && moving >= 0 ? checks[tip.slot]?.reasons : undefined;

  return (
    <div className="week-wrap">
      <table ref={table} className="week-grid" role="grid" aria-label={props.label}>
        <thead>
          <tr>
            <th scope="col" className="period-head">
              Period
            </th>
            {p.dayNames.map((d) => (
              <th key={d} scope="col">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.period < 0 ? (
              <tr key={`break-${i}`} className="break-row" aria-hidden="true">
                <td colSpan={p.nDays + 1} />
              </tr>
            ) : (
              <tr key={row.period}>
                <th scope="row" className="period-head">
                  <span className="period-label">{names.periods[row.period].label}</span>
                  <span className="muted small">
                    {names.periods[row.period].start}&ndash;{names.periods[row.period].end}
                  </span>
                </th>
                {p.dayNames.map((day, d) => {
                  const slot = d * p.nPeriods + row.period;
                  const check = moving >= 0 ? checks?.[slot] : undefined;
                  const here = moving >= 0 && positions.slot[moving] === slot;
                  const verdict = !check || here ? '' : check.reasons.length === 0 ? 'allowed' : 'blocked';
                  const cards = starts.get(slot) ?? [];
                  const cont = continues.get(slot) ?? [];
                  const free = availability?.[slot] === FREE;
                  const away = availability?.[slot] === UNAVAILABLE;
                  const name = `${day} period ${names.periods[row.period].label}`;
                  const classes = ['cell', verdict, here && 'origin', away && 'unavailable', free && 'free']
                    .filter(Boolean)
                    .join(' ');
                  return (
                    <td
                      key={d}
                      className={classes}
                      data-slot={slot}
                      role="gridcell"
                      tabIndex={slot === focusSlot ? 0 : -1}
                      aria-label={
                        verdict === 'blocked'
                          ? `${name}: not allowed`
                          : verdict === 'allowed'
                            ? `${name}: allowed`
                            : `${name}${away ? ': not available' : free ? ': free' : ''}`
                      }
                      aria-describedby={tip?.slot === slot && verdict === 'blocked' ? tipId : undefined}
                      onFocus={(e) => {
                        setFocusSlot(slot);
                        if (e.target === e.currentTarget) showTip(slot, e.currentTarget);
                      }}
                      onBlur={() => setTip(null)}
                      onMouseEnter={(e) => showTip(slot, e.currentTarget)}
                      onMouseLeave={() => setTip(null)}
                      onDragEnter={(e) => showTip(slot, e.currentTarget)}
                      onDragOver={(e) => {
                        if (moving >= 0 && handlers) e.preventDefault();
                      }}
                      onDrop={(e) => {
                        e.preventDefault();
                        const onto = (e.target as HTMLElement).closest<HTMLElement>('.card[data-session]');
                        handlers?.onTarget(slot, onto ? Number(onto.dataset['session']) : null);
                      }}
                      onClick={(e) => {
                        if (moving < 0 || !handlers) return;
                        const onto = (e.target as HTMLElement).closest<HTMLElement>('.card[data-session]');
                        handlers.onTarget(slot, onto ? Number(onto.dataset['session']) : null);
                      }}
                      onKeyDown={(e) => onKeyDown(e, slot)}
                    >
                      <div className="cell-box">
                        {cards.map((s) => (
                          <SessionCard
                            key={s}
                            model={model}
                            positions={positions}
                            session={s}
                            compact={cards.length + cont.length > 1}
                            selected={s === moving}
                            highlighted={props.highlight.has(s)}
                            changed={props.changed?.has(s)}
                            handlers={handlers}
                          />
                        ))}
                        {cont.map((s) => (
                          <div
                            key={s}
                            className={
                              props.highlight.has(s) ? 'continues highlight small' : 'continues muted small'
                            }
                          >
                            {p.courseIds[p.sessionCourse[s]]} continues
                          </div>
                        ))}
                        {cards.length + cont.length === 0 && (away || free) && (
                          <span className="cell-note small">{away ? 'not available' : 'free'}</span>
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {tip && tipReasons && tipReasons.length > 0 && (
        <div id={tipId} role="tooltip" className="cell-tip" style={{ left: tip.x, top: tip.y }}>
          <ul>
            {tipReasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
