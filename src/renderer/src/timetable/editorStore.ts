// The Timetable screen's state, kept for the life of the page: the college and the active timetable
// loaded once into the editor worker and shown from here on every later visit, as long as the
// project's stamp (college revision, active version, its last change) says nothing changed
// elsewhere — a re-import, a solve, another version made active. Every edit shows at once, goes to
// the worker (authoritative positions and costs) and is saved through timetable:update, in order;
// a failed save puts the sessions back. Undo and redo replay edits the same way.
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type {
  Details,
  EditorNames,
  PlaceChange,
  Positions,
  Totals,
} from '../../../shared/editor/engineTypes.ts';
import { storedTotals } from '../../../shared/editor/storedTotals.ts';
import type { StudentClashes } from '../../../shared/eval/studentClashes.ts';
import type { TimetableInfo, TimetableStamp } from '../../../shared/ipc/contract.ts';
import { api, messageOf } from '../api.ts';
import { engine } from './engineClient.ts';
import { describeEdit, type Edit } from './edits.ts';
import { spanAt } from '../../../shared/compiled/span.ts';

export type EditorStatus = 'idle' | 'loading' | 'no-college' | 'no-timetable' | 'ready' | 'error';

export interface EditorModel {
  problem: CompiledProblem;
  names: EditorNames;
}

export interface EditorSnapshot {
  status: EditorStatus;
  error: string | null;
  model: EditorModel | null;
  positions: Positions | null;
  totals: Totals | null;
  details: Details | null;
  /** Students double-booked, counted in the worker after the edits settle (null until then). */
  clashes: StudentClashes | null;
  summary: TimetableInfo | null;
  saving: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const EMPTY: EditorSnapshot = {
  status: 'idle',
  error: null,
  model: null,
  positions: null,
  totals: null,
  details: null,
  clashes: null,
  summary: null,
  saving: false,
  canUndo: false,
  canRedo: false,
};

const sameStamp = (a: TimetableStamp, b: TimetableStamp): boolean =>
  a.collegeRevision === b.collegeRevision &&
  a.hasCollege === b.hasCollege &&
  a.activeId === b.activeId &&
  a.activeUpdatedAt === b.activeUpdatedAt;

/**
 * The college JSON of `revision`: the first part tells how many there are, the others are asked
 * for all at once (their round trips overlap), joined in order.
 */
async function readCollege(revision: number): Promise<string> {
  const first = await api().timetableCollegePart({ revision, part: 0 });
  const rest = await Promise.all(
    Array.from({ length: first.parts - 1 }, (_, k) => api().timetableCollegePart({ revision, part: k + 1 })),
  );
  return [first, ...rest].map((got) => got.text).join('');
}

/** Waits this long after the last edit before asking the worker for the violations in words. */
const DETAILS_DELAY_MS = 150;

export class EditorStore {
  private snap: EditorSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private path: string | null = null;
  private stamp: TimetableStamp | null = null;
  /** The college revision the worker holds, -1 = none. */
  private revision = -1;
  private opening: Promise<void> | null = null;
  private saves: Promise<void> = Promise.resolve();
  private pendingSaves = 0;
  private undoStack: Edit[] = [];
  private redoStack: Edit[] = [];
  private detailsTimer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  /** The last edit shown; a worker reply for an earlier one is not shown over it. */
  private shown = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): EditorSnapshot => this.snap;

  private set(patch: Partial<EditorSnapshot>): void {
    this.snap = {
      ...this.snap,
      ...patch,
      saving: this.pendingSaves > 0,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
    };
    for (const l of this.listeners) l();
  }

  /**
   * Shows the project's active timetable: at once from the kept state when the stamp is unchanged,
   * else loaded (the college only when its revision changed). Concurrent calls share one load.
   */
  open(path: string): Promise<void> {
    this.opening ??= this.openNow(path).finally(() => (this.opening = null));
    return this.opening;
  }

  private async openNow(path: string): Promise<void> {
    try {
      await this.saves;
      const keeping = this.path === path && this.stamp !== null && this.snap.status !== 'error';
      // With nothing kept, the data (which carries the stamp) is asked for at once.
      const stamp = keeping ? await api().timetableStamp() : null;
      if (keeping && stamp && this.stamp && sameStamp(stamp, this.stamp)) return;
      const generation = ++this.generation;
      const sameCollege =
        keeping && stamp !== null && this.revision === stamp.collegeRevision && this.snap.model !== null;
      this.undoStack = [];
      this.redoStack = [];
      if (stamp && (!stamp.hasCollege || stamp.activeId === null)) {
        this.stamp = stamp;
        this.set({ ...EMPTY, status: stamp.hasCollege ? 'no-timetable' : 'no-college' });
        return;
      }
      this.set({ status: 'loading', error: null });
      // The college comes in parts (one long message would freeze the page for a big college).
      const data = await api().timetableEditorData({});
      const college =
        sameCollege || !data.stamp.hasCollege ? null : await readCollege(data.stamp.collegeRevision);
      if (generation !== this.generation) return;
      this.path = path;
      this.stamp = data.stamp;
      if (!data.stamp.hasCollege || (!sameCollege && !college)) {
        this.set({ ...EMPTY, status: 'no-college' });
        return;
      }
      if (!data.version) {
        this.set({ ...EMPTY, status: 'no-timetable' });
        return;
      }
      const summary = data.version.summary;
      if (sameCollege) {
        const positions = await engine().loadTimetable(data.version.timetable);
        if (generation !== this.generation) return;
        this.set({
          status: 'ready',
          positions,
          totals: storedTotals(summary),
          details: null,
          clashes: null,
          summary,
        });
      } else {
        const load = await engine().load(college ?? '', data.version.timetable);
        if (generation !== this.generation) return;
        this.revision = data.stamp.collegeRevision;
        const model = { problem: load.problem, names: load.names };
        this.set({
          status: 'ready',
          model,
          positions: load.positions,
          totals: storedTotals(summary),
          details: null,
          clashes: null,
          summary,
        });
      }
      // The costs need the incremental state, built in the worker after the grid is shown (the
      // stored ones stand in until then).
      const totals = await engine().totals();
      if (generation !== this.generation) return;
      this.set({ totals });
      this.scheduleDetails(0);
    } catch (e) {
      this.set({ status: 'error', error: messageOf(e) });
    }
  }

  /** Forgets the kept state (the next open loads everything again). */
  reset(): void {
    this.generation++;
    this.path = null;
    this.stamp = null;
    this.revision = -1;
    this.undoStack = [];
    this.redoStack = [];
    this.set(EMPTY);
  }

  /** Makes an edit (a move, a swap, a chain, a lock), saves it, and makes it undoable. */
  edit(e: Edit): void {
    this.undoStack.push(e);
    this.redoStack = [];
    this.apply(e, 'to');
  }

  /** Undoes the last edit; returns what it undid, in words, or null when there was none. */
  undo(): string | null {
    const e = this.undoStack.pop();
    if (!e || !this.snap.model) return null;
    this.redoStack.push(e);
    this.apply(e, 'from');
    return `Undone: ${describeEdit(this.snap.model, e, 'from')}.`;
  }

  redo(): string | null {
    const e = this.redoStack.pop();
    if (!e || !this.snap.model) return null;
    this.undoStack.push(e);
    this.apply(e, 'to');
    return `Redone: ${describeEdit(this.snap.model, e, 'to')}.`;
  }

  /**
   * After a load in the background: a failure nobody is shown (no screen is subscribed) is
   * forgotten, so the screen's first visit loads again instead of opening on the error.
   */
  forgetUnseenFailure(): void {
    if (this.snap.status === 'error' && this.listeners.size === 0) this.reset();
  }

  dismissError(): void {
    this.set({ error: null });
  }

  /** Shows the places of `e`'s sessions at its `side` at once, then saves them (in order). */
  private apply(e: Edit, side: 'from' | 'to'): void {
    const { model, summary } = this.snap;
    if (!model || !summary) return;
    const p = model.problem;
    const places = this.show(e, side);
    const changes = places.map((x) => {
      const placed = x.slot >= 0 && x.room >= 0;
      return {
        courseId: p.courseIds[p.sessionCourse[x.session]],
        session: p.sessionIndex[x.session] + 1,
        day: placed ? Math.floor(x.slot / p.nPeriods) : null,
        period: placed ? x.slot % p.nPeriods : null,
        roomId: placed ? p.roomIds[x.room] : null,
        locked: x.locked,
      };
    });
    const generation = this.generation;
    this.pendingSaves++;
    this.set({});
    this.saves = this.saves.then(async () => {
      try {
        const info = await api().timetableUpdate({ id: summary.id, changes });
        if (generation !== this.generation) return;
        // Our own change: the kept state stays current.
        if (this.stamp?.activeId === info.id) this.stamp = { ...this.stamp, activeUpdatedAt: info.updatedAt };
        this.set({ summary: info });
      } catch (err) {
        if (generation !== this.generation) return;
        // Not saved: off the stack it went to, and the sessions back where they were.
        const stack = side === 'to' ? this.undoStack : this.redoStack;
        const i = stack.lastIndexOf(e);
        if (i >= 0) stack.splice(i, 1);
        this.show(e, side === 'to' ? 'from' : 'to');
        this.set({ error: `The change was not saved: ${messageOf(err)}` });
      } finally {
        this.pendingSaves--;
        this.set({});
      }
    });
  }

  /** Puts `e`'s sessions at its `side` on the page at once and in the worker; returns the places. */
  private show(e: Edit, side: 'from' | 'to'): PlaceChange[] {
    const { positions, model } = this.snap;
    const places = e.changes.map((c) => ({ session: c.session, ...c[side] }));
    if (!positions || !model) return places;
    const p = model.problem;
    const next: Positions = {
      slot: positions.slot.slice(),
      room: positions.room.slice(),
      active: positions.active.slice(),
      span: positions.span.slice(),
      locked: positions.locked.slice(),
    };
    for (const x of places) {
      const placed = x.slot >= 0 && x.room >= 0;
      next.slot[x.session] = x.slot;
      next.room[x.session] = x.room;
      next.active[x.session] = placed ? 1 : 0;
      next.span[x.session] = placed ? spanAt(p, p.sessionCourse[x.session], x.slot) : 0;
      next.locked[x.session] = x.locked ? 1 : 0;
    }
    this.set({ positions: next });
    const generation = this.generation;
    const seq = ++this.shown;
    void engine()
      .apply(places)
      .then((update) => {
        if (generation !== this.generation || seq !== this.shown) return;
        this.set(update);
        this.scheduleDetails(DETAILS_DELAY_MS);
      })
      .catch((err: unknown) => this.set({ error: messageOf(err) }));
    return places;
  }

  /** Asks the worker for the violations in words and the students double-booked after `delay` ms of quiet. */
  private scheduleDetails(delay: number): void {
    if (this.detailsTimer) clearTimeout(this.detailsTimer);
    const generation = this.generation;
    this.detailsTimer = setTimeout(() => {
      this.detailsTimer = null;
      const failed = (err: unknown): void => this.set({ error: messageOf(err) });
      void engine()
        .details()
        .then((details) => {
          if (generation === this.generation) this.set({ details });
        })
        .catch(failed);
      void engine()
        .studentClashes()
        .then((clashes) => {
          if (generation === this.generation) this.set({ clashes });
        })
        .catch(failed);
    }, delay);
  }
}

/** The one store of the page. */
export const editorStore = new EditorStore();

/**
 * Loads the project's active timetable into the editor's worker in the background once the page is
 * idle, so the first visit of the Timetable screen finds it loaded (or shares the load under way).
 * Returns a cancel for a load not yet started.
 */
export function prefetchTimetable(path: string): () => void {
  const handle = requestIdleCallback(
    () => void editorStore.open(path).then(() => editorStore.forgetUnseenFailure()),
    { timeout: 1000 },
  );
  return () => cancelIdleCallback(handle);
}
