// A whole department, or every group of a year, on one sheet, laid out either as the week across
// (a row per section, a column per period of the week: wide, scrolls sideways) or as the days down
// (a band per day with a row per section and a column per period: the whole week fits the width of
// the screen). A section's row holds its batches' sessions. Rows are added a batch at a time so a
// year of a university (hundreds of rows) never holds the page for long. Choosing a session opens
// that group's week with the session highlighted.
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Positions } from '../../../shared/editor/engineTypes.ts';
import { overviewRow, wholeViewGroups, type WholeView } from '../../../shared/editor/wholeViews.ts';
import type { EditorModel } from './editorStore.ts';
import { cardText } from './viewModel.ts';

const BATCH = 25;

type Layout = 'week' | 'days';
const LAYOUT_KEY = 'slotwise.overviewLayout';

function savedLayout(): Layout {
  try {
    return globalThis.localStorage?.getItem(LAYOUT_KEY) === 'days' ? 'days' : 'week';
  } catch {
    return 'week';
  }
}

function saveLayout(layout: Layout): void {
  try {
    globalThis.localStorage?.setItem(LAYOUT_KEY, layout);
  } catch {
    // Not kept: the choice holds for this visit only.
  }
}

interface Props {
  model: EditorModel;
  positions: Positions;
  view: WholeView;
  highlight: ReadonlySet<number>;
  onOpen: (group: number, session: number) => void;
}

/** A course code short enough for a narrow column: up to its first "-" (MA101-CSE1A -> MA101). */
function shortCode(id: string): string {
  const cut = id.indexOf('-');
  return cut > 1 ? id.slice(0, cut) : id;
}

export function Overview({ model, positions, view, highlight, onOpen }: Props): React.JSX.Element {
  const { problem: p, names } = model;
  const groups = useMemo(() => wholeViewGroups(p, names, view), [p, names, view]);
  const rows = useMemo(() => groups.map((g) => overviewRow(p, positions, g)), [p, positions, groups]);
  const [shown, setShown] = useState(BATCH);
  const [layout, setLayout] = useState<Layout>(savedLayout);
  useEffect(() => setShown(BATCH), [groups]);
  useEffect(() => {
    if (shown >= groups.length) return;
    const id = requestAnimationFrame(() => startTransition(() => setShown((n) => n + BATCH)));
    return () => cancelAnimationFrame(id);
  }, [shown, groups.length]);

  const title = view.kind === 'department' ? `Department ${view.department}` : `Year ${view.year}`;
  if (groups.length === 0) return <p className="muted">No groups in {title.toLowerCase()}.</p>;
  const choose = (next: Layout): void => {
    setLayout(next);
    saveLayout(next);
  };

  /** The sessions of group g (the i-th row) in slot t, as buttons that open the group's week (wide: with the room). */
  const cell = (g: number, i: number, t: number, dayStart: boolean, wide = false): React.JSX.Element => (
    <td key={t} className={dayStart ? 'ov-cell day-start' : 'ov-cell'} data-slot={t}>
      {rows[i][t].map((s) => {
        const c = cardText(model, positions, s);
        const start = positions.slot[s] === t;
        return (
          <button
            key={s}
            type="button"
            data-session={s}
            className={[
              'ov-session',
              start ? '' : 'cont',
              highlight.has(s) ? 'highlight' : '',
              positions.locked[s] === 1 ? 'locked' : '',
            ]
              .filter(Boolean)
              .join(' ')}
            title={`${c.courseId} ${c.courseName}\n${c.teachers}\nRoom ${c.room}\nGroups ${c.groups}`}
            aria-label={`${p.groupIds[g]}: ${c.courseId} ${c.courseName}, ${c.teachers}, room ${c.room}${start ? '' : ' (continues)'}`}
            onClick={() => onOpen(g, s)}
          >
            {start ? shortCode(c.courseId) : '\u2026'}
            {start && wide && <span className="ov-room"> {c.room}</span>}
          </button>
        );
      })}
    </td>
  );
  const groupHead = (g: number): React.JSX.Element => (
    <th scope="row" className="ov-group" title={names.groupName[g]}>
      {p.groupIds[g]}
    </th>
  );
  const visible = groups.slice(0, shown);

  return (
    <>
      <div className="ov-layout" role="radiogroup" aria-label="Layout">
        <span className="muted small">Layout</span>
        {(
          [
            ['week', 'Week across'],
            ['days', 'Days down'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="small">
            <input
              type="radio"
              name="overview-layout"
              checked={layout === value}
              onChange={() => choose(value)}
            />{' '}
            {label}
          </label>
        ))}
      </div>
      <div className="overview-scroll">
        {layout === 'week' ? (
          <table className="overview" aria-label={`${title}: every group's week`}>
            <thead>
              <tr>
                <th scope="col" rowSpan={2} className="ov-group">
                  Group
                </th>
                {p.dayNames.map((d) => (
                  <th key={d} scope="colgroup" colSpan={p.nPeriods} className="ov-day">
                    {d}
                  </th>
                ))}
              </tr>
              <tr>
                {p.dayNames.flatMap((d, di) =>
                  names.periods.map((per, q) => (
                    <th
                      key={`${d}-${q}`}
                      scope="col"
                      className={q === 0 ? 'ov-period day-start' : 'ov-period'}
                      title={`${d} ${per.start}-${per.end}`}
                      data-slot={di * p.nPeriods + q}
                    >
                      {per.label}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {visible.map((g, i) => (
                <tr key={g} data-group={p.groupIds[g]}>
                  {groupHead(g)}
                  {rows[i].map((_cell, t) => cell(g, i, t, t % p.nPeriods === 0))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <table className="overview days" aria-label={`${title}: every group's week, day by day`}>
            <thead>
              <tr>
                <th scope="col" className="ov-group">
                  Group
                </th>
                {names.periods.map((per, q) => (
                  <th key={q} scope="col" className="ov-period">
                    {per.label}{' '}
                    <span className="muted">
                      {per.start}&ndash;{per.end}
                    </span>
                  </th>
                ))}
              </tr>
            </thead>
            {p.dayNames.map((d, di) => (
              <tbody key={d} data-day={d}>
                <tr className="ov-day-row">
                  <th scope="rowgroup" colSpan={p.nPeriods + 1}>
                    {d}
                  </th>
                </tr>
                {visible.map((g, i) => (
                  <tr key={g} data-group={p.groupIds[g]}>
                    {groupHead(g)}
                    {names.periods.map((_per, q) => cell(g, i, di * p.nPeriods + q, false, true))}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        )}
        {shown < groups.length && (
          <p className="muted small" role="status">
            Showing {shown} of {groups.length} groups&hellip;
          </p>
        )}
      </div>
    </>
  );
}
