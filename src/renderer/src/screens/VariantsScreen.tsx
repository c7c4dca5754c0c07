// Variants: every timetable version with its KPIs, the active one chosen here, and a side-by-side
// comparison of two versions (which sessions moved where).
import { useCallback, useEffect, useState } from 'react';
import type { MovedSession, TimetableInfo } from '../../../shared/ipc/contract.ts';
import type { TimetableKpis } from '../../../shared/model/timetableKpis.ts';
import { api, messageOf } from '../api.ts';
import { MovedTable, type Week } from '../variants/MovedTable.tsx';
import { VersionRow } from '../variants/VersionRow.tsx';
import '../generate/generate.css';
import type { OpenTimetable } from '../timetable/focus.ts';

export function VariantsScreen({ onOpenTimetable }: { onOpenTimetable: OpenTimetable }): React.JSX.Element {
  const [list, setList] = useState<TimetableInfo[] | null>(null);
  const [week, setWeek] = useState<Week | null>(null);
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const [kpis, setKpis] = useState<Record<number, TimetableKpis>>({});
  const [moved, setMoved] = useState<{ sessions: number; moved: MovedSession[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // The KPIs are worked out in main (kept there per version), not from the whole college here.
      const [rows, figures] = await Promise.all([api().timetableList(), api().timetableKpis()]);
      setList(rows);
      setWeek({ days: figures.days, periods: figures.periods });
      const next: Record<number, TimetableKpis> = {};
      for (const { id, ...k } of figures.versions) next[id] = k;
      setKpis(next);
      setA((x) => x ?? rows[1]?.id ?? rows[0]?.id ?? null);
      setB((x) => x ?? rows[0]?.id ?? null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const makeActive = async (id: number): Promise<void> => {
    try {
      await api().timetableSetActive({ id });
      await load();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const rename = async (id: number, name: string): Promise<void> => {
    await api().timetableRename({ id, name });
    await load();
  };

  const remove = async (id: number): Promise<void> => {
    await api().timetableDelete({ id });
    setA((x) => (x === id ? null : x));
    setB((x) => (x === id ? null : x));
    setMoved(null);
    await load();
  };

  const compare = async (): Promise<void> => {
    if (a === null || b === null) return;
    if (a === b) {
      setMoved(null);
      return setError('Choose two different versions to compare.');
    }
    setError(null);
    try {
      const { sessions, movedJson } = await api().timetableCompare({ a, b });
      setMoved({ sessions, moved: JSON.parse(movedJson) as MovedSession[] });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  if (list && list.length === 0)
    return (
      <section className="screen">
        <p className="empty-state muted">
          No timetable yet: generate one (or several variants) on the Generate screen.
        </p>
      </section>
    );
  const name = (id: number | null): string => list?.find((t) => t.id === id)?.name ?? '';
  return (
    <section className="screen">
      <div className="panel">
        <h2>Timetable versions</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="table-scroll">
          <table className="data-table kpi-table" aria-label="Timetable versions">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Hard
                </th>
                <th scope="col" className="num">
                  Soft
                </th>
                <th scope="col">Soft cost by kind</th>
                <th scope="col" className="num">
                  Placed
                </th>
                <th scope="col" className="num" title="Average number of days a teacher comes in">
                  Faculty days
                </th>
                <th scope="col" className="num" title="Share of room-periods in use">
                  Room use
                </th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {(list ?? []).map((t) => (
                <VersionRow
                  key={t.id}
                  t={t}
                  kpis={kpis[t.id]}
                  onOpen={() => onOpenTimetable()}
                  onMakeActive={() => void makeActive(t.id)}
                  onRename={(name) => rename(t.id, name)}
                  onDelete={() => remove(t.id)}
                />
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="panel">
        <h2>Compare two versions</h2>
        <div className="compare-pick">
          <label className="field">
            <span>From</span>
            <select value={a ?? ''} onChange={(e) => setA(Number(e.target.value))}>
              {(list ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>To</span>
            <select value={b ?? ''} onChange={(e) => setB(Number(e.target.value))}>
              {(list ?? []).map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => void compare()}>
            Compare
          </button>
        </div>
        {moved && (
          <>
            <p aria-live="polite">
              {moved.moved.length} of {moved.sessions} sessions moved from {name(a)} to {name(b)}.
            </p>
            {moved.moved.length > 0 && <MovedTable moved={moved.moved} week={week} />}
          </>
        )}
      </div>
    </section>
  );
}
