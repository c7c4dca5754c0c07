// Two versions of the timetable side by side on the grid, for the week being looked at: sessions
// placed differently (another time or room) are marked in both, with the count for the whole
// timetable and for this week. Read from the project file (the editor's edits are saved at once).
import { useEffect, useMemo, useState } from 'react';
import type { VersionPositions } from '../../../shared/editor/engineTypes.ts';
import { sessionsInView } from '../../../shared/editor/views.ts';
import type { TimetableInfo } from '../../../shared/ipc/contract.ts';
import { api, messageOf } from '../api.ts';
import type { EditorModel } from './editorStore.ts';
import { engine } from './engineClient.ts';
import type { WeekKind } from './viewModel.ts';
import { WeekGrid } from './WeekGrid.tsx';

const cache = new Map<string, Promise<VersionPositions>>();

function versionPositions(info: TimetableInfo): Promise<VersionPositions> {
  const key = `${info.id}@${info.updatedAt}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = api()
      .timetableEditorData({ id: info.id })
      .then((data) => {
        if (!data.version) throw new Error(`There is no timetable ${info.id} in this project.`);
        return engine().version(data.version.timetable);
      });
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

interface Props {
  model: EditorModel;
  kind: WeekKind;
  index: number;
  /** Versions to start with (from Variants); default: the active one and the one before it. */
  initial?: { a: number; b: number };
  label: string;
}

export function CompareView({ model, kind, index, initial, label }: Props): React.JSX.Element {
  const p = model.problem;
  const [list, setList] = useState<TimetableInfo[] | null>(null);
  const [a, setA] = useState<number | null>(initial?.a ?? null);
  const [b, setB] = useState<number | null>(initial?.b ?? null);
  const [shown, setShown] = useState<{ a: VersionPositions; b: VersionPositions } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api()
      .timetableList()
      .then((rows) => {
        setList(rows);
        const active = rows.find((t) => t.active) ?? rows[rows.length - 1];
        const other = rows.filter((t) => t.id !== active?.id).at(-1);
        setA((x) => x ?? active?.id ?? null);
        setB((x) => x ?? other?.id ?? active?.id ?? null);
      })
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);

  useEffect(() => {
    const ia = list?.find((t) => t.id === a);
    const ib = list?.find((t) => t.id === b);
    if (!ia || !ib) return;
    let live = true;
    setError(null);
    Promise.all([versionPositions(ia), versionPositions(ib)])
      .then(([pa, pb]) => live && setShown({ a: pa, b: pb }))
      .catch((e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [list, a, b]);

  const changed = useMemo(() => {
    const out = new Set<number>();
    if (!shown) return out;
    const x = shown.a.positions;
    const y = shown.b.positions;
    for (let s = 0; s < p.nSessions; s++) if (x.slot[s] !== y.slot[s] || x.room[s] !== y.room[s]) out.add(s);
    return out;
  }, [shown, p]);
  const inView = (pos: VersionPositions): number[] => sessionsInView(p, pos.positions.room, kind, index);
  const here = shown
    ? new Set([...inView(shown.a), ...inView(shown.b)].filter((s) => changed.has(s))).size
    : 0;
  const name = (id: number | null): string => list?.find((t) => t.id === id)?.name ?? '';
  const picker = (which: 'A' | 'B', value: number | null, set: (id: number) => void): React.JSX.Element => (
    <label className="field inline">
      <span>Version {which}</span>
      <select value={value ?? ''} onChange={(e) => set(Number(e.target.value))}>
        {(list ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} (#{t.id}){t.active ? ' · active' : ''}
          </option>
        ))}
      </select>
    </label>
  );
  const column = (which: 'A' | 'B', id: number | null, pos: VersionPositions): React.JSX.Element => (
    <section className="compare-side" aria-label={`Version ${which}`}>
      <h3>
        {which}: {name(id)}{' '}
        <span className="muted small">
          hard {pos.totals.hardTotal}, soft {Math.round(pos.totals.softTotal * 100) / 100}
        </span>
      </h3>
      <WeekGrid
        model={model}
        positions={pos.positions}
        sessions={inView(pos)}
        label={`${label}, version ${which}`}
        moving={-1}
        checks={null}
        highlight={new Set()}
        changed={changed}
        showGroups={kind === 'faculty'}
      />
    </section>
  );
  return (
    <div className="compare">
      <div className="compare-bar">
        {picker('A', a, setA)}
        {picker('B', b, setB)}
        {shown && (
          <span role="status" data-testid="compare-summary">
            {changed.size} of {p.nSessions} sessions placed differently, {here} in this week.
          </span>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!shown ? (
        <p className="muted">Loading the versions&hellip;</p>
      ) : (
        <div className="compare-grids">
          {column('A', a, shown.a)}
          {column('B', b, shown.b)}
        </div>
      )}
    </div>
  );
}
