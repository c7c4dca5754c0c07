// The Timetable screen: a week (group, teacher, room) or a whole department or year, edited by
// drag and drop or the keyboard, with every check done in the editor's worker; swaps and swap
// chains; the side panel's violations; two versions compared side by side.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { sessionsInView, viewOf } from '../../../shared/editor/views.ts';
import type { ChainSuggestion } from '../../../shared/editor/swap.ts';
import { sessionName, slotName } from '../../../shared/eval/describe.ts';
import type { Violation } from '../../../shared/eval/types.ts';
import { BlockedList } from './BlockedList.tsx';
import { CompareView } from './CompareView.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { describeEdit, type Edit } from './edits.ts';
import { editorStore } from './editorStore.ts';
import { EmptyState } from './EmptyState.tsx';
import type { TimetableFocus } from './focus.ts';
import { Overview } from './Overview.tsx';
import { StudentClashList } from './StudentClashList.tsx';
import { Suggestions } from './Suggestions.tsx';
import { Toolbar } from './Toolbar.tsx';
import { useEditor } from './useEditor.ts';
import { useFocus } from './useFocus.ts';
import { useMoving, type Refused } from './useMoving.ts';
import { ViolationsPanel } from './ViolationsPanel.tsx';
import type { View } from './viewModel.ts';
import { WeekView } from './WeekView.tsx';
import type { GridHandlers } from './WeekGrid.tsx';
import './timetable.css';

interface Props {
  projectPath: string;
  /** Sessions (or versions to compare) another screen asked to show. */
  focus?: TimetableFocus;
  onImport: () => void;
  onGenerate?: () => void;
}

export function TimetableScreen({ projectPath, focus, onImport, onGenerate }: Props): React.JSX.Element {
  const editor = useEditor(projectPath);
  const { positions, totals } = editor;
  // A new model (the first visit, a re-import) is shown by a render React may split across frames:
  // until it has caught up, the screen says it is loading, so no frame holds the whole first render.
  // Edits keep the model, so they render at once.
  const model = useDeferredValue(editor.model, null);
  const catchingUp = model !== editor.model;
  const [view, setView] = useState<View>({ kind: 'group', index: 0 });
  const [highlight, setHighlight] = useState<ReadonlySet<number>>(new Set());
  const [label, setLabel] = useState<string | null>(null);
  const [violation, setViolation] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refused, setRefused] = useState<Refused | null>(null);
  const [compare, setCompare] = useState<{ a: number; b: number } | null | 'open'>(null);
  const mover = useMoving();
  const { moving } = mover;
  const week = view.kind === 'group' || view.kind === 'faculty' || view.kind === 'room' ? view : null;

  const weekKind = week?.kind;
  const weekIndex = week?.index ?? -1;
  const sessions = useMemo(
    () =>
      model && positions && weekKind
        ? sessionsInView(model.problem, positions.room, weekKind, weekIndex)
        : [],
    [model, positions, weekKind, weekIndex],
  );

  const showSessions = useCallback(
    (list: number[], why: string | null) => {
      setHighlight(new Set(list));
      setLabel(why);
      if (!model || !positions || list.length === 0) return;
      if (week && list.some((s) => sessions.includes(s))) return;
      const where = viewOf(model.problem, positions.room, list[0]);
      if (where) setView(where);
    },
    [model, positions, week, sessions],
  );
  useFocus(focus, model, showSessions, (c) => setCompare(c));

  const edit = useCallback(
    (e: Edit) => {
      if (!model) return;
      editorStore.edit(e);
      setNotice(`${describeEdit(model, e, 'to')}.`);
    },
    [model],
  );
  const place = (s: number) => ({
    slot: positions?.slot[s] ?? -1,
    room: positions?.room[s] ?? -1,
    locked: positions?.locked[s] === 1,
  });
  const moveEdit = (moves: ReadonlyArray<{ session: number; slot: number; room: number }>): Edit => ({
    kind: moves.length === 1 ? 'move' : moves.length === 2 ? 'swap' : 'chain',
    changes: moves.map((m) => ({
      session: m.session,
      from: place(m.session),
      to: { ...place(m.session), slot: m.slot, room: m.room },
    })),
  });

  // Stable, so the toolbar (memoised) does not render again on every edit.
  const cancelMove = mover.cancel;
  const changeView = useCallback(
    (v: View) => {
      cancelMove();
      setView(v);
    },
    [cancelMove],
  );
  const toggleCompare = useCallback(() => setCompare((c) => (c === null ? 'open' : null)), []);
  const undo = useCallback(() => setNotice(editorStore.undo()), []);
  const redo = useCallback(() => setNotice(editorStore.redo()), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) return;
      if (e.key === 'Escape') mover.cancel();
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
  }, [undo, redo, mover]);

  const target = async (slot: number, onto: number | null): Promise<void> => {
    if (!moving || !model || !positions) return;
    const s = moving.session;
    const checks = moving.checks ?? (await mover.checksReady());
    mover.cancel();
    if (!checks || (positions.slot[s] === slot && onto === null)) return;
    const check = checks[slot];
    if (check.room < 0) return setNotice(`${sessionName(model.problem, s)}: ${check.reasons[0]}.`);
    if (check.reasons.length === 0) return edit(moveEdit([{ session: s, slot, room: check.room }]));
    const here =
      onto !== null && onto !== s
        ? [onto]
        : sessions.filter((x) => x !== s && positions.active[x] === 1 && positions.slot[x] === slot);
    const swaps = positions.slot[s] >= 0 ? await mover.swapChecks(s, here) : [];
    setRefused({ session: s, slot, room: check.room, reasons: check.reasons, swaps });
  };

  const handlers: GridHandlers = {
    onPick: (s) => {
      if (!model || !positions) return;
      if (moving && moving.session !== s && positions.active[s] === 1)
        return void target(positions.slot[s], s);
      if (positions.locked[s] === 1)
        return setNotice(`${sessionName(model.problem, s)} is locked: unlock it to move it.`);
      setNotice(null);
      if (moving?.session === s) mover.cancel();
      else mover.pickUp(s, week?.kind === 'room' ? week.index : -1);
    },
    onDragStart: (s) => {
      setNotice(null);
      if (moving?.session !== s) mover.pickUp(s, week?.kind === 'room' ? week.index : -1);
    },
    onDragEnd: () => {},
    onToggleLock: (s) => {
      const here = place(s);
      edit({ kind: 'lock', changes: [{ session: s, from: here, to: { ...here, locked: !here.locked } }] });
    },
    onTarget: (slot, onto) => void target(slot, onto),
  };

  const selectViolation = (v: Violation | null): void => {
    setViolation(v?.message ?? null);
    showSessions(v?.sessions ?? [], v ? v.message : null);
  };
  const chooseChain = (c: ChainSuggestion): void => {
    mover.cancel();
    edit(moveEdit(c.moves));
  };

  if (editor.status === 'idle' || editor.status === 'loading' || !editor.checked || catchingUp)
    return <p className="screen muted">Loading the timetable&hellip;</p>;
  if (editor.status === 'error' && !model)
    return (
      <p role="alert" className="screen error">
        {editor.error}
      </p>
    );
  if (!model || !positions)
    return (
      <EmptyState noCollege={editor.status === 'no-college'} onImport={onImport} onGenerate={onGenerate} />
    );

  const p = model.problem;
  const status = notice ?? (moving ? 'Drop on a green cell, or press Esc to cancel.' : '');
  return (
    <section className={week || compare !== null ? 'timetable-screen' : 'timetable-screen wide'}>
      <div className="editor-main">
        <Toolbar
          model={model}
          view={view}
          onView={changeView}
          canUndo={editor.canUndo}
          canRedo={editor.canRedo}
          onUndo={undo}
          onRedo={redo}
          comparing={compare !== null}
          onCompare={toggleCompare}
        />
        <div className="status-line">
          <span className="muted small" data-testid="save-state">
            {editor.saving ? 'Saving\u2026' : 'All changes saved.'}
          </span>
          <span className="small" role="status">
            {status}
          </span>
        </div>
        {editor.error && (
          <p role="alert" className="error">
            {editor.error}{' '}
            <button type="button" className="link" onClick={() => editorStore.dismissError()}>
              Dismiss
            </button>
          </p>
        )}
        {label && (
          <p className="focus-label" data-testid="focus-label">
            <span>Highlighted: {label}</span>{' '}
            <button type="button" className="link" onClick={() => showSessions([], null)}>
              Clear
            </button>
          </p>
        )}
        {compare !== null ? (
          week ? (
            <CompareView
              model={model}
              kind={week.kind}
              index={week.index}
              initial={compare === 'open' ? undefined : compare}
              label={`${week.kind} ${week.index}`}
            />
          ) : (
            <p className="muted">
              Choose a group, a teacher or a room above to compare two versions of its week.
            </p>
          )
        ) : week ? (
          <WeekView
            model={model}
            positions={positions}
            kind={week.kind}
            index={week.index}
            sessions={sessions}
            moving={moving?.session ?? -1}
            checks={moving?.checks ?? null}
            highlight={highlight}
            handlers={handlers}
          />
        ) : (
          <Overview
            model={model}
            positions={positions}
            view={
              view.kind === 'department' ? view : { kind: 'year', year: view.kind === 'year' ? view.year : 0 }
            }
            highlight={highlight}
            onOpen={(group, s) => {
              setView({ kind: 'group', index: group });
              setHighlight(new Set([s]));
              setLabel(`${sessionName(p, s)} at ${slotName(p, positions.slot[s])}`);
            }}
          />
        )}
      </div>
      <aside className="side-panel" aria-label="Cost of this timetable" hidden={!week && compare === null}>
        {moving && (
          <>
            <Suggestions
              model={model}
              session={moving.session}
              from={positions.slot[moving.session]}
              checks={moving.checks}
              chains={moving.chains}
              onChoose={(slot) => void target(slot, null)}
              onChain={chooseChain}
            />
            {moving.checks && (
              <BlockedList model={model} checks={moving.checks} from={positions.slot[moving.session]} />
            )}
          </>
        )}
        <ViolationsPanel
          totals={totals}
          details={editor.details}
          selected={violation}
          onSelect={selectViolation}
        >
          <StudentClashList
            model={model}
            clashes={editor.clashes}
            highlighted={label}
            onShow={(list, why) => {
              setViolation(null);
              showSessions(list, why);
            }}
          />
        </ViolationsPanel>
      </aside>
      {refused && (
        <ConfirmDialog
          title={`Move ${sessionName(p, refused.session)} to ${slotName(p, refused.slot)}?`}
          onCancel={() => setRefused(null)}
          actions={[
            ...refused.swaps
              .filter((w) => w.check.reasons.length === 0)
              .map((w, _i, legal) => ({
                label: legal.length === 1 ? 'Swap' : `Swap with ${sessionName(p, w.other)}`,
                kind: 'primary' as const,
                onClick: () => {
                  setRefused(null);
                  edit(moveEdit(w.check.moves));
                },
              })),
            {
              label: 'Move anyway',
              kind: 'danger',
              onClick: () => {
                setRefused(null);
                edit(moveEdit([{ session: refused.session, slot: refused.slot, room: refused.room }]));
              },
            },
          ]}
        >
          <p className="small">The move breaks hard constraints:</p>
          <ul className="reasons">
            {refused.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          {refused.swaps.map((w) => (
            <p key={w.other} className="small swap-note">
              {w.check.reasons.length === 0
                ? `Swapping with ${sessionName(p, w.other)} breaks nothing: ${sessionName(p, w.other)} goes to ${slotName(p, positions.slot[refused.session])}.`
                : `Swapping with ${sessionName(p, w.other)} is not possible: ${w.check.reasons.join('; ')}.`}
            </p>
          ))}
        </ConfirmDialog>
      )}
    </section>
  );
}
