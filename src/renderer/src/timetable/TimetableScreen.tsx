import { useCallback, useEffect, useMemo, useState } from 'react';
import { checkMoves } from '../../../shared/editor/moveCheck.ts';
import { sessionsInView, viewOf, type ViewKind } from '../../../shared/editor/views.ts';
import type { Violation } from '../../../shared/eval/types.ts';
import { sessionName, slotName } from '../../../shared/eval/describe.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { SessionCard } from './SessionCard.tsx';
import { useEditor } from './useEditor.ts';
import { Suggestions } from './Suggestions.tsx';
import { ViolationsPanel } from './ViolationsPanel.tsx';
import { WeekGrid } from './WeekGrid.tsx';
import type { TimetableFocus } from './focus.ts';
import './timetable.css';

interface Props {
  projectPath: string;
  /** Sessions another screen asked to highlight (not yet shown: the grid highlights violations). */
  focus?: TimetableFocus;
  onImport: () => void;
}

interface Pending {
  session: number;
  slot: number;
  room: number;
  reasons: string[];
}

const VIEW_LABELS: Record<ViewKind, string> = { group: 'Group', faculty: 'Faculty', room: 'Room' };

export function TimetableScreen({ projectPath, onImport }: Props): React.JSX.Element {
  const editor = useEditor();
  const { loaded, version } = editor;
  const [kind, setKind] = useState<ViewKind>('group');
  const [entity, setEntity] = useState(0);
  const [moving, setMoving] = useState(-1);
  const [pending, setPending] = useState<Pending | null>(null);
  const [violation, setViolation] = useState<Violation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const sessions = useMemo(
    () => (loaded ? sessionsInView(loaded.problem, loaded.state.room, kind, entity) : []),
    [loaded, kind, entity, version],
  );
  const checks = useMemo(
    () => (loaded && moving >= 0 ? checkMoves(loaded.state, moving, kind === 'room' ? entity : -1) : null),
    [loaded, moving, version, kind, entity],
  );
  const highlight = useMemo(() => new Set(violation?.sessions ?? []), [violation]);

  const { undo, redo } = editor;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (e.key === 'Escape') setMoving(-1);
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const pick = useCallback(
    (s: number) => {
      if (!loaded) return;
      if (loaded.locked[s] === 1) {
        setNotice(`${sessionName(loaded.problem, s)} is locked: unlock it to move it.`);
        return;
      }
      setNotice(null);
      setMoving((m) => (m === s ? -1 : s));
    },
    [loaded],
  );

  const startDrag = useCallback((s: number) => {
    setNotice(null);
    setMoving(s);
  }, []);

  const target = (slot: number): void => {
    if (!loaded || moving < 0 || !checks) return;
    const s = moving;
    const check = checks[slot];
    setMoving(-1);
    if (loaded.state.slot[s] === slot || check.room < 0) return;
    if (check.reasons.length === 0) {
      editor.move(s, slot, check.room);
      setNotice(`Moved ${sessionName(loaded.problem, s)} to ${slotName(loaded.problem, slot)}.`);
    } else setPending({ session: s, slot, room: check.room, reasons: check.reasons });
  };

  const selectViolation = (v: Violation | null): void => {
    setViolation(v);
    if (!loaded || !v || v.sessions.length === 0) return;
    if (v.sessions.some((s) => sessions.includes(s))) return;
    const view = viewOf(loaded.problem, loaded.state.room, v.sessions[0]);
    if (view) {
      setKind(view.kind);
      setEntity(view.index);
    }
  };

  if (editor.status === 'loading') return <p className="screen muted">Loading the timetable&hellip;</p>;
  if (editor.status === 'error')
    return (
      <p role="alert" className="screen error">
        {editor.error}
      </p>
    );
  if (editor.status === 'no-college' || editor.status === 'no-timetable' || !loaded || !editor.evaluation)
    return (
      <section className="screen">
        <div className="panel empty-state">
          <h2>No timetable yet</h2>
          {editor.status === 'no-college' ? (
            <>
              <p>Import the college data first; a timetable is made from it.</p>
              <button type="button" className="primary" onClick={onImport}>
                Import college data
              </button>
            </>
          ) : (
            <>
              <p>
                This project has no timetable yet. Make one from the command line, then open this screen
                again:
              </p>
              <pre className="command">slotwise solve --db &quot;{projectPath}&quot;</pre>
            </>
          )}
        </div>
      </section>
    );

  const { problem } = loaded;
  const ids = kind === 'group' ? problem.groupIds : kind === 'faculty' ? problem.facultyIds : problem.roomIds;
  const unplaced = sessions.filter((s) => loaded.state.active[s] !== 1);
  return (
    <section className="timetable-screen">
      <div className="editor-main">
        <div className="toolbar">
          <label className="field inline">
            <span>View</span>
            <select
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ViewKind);
                setEntity(0);
              }}
            >
              {(['group', 'faculty', 'room'] as const).map((k) => (
                <option key={k} value={k}>
                  {VIEW_LABELS[k]}
                </option>
              ))}
            </select>
          </label>
          <label className="field inline">
            <span>{VIEW_LABELS[kind]}</span>
            <select value={entity} onChange={(e) => setEntity(Number(e.target.value))}>
              {ids.map((id, i) => (
                <option key={id} value={i}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={!editor.canUndo} onClick={undo} title="Ctrl+Z">
            Undo
          </button>
          <button type="button" disabled={!editor.canRedo} onClick={redo} title="Ctrl+Shift+Z">
            Redo
          </button>
          <span className="muted small" data-testid="save-state">
            {editor.saving ? 'Saving\u2026' : 'All changes saved.'}
          </span>
          <span className="small" role="status">
            {notice ?? (moving >= 0 ? 'Drop on a green cell, or press Esc to cancel.' : '')}
          </span>
        </div>
        {editor.error && (
          <p role="alert" className="error">
            {editor.error}{' '}
            <button type="button" className="link" onClick={editor.dismissError}>
              Dismiss
            </button>
          </p>
        )}
        {sessions.length === 0 ? (
          <p className="muted">
            Nothing is scheduled for {ids[entity] ?? 'this selection'}: pick another in the list above.
          </p>
        ) : (
          <div className="grid-scroll">
            <WeekGrid
              loaded={loaded}
              sessions={sessions}
              moving={moving}
              checks={checks}
              highlight={highlight}
              onPick={pick}
              onDragStart={startDrag}
              onDragEnd={() => setMoving(-1)}
              onTarget={target}
              onToggleLock={editor.toggleLock}
            />
          </div>
        )}
        {unplaced.length > 0 && (
          <div className="unplaced">
            <h3>Not placed ({unplaced.length})</h3>
            <div className="unplaced-cards">
              {unplaced.map((s) => (
                <SessionCard
                  key={s}
                  loaded={loaded}
                  session={s}
                  selected={s === moving}
                  highlighted={highlight.has(s)}
                  onPick={pick}
                  onDragStart={startDrag}
                  onDragEnd={() => setMoving(-1)}
                  onToggleLock={editor.toggleLock}
                />
              ))}
            </div>
          </div>
        )}
      </div>
      <aside className="side-panel" aria-label="Cost of this timetable">
        {moving >= 0 && checks && (
          <Suggestions loaded={loaded} session={moving} checks={checks} onChoose={target} />
        )}
        <ViolationsPanel evaluation={editor.evaluation} selected={violation} onSelect={selectViolation} />
      </aside>
      {pending && (
        <ConfirmDialog
          title={`Move ${sessionName(problem, pending.session)} to ${slotName(problem, pending.slot)} anyway?`}
          reasons={pending.reasons}
          confirmLabel="Move anyway"
          onCancel={() => setPending(null)}
          onConfirm={() => {
            editor.move(pending.session, pending.slot, pending.room);
            setNotice(
              `Moved ${sessionName(problem, pending.session)} with a conflict: ${pending.reasons[0]}.`,
            );
            setPending(null);
          }}
        />
      )}
    </section>
  );
}
