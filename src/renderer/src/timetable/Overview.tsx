// A whole department, or every group of a year, on one sheet: a row per section (its batches'
// sessions in its row), a column per period of the week. Rows are added a batch at a time so a
// year of a university (hundreds of rows) never holds the page for long. Choosing a session opens
// that group's week with the session highlighted.
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Positions } from '../../../shared/editor/engineTypes.ts';
import { overviewRow, wholeViewGroups, type WholeView } from '../../../shared/editor/wholeViews.ts';
import type { EditorModel } from './editorStore.ts';
import { cardText } from './viewModel.ts';

const BATCH = 25;

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
  useEffect(() => setShown(BATCH), [groups]);
  useEffect(() => {
    if (shown >= groups.length) return;
    const id = requestAnimationFrame(() => startTransition(() => setShown((n) => n + BATCH)));
    return () => cancelAnimationFrame(id);
  }, [shown, groups.length]);

  const title = view.kind === 'department' ? `Department ${view.department}` : `Year ${view.year}`;
  if (groups.length === 0) return <p className="muted">No groups in {title.toLowerCase()}.</p>;
  return (
    <div className="overview-scroll">
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
          {groups.slice(0, shown).map((g, i) => (
            <tr key={g} data-group={p.groupIds[g]}>
              <th scope="row" className="ov-group" title={names.groupName[g]}>
                {p.groupIds[g]}
              </th>
              {rows[i].map((cell, t) => (
                <td key={t} className={t % p.nPeriods === 0 ? 'ov-cell day-start' : 'ov-cell'} data-slot={t}>
                  {cell.map((s) => {
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
                      </button>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {shown < groups.length && (
        <p className="muted small" role="status">
          Showing {shown} of {groups.length} groups&hellip;
        </p>
      )}
    </div>
  );
}
