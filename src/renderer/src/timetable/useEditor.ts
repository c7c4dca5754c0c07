// The timetable editor's model: the college compiled in the renderer, the active timetable in an
// IncrementalState, every edit saved at once through timetable:update, and undo/redo stacks whose
// steps are saved the same way.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { compile } from '../../../shared/compiled/compile.ts';
import { lockedSessions, timetableToPlacement } from '../../../shared/compiled/placement.ts';
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import { evaluate } from '../../../shared/eval/evaluate.ts';
import { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { Evaluation } from '../../../shared/eval/types.ts';
import type { TimetableInfo } from '../../../shared/ipc/contract.ts';
import type { College } from '../../../shared/model/types.ts';
import { api, messageOf } from '../api.ts';

export interface Place {
  slot: number;
  room: number;
  locked: boolean;
}

interface Edit {
  session: number;
  from: Place;
  to: Place;
}

export interface Loaded {
  college: College;
  problem: CompiledProblem;
  state: IncrementalState;
  locked: Uint8Array;
  summary: TimetableInfo;
}

export type EditorStatus = 'loading' | 'no-college' | 'no-timetable' | 'ready' | 'error';

export interface Editor {
  status: EditorStatus;
  loaded: Loaded | null;
  /** Increases with every change of the placement, for memoised views. */
  version: number;
  evaluation: Evaluation | null;
  error: string | null;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
  move: (session: number, slot: number, room: number) => void;
  toggleLock: (session: number) => void;
  undo: () => void;
  redo: () => void;
  dismissError: () => void;
}

export function useEditor(): Editor {
  const [status, setStatus] = useState<EditorStatus>('loading');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(0);
  const undoStack = useRef<Edit[]>([]);
  const redoStack = useRef<Edit[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const college = await api().collegeGet();
        if (!college) return live && setStatus('no-college');
        const found = await api().timetableGet({});
        if (!found) return live && setStatus('no-timetable');
        const problem = compile(college);
        const state = new IncrementalState(problem, timetableToPlacement(problem, found.timetable));
        if (!live) return;
        setLoaded({
          college,
          problem,
          state,
          locked: lockedSessions(problem, found.timetable),
          summary: found.summary,
        });
        setStatus('ready');
      } catch (e) {
        if (!live) return;
        setError(messageOf(e));
        setStatus('error');
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  // The full evaluation (with every violation's text) takes a few hundred ms at university scale:
  // deferred, so the grid shows a move at once and the side panel follows.
  const evaluatedVersion = useDeferredValue(version);
  const evaluation = useMemo(
    () => (loaded ? evaluate(loaded.problem, loaded.state.snapshot()) : null),
    // The state is mutated in place; the version says when it changed.
    [loaded, evaluatedVersion],
  );

  /** Applies a place locally at once, then saves it; a failed save puts the old place back. */
  const apply = useCallback(
    (session: number, from: Place, to: Place): void => {
      if (!loaded) return;
      const { problem, state, locked, summary } = loaded;
      state.move(session, to.slot, to.room);
      locked[session] = to.locked ? 1 : 0;
      setVersion((v) => v + 1);
      const placed = to.slot >= 0 && to.room >= 0;
      const change = {
        courseId: problem.courseIds[problem.sessionCourse[session]],
        session: problem.sessionIndex[session] + 1,
        day: placed ? Math.floor(to.slot / problem.nPeriods) : null,
        period: placed ? to.slot % problem.nPeriods : null,
        roomId: placed ? problem.roomIds[to.room] : null,
        locked: to.locked,
      };
      setPending((n) => n + 1);
      queue.current = queue.current.then(async () => {
        try {
          const info = await api().timetableUpdate({ id: summary.id, changes: [change] });
          loaded.summary = info;
        } catch (e) {
          state.move(session, from.slot, from.room);
          locked[session] = from.locked ? 1 : 0;
          setError(`The change was not saved: ${messageOf(e)}`);
          setVersion((v) => v + 1);
        } finally {
          setPending((n) => n - 1);
        }
      });
    },
    [loaded],
  );

  const placeOf = useCallback(
    (session: number): Place => ({
      slot: loaded?.state.slot[session] ?? -1,
      room: loaded?.state.room[session] ?? -1,
      locked: loaded?.locked[session] === 1,
    }),
    [loaded],
  );

  const record = useCallback(
    (session: number, to: Place): void => {
      const from = placeOf(session);
      undoStack.current.push({ session, from, to });
      redoStack.current = [];
      apply(session, from, to);
    },
    [apply, placeOf],
  );

  const move = useCallback(
    (session: number, slot: number, room: number) =>
      record(session, { slot, room, locked: placeOf(session).locked }),
    [record, placeOf],
  );
  const toggleLock = useCallback(
    (session: number) => {
      const here = placeOf(session);
      record(session, { ...here, locked: !here.locked });
    },
    [record, placeOf],
  );
  const undo = useCallback(() => {
    const edit = undoStack.current.pop();
    if (!edit) return;
    redoStack.current.push(edit);
    apply(edit.session, edit.to, edit.from);
  }, [apply]);
  const redo = useCallback(() => {
    const edit = redoStack.current.pop();
    if (!edit) return;
    undoStack.current.push(edit);
    apply(edit.session, edit.from, edit.to);
  }, [apply]);

  return {
    status,
    loaded,
    version,
    evaluation,
    error,
    saving: pending > 0,
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    move,
    toggleLock,
    undo,
    redo,
    dismissError: () => setError(null),
  };
}
