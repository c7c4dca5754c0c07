// Timetable versions and variants of a project. Each keeps its cost summary and assignments; one
// may be active (what the editor and exports open by default). A re-import of the college keeps
// existing timetables and marks them stale (summary.stale): they can still be opened, compared
// and repaired in the editor, and deleted by the user. `updated_at` moves only when sessions are
// changed (an edit), so a timetable changed by hand after it was made reads as edited.
import type { Database } from 'better-sqlite3';
import type { Assignment, Timetable } from '../../shared/model/index.ts';
import { getCollegeRevision } from './projectState.ts';
import type { CostSummary, TimetableKind, TimetableSummary } from './types.ts';

export interface NewTimetable {
  name: string;
  kind: TimetableKind;
  timetable: Timetable;
  evaluation: CostSummary;
  parentId?: number;
  jobId?: number;
  seed?: number;
  /** Make it the active timetable. Default: only when the project has no active one yet. */
  makeActive?: boolean;
  /**
   * The college revision it was made for (default: the current one). A timetable for an earlier
   * revision is stored stale and never made active.
   */
  collegeRevision?: number;
}

/** A change the editor makes to one session; fields left out keep their value. */
export interface AssignmentChange {
  courseId: string;
  session: number;
  day?: number | null;
  period?: number | null;
  roomId?: string | null;
  locked?: boolean;
}

interface SummaryRow {
  id: number;
  name: string;
  kind: TimetableKind;
  parent_id: number | null;
  job_id: number | null;
  seed: number | null;
  hard_total: number;
  soft_total: number;
  hard_by_kind: string;
  soft_by_kind: string;
  college_revision: number;
  is_active: number;
  created_at: string;
  updated_at: string;
  sessions: number;
  placed: number;
  locked: number;
}

interface AssignmentRow {
  course_id: string;
  session: number;
  day: number | null;
  period: number | null;
  room_id: string | null;
  locked: number;
}

const SUMMARY_SQL = `
  SELECT t.*,
    (SELECT count(*) FROM assignments a WHERE a.timetable_id = t.id) AS sessions,
    (SELECT count(*) FROM assignments a WHERE a.timetable_id = t.id AND a.day IS NOT NULL AND a.period IS NOT NULL) AS placed,
    (SELECT count(*) FROM assignments a WHERE a.timetable_id = t.id AND a.locked = 1) AS locked
  FROM timetables t`;

function toSummary(row: SummaryRow, revision: number): TimetableSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    jobId: row.job_id,
    seed: row.seed,
    hardTotal: row.hard_total,
    softTotal: row.soft_total,
    hard: JSON.parse(row.hard_by_kind) as CostSummary['hard'],
    soft: JSON.parse(row.soft_by_kind) as CostSummary['soft'],
    sessions: row.sessions,
    placed: row.placed,
    locked: row.locked,
    active: row.is_active === 1,
    stale: row.college_revision < revision,
    edited: row.updated_at > row.created_at,
    collegeRevision: row.college_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function insertAssignments(
  db: Database,
  timetableId: number,
  assignments: readonly Assignment[],
  firstPos = 0,
): void {
  const insert = db.prepare(
    `INSERT INTO assignments (timetable_id, course_id, session, pos, day, period, room_id, locked)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  assignments.forEach((a, i) =>
    insert.run(timetableId, a.courseId, a.session, firstPos + i, a.day, a.period, a.roomId, a.locked ? 1 : 0),
  );
}

function clearActive(db: Database): void {
  db.prepare('UPDATE timetables SET is_active = 0 WHERE is_active = 1').run();
}

/** Stores a new timetable with its assignments; returns its id. */
export function addTimetable(db: Database, t: NewTimetable): number {
  return db
    .transaction((): number => {
      const now = new Date().toISOString();
      const hasActive = db.prepare('SELECT 1 FROM timetables WHERE is_active = 1').get() !== undefined;
      const current = getCollegeRevision(db);
      const revision = Math.min(t.collegeRevision ?? current, current);
      const active = revision === current && (t.makeActive ?? !hasActive);
      if (active) clearActive(db);
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO timetables (name, kind, parent_id, job_id, seed, hard_total, soft_total, hard_by_kind, soft_by_kind,
           college_revision, is_active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          t.name,
          t.kind,
          t.parentId ?? null,
          t.jobId ?? null,
          t.seed ?? null,
          t.evaluation.hardTotal,
          t.evaluation.softTotal,
          JSON.stringify(t.evaluation.hard),
          JSON.stringify(t.evaluation.soft),
          revision,
          active ? 1 : 0,
          now,
          now,
        );
      const id = Number(lastInsertRowid);
      insertAssignments(db, id, t.timetable.assignments);
      return id;
    })
    .immediate();
}

/** All timetables, oldest first. */
export function listTimetables(db: Database): TimetableSummary[] {
  const revision = getCollegeRevision(db);
  return db
    .prepare<[], SummaryRow>(`${SUMMARY_SQL} ORDER BY t.id`)
    .all()
    .map((r) => toSummary(r, revision));
}

/** One version's summary without its assignments (null when there is no such version). */
export function getTimetableSummary(db: Database, id: number): TimetableSummary | null {
  const row = db.prepare<[number], SummaryRow>(`${SUMMARY_SQL} WHERE t.id = ?`).get(id);
  return row ? toSummary(row, getCollegeRevision(db)) : null;
}

function readTimetable(
  db: Database,
  row: SummaryRow | undefined,
): { summary: TimetableSummary; timetable: Timetable } | null {
  if (!row) return null;
  const assignments = db
    .prepare<[number], AssignmentRow>(
      'SELECT course_id, session, day, period, room_id, locked FROM assignments WHERE timetable_id = ? ORDER BY pos',
    )
    .all(row.id)
    .map((a): Assignment => ({
      courseId: a.course_id,
      session: a.session,
      day: a.day,
      period: a.period,
      roomId: a.room_id,
      locked: a.locked === 1,
    }));
  return { summary: toSummary(row, getCollegeRevision(db)), timetable: { assignments } };
}

export function getTimetable(
  db: Database,
  id: number,
): { summary: TimetableSummary; timetable: Timetable } | null {
  return db.transaction(() =>
    readTimetable(db, db.prepare<[number], SummaryRow>(`${SUMMARY_SQL} WHERE t.id = ?`).get(id)),
  )();
}

export function getActiveTimetable(db: Database): { summary: TimetableSummary; timetable: Timetable } | null {
  return db.transaction(() =>
    readTimetable(db, db.prepare<[], SummaryRow>(`${SUMMARY_SQL} WHERE t.is_active = 1`).get()),
  )();
}

function requireTimetable(db: Database, id: number): void {
  if (db.prepare('SELECT 1 FROM timetables WHERE id = ?').get(id) === undefined) {
    throw new Error(`No timetable with id ${id} in this project.`);
  }
}

export function setActiveTimetable(db: Database, id: number): void {
  db.transaction(() => {
    requireTimetable(db, id);
    clearActive(db);
    db.prepare('UPDATE timetables SET is_active = 1 WHERE id = ?').run(id);
  }).immediate();
}

/** Renames a timetable (not an edit: `updated_at` stays). */
export function renameTimetable(db: Database, id: number, name: string): void {
  db.transaction(() => {
    requireTimetable(db, id);
    db.prepare('UPDATE timetables SET name = ? WHERE id = ?').run(name, id);
  }).immediate();
}

/** `name`, or `name (2)`, `name (3)`, … when a timetable of the project already has that name. */
export function uniqueTimetableName(db: Database, name: string): string {
  const taken = new Set(db.prepare<[], string>('SELECT name FROM timetables').pluck().all());
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} (${n})`)) return `${name} (${n})`;
}

export function timetableExists(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM timetables WHERE id = ?').get(id) !== undefined;
}

export function isActiveTimetable(db: Database, id: number): boolean {
  return db.prepare('SELECT 1 FROM timetables WHERE id = ? AND is_active = 1').get(id) !== undefined;
}

/** The active timetable's id and last change, without reading or counting its sessions. */
export function activeTimetableVersion(db: Database): { id: number; updatedAt: string } | null {
  return (
    db
      .prepare<[], { id: number; updatedAt: string }>(
        'SELECT id, updated_at AS updatedAt FROM timetables WHERE is_active = 1',
      )
      .get() ?? null
  );
}

/** Deletes a timetable and its assignments. Variants made from it keep existing (parent cleared). */
export function deleteTimetable(db: Database, id: number): void {
  db.transaction(() => {
    requireTimetable(db, id);
    db.prepare('UPDATE jobs SET result_timetable_id = NULL WHERE result_timetable_id = ?').run(id);
    db.prepare('DELETE FROM timetables WHERE id = ?').run(id);
  }).immediate();
}

/**
 * Applies the editor's changes to a timetable in one transaction (a session not yet in it is
 * added), and stores the new cost summary when given. Changes mark the timetable edited
 * (`updated_at` after `created_at`); a cost update alone does not.
 */
export function updateAssignments(
  db: Database,
  timetableId: number,
  changes: readonly AssignmentChange[],
  evaluation?: CostSummary,
): void {
  const current = db.prepare<[number, string, number], AssignmentRow>(
    'SELECT course_id, session, day, period, room_id, locked FROM assignments WHERE timetable_id = ? AND course_id = ? AND session = ?',
  );
  const update = db.prepare(
    'UPDATE assignments SET day = ?, period = ?, room_id = ?, locked = ? WHERE timetable_id = ? AND course_id = ? AND session = ?',
  );
  db.transaction(() => {
    requireTimetable(db, timetableId);
    let nextPos =
      db
        .prepare<[number], { p: number | null }>(
          'SELECT max(pos) AS p FROM assignments WHERE timetable_id = ?',
        )
        .get(timetableId)?.p ?? -1;
    for (const c of changes) {
      const row = current.get(timetableId, c.courseId, c.session);
      const day = c.day !== undefined ? c.day : (row?.day ?? null);
      const period = c.period !== undefined ? c.period : (row?.period ?? null);
      const roomId = c.roomId !== undefined ? c.roomId : (row?.room_id ?? null);
      const locked = c.locked !== undefined ? c.locked : row?.locked === 1;
      if (row) {
        update.run(day, period, roomId, locked ? 1 : 0, timetableId, c.courseId, c.session);
      } else {
        nextPos += 1;
        insertAssignments(
          db,
          timetableId,
          [{ courseId: c.courseId, session: c.session, day, period, roomId, locked }],
          nextPos,
        );
      }
    }
    if (changes.length > 0) {
      // Strictly after creation and the last edit even within the same millisecond, so every edit
      // shows (what is kept per version, such as its KPIs, is kept by id and updatedAt).
      const last = db
        .prepare<[number], string>('SELECT updated_at FROM timetables WHERE id = ?')
        .pluck()
        .get(timetableId);
      const now = new Date(Math.max(Date.now(), Date.parse(last ?? '') + 1 || 0)).toISOString();
      db.prepare('UPDATE timetables SET updated_at = ? WHERE id = ?').run(now, timetableId);
    }
    if (evaluation) {
      db.prepare(
        'UPDATE timetables SET hard_total = ?, soft_total = ?, hard_by_kind = ?, soft_by_kind = ? WHERE id = ?',
      ).run(
        evaluation.hardTotal,
        evaluation.softTotal,
        JSON.stringify(evaluation.hard),
        JSON.stringify(evaluation.soft),
        timetableId,
      );
    }
  }).immediate();
}
