// One typed IPC contract: channel `domain:action` -> request schema (validated in main) and
// response type. Main registers one handler per channel, the preload exposes one method per
// channel, and the renderer's `window.api` type is derived from here.
import { z } from 'zod';
import type { Channel } from './channels.ts';
import type { Evaluation } from '../eval/types.ts';
import type { PrecheckFinding } from '../solver/protocol.ts';
import type { College, ImportIssue, Timetable } from '../model/index.ts';
import type { TimetableKpis } from '../model/timetableKpis.ts';
import type { JobEvent, JobOrigin } from './jobEvents.ts';
import { jobCancelRequestSchema, jobStartRequestSchema } from './jobEvents.ts';

export interface ProjectInfo {
  path: string;
  name: string;
  hasCollege: boolean;
  timetables: number;
}

export type ImportOutcome =
  | { ok: true; counts: Record<string, number>; warnings: ImportIssue[] }
  | { ok: false; errors: ImportIssue[]; warnings: ImportIssue[] };

export interface TimetableInfo extends Pick<Evaluation, 'hardTotal' | 'softTotal' | 'hard' | 'soft'> {
  id: number;
  name: string;
  kind: string;
  parentId: number | null;
  seed: number | null;
  sessions: number;
  placed: number;
  /** Sessions locked by the user (Generate keeps them where they are). */
  locked: number;
  active: boolean;
  stale: boolean;
  /** Changed by hand (the editor) after it was made. */
  edited: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A solve job of the project (this app session's and earlier ones): its last event tells where it stands. */
export interface JobInfo {
  jobId: number;
  name: string;
  seed: number;
  last: JobEvent;
  /** When it was queued (ISO time). */
  createdAt?: string;
  /** Where it started from (locks kept, or the timetable it improves). */
  origin?: JobOrigin;
  /** Started or resumed in this app session (false: from the project's history). */
  current?: boolean;
}

/** A session of a course, numbered from 1 as on the Fixed sheet. */
export interface SessionRef {
  courseId: string;
  session: number;
}

/** One broken hard rule or limit of a timetable, in plain words, with the sessions it concerns. */
export interface ExplainedViolation {
  kind: string;
  message: string;
  sessions: SessionRef[];
}

/** One course pair whose shared students are double-booked (src/shared/eval/studentClashes.ts). */
export interface StudentClashPairInfo {
  courses: [string, string];
  /** Students attending both courses. */
  students: number;
  /** students x the times their sessions overlap. */
  doubleBookings: number;
  /** The sessions of both courses that overlap (to highlight on the grid). */
  sessions: SessionRef[];
  /** When they meet, e.g. "Mon period 3", in week order. */
  slots: string[];
}

/** Students with two sessions at once (individual enrollments), in plain words. */
export interface StudentClashSummary {
  /** Students double-booked at least once. */
  students: number;
  /** One per student and pair of overlapping sessions (a student in three courses at once: 3). */
  doubleBookings: number;
  /** Course pairs causing them (all of them, listed or not). */
  pairCount: number;
  /** Course pairs causing them, most students first, up to a limit. */
  pairs: StudentClashPairInfo[];
}

/** What is wrong with a timetable: every broken hard rule named, and the student clashes. */
export interface TimetableExplanation {
  timetableId: number;
  hardTotal: number;
  softTotal: number;
  /** Hard violations by kind (counts, zeros left out). */
  hardByKind: Record<string, number>;
  /** The hard violations (unplaced sessions excepted: see `unplaced`), up to a limit. */
  violations: ExplainedViolation[];
  /** Hard violations beyond the ones listed. */
  more: number;
  /** Sessions without a day, period or room. */
  unplaced: number;
  /** Null when the college has no individual enrollments. */
  studentClashes: StudentClashSummary | null;
  /** Made for an earlier import: explained against the current college as far as it fits. */
  stale: boolean;
}

/** A session placed differently in two timetables (null day/period/room = unplaced). */
export interface MovedSession {
  courseId: string;
  session: number;
  from: { day: number | null; period: number | null; roomId: string | null };
  to: { day: number | null; period: number | null; roomId: string | null };
}

/** The Variants screen's figures: each version's KPIs, and the week's day and period names (all empty without a college). */
export interface VersionKpis {
  days: string[];
  periods: string[];
  versions: Array<{ id: number } & TimetableKpis>;
}

/**
 * What the Timetable screen's kept state is checked against on every visit: a re-import changes
 * the college revision, a solve or Variants changes the active version, an edit its updatedAt.
 */
export interface TimetableStamp {
  collegeRevision: number;
  hasCollege: boolean;
  activeId: number | null;
  activeUpdatedAt: string | null;
}

/**
 * The Timetable screen's data, as JSON text: one string crosses the bridge at the cost of a copy
 * and is parsed in the editor's worker, so the page never decodes a university's object graph.
 */
/** The size of one part of the college JSON sent by timetable:collegePart (characters). */
export const COLLEGE_PART_CHARS = 256 * 1024;

export interface EditorData {
  stamp: TimetableStamp;
  /** The College as JSON (null when not asked for, or when the project has none). */
  college: string | null;
  /** The asked-for (default: active) timetable: its summary and its Timetable as JSON. */
  version: { summary: TimetableInfo; timetable: string } | null;
}

export interface ExportOutcome {
  format: string;
  files: string[];
  pages?: number;
  count?: number;
}

export const EXPORT_FORMATS = ['csv', 'itc', 'pdf', 'ics', 'xlsx', 'fet'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** A pre-check finding, as the solver reports it. */
export type Finding = PrecheckFinding;

export interface Page<T> {
  total: number;
  rows: T[];
}

/** A phantom value carrying the response type (only its type is used). */
function reply<T>(): T {
  return undefined as T;
}

const path = z.string().min(1).max(4096);
const id = z.string().min(1).max(200);
const index = z.number().int().min(0).max(10_000);
const timetableId = z.number().int().positive();

export const assignmentChangeSchema = z.strictObject({
  courseId: id,
  session: z.number().int().positive(),
  day: index.nullable().optional(),
  period: index.nullable().optional(),
  roomId: id.nullable().optional(),
  locked: z.boolean().optional(),
});

export const contract = {
  'app:info': { request: z.void(), response: reply<{ version: string; platform: string }>() },
  'project:current': { request: z.void(), response: reply<ProjectInfo | null>() },
  'project:recent': { request: z.void(), response: reply<string[]>() },
  'project:open': { request: z.strictObject({ path }), response: reply<ProjectInfo>() },
  'project:backup': { request: z.void(), response: reply<{ file: string }>() },
  'project:create': { request: z.strictObject({ path }), response: reply<ProjectInfo>() },
  'import:run': { request: z.strictObject({ path }), response: reply<ImportOutcome>() },
  'data:browse': {
    request: z.strictObject({
      kind: z.enum(['rooms', 'faculty', 'groups', 'courses', 'students']),
      search: z.string().max(200).optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    response: reply<Page<Record<string, unknown>>>(),
  },
  /** Problems found before solving (counting and pigeonhole tests), each naming its rows. */
  'data:precheck': { request: z.void(), response: reply<Finding[]>() },
  'college:get': { request: z.void(), response: reply<College | null>() },
  'timetable:list': { request: z.void(), response: reply<TimetableInfo[]>() },
  'timetable:get': {
    request: z.strictObject({ id: timetableId.optional() }),
    response: reply<{ summary: TimetableInfo; timetable: Timetable } | null>(),
  },
  'timetable:update': {
    request: z.strictObject({ id: timetableId, changes: z.array(assignmentChangeSchema).min(1).max(10_000) }),
    response: reply<TimetableInfo>(),
  },
  'timetable:setActive': { request: z.strictObject({ id: timetableId }), response: reply<TimetableInfo>() },
  /** Names every hard violation of a timetable (default the active one) and its student clashes. */
  'timetable:explain': {
    request: z.strictObject({ id: timetableId.optional() }),
    response: reply<TimetableExplanation | null>(),
  },
  /** Renames a timetable version (names are unique within a project). */
  'timetable:rename': {
    request: z.strictObject({ id: timetableId, name: z.string().trim().min(1).max(200) }),
    response: reply<TimetableInfo>(),
  },
  /** Deletes a timetable version that is not the active one. */
  'timetable:delete': {
    request: z.strictObject({ id: timetableId }),
    response: reply<{ deleted: number }>(),
  },
  /** Sessions placed differently in timetable `a` and timetable `b`. */
  'timetable:compare': {
    request: z.strictObject({ a: timetableId, b: timetableId }),
    /**
     * `movedJson`: the moved sessions (MovedSession[]) as JSON text: versions of a university can
     * differ in thousands of sessions, and one string crosses to the page far faster than as many objects.
     */
    response: reply<{ sessions: number; movedJson: string }>(),
  },
  /** Every version's KPIs (computed in main, kept per version until it changes) and the week's names. */
  'timetable:kpis': { request: z.void(), response: reply<VersionKpis>() },
  /** The college revision and the active version, to tell whether kept editor state is current. */
  'timetable:stamp': { request: z.void(), response: reply<TimetableStamp>() },
  /** The college (when `college` is true) and a timetable (default: the active one) as JSON text. */
  'timetable:editorData': {
    request: z.strictObject({ id: timetableId.optional(), college: z.boolean().optional() }),
    response: reply<EditorData>(),
  },
  /**
   * Part `part` of the college JSON of revision `revision` (the text cut every COLLEGE_PART_CHARS
   * characters), so that a big college reaches the page in several short messages rather than one
   * long one. A revision that is no longer current is refused (code `stale`).
   */
  'timetable:collegePart': {
    request: z.strictObject({ revision: z.number().int().min(0), part: z.number().int().min(0) }),
    response: reply<{ revision: number; part: number; parts: number; text: string }>(),
  },
  /** Queues a solve (or K variants); progress arrives as JobEvents (window.api.onJobEvent). */
  'jobs:start': { request: jobStartRequestSchema, response: reply<{ jobIds: number[] }>() },
  'jobs:cancel': { request: jobCancelRequestSchema, response: reply<{ cancelled: boolean }>() },
  /** Cancels a job and queues it again with the same options (the stuck panel's Restart). */
  'jobs:restart': { request: jobCancelRequestSchema, response: reply<{ jobIds: number[] }>() },
  'jobs:list': { request: z.void(), response: reply<JobInfo[]>() },
  /** Writes the active (or the given) timetable in a format to `out` (a file; a folder for pdf and ics). */
  'export:run': {
    request: z.strictObject({
      format: z.enum(EXPORT_FORMATS),
      view: z.enum(['group', 'faculty', 'room']).optional(),
      out: path,
      id: timetableId.optional(),
    }),
    response: reply<ExportOutcome>(),
  },
  /** Asks the user where to save (Electron's save dialog); null when they cancel. */
  'dialog:save': {
    request: z.strictObject({ title: z.string().max(200), defaultName: z.string().max(200).optional() }),
    response: reply<string | null>(),
  },
  /** Asks the user for a workbook file or a CSV folder (Electron's open dialog); null when cancelled. */
  'dialog:open': {
    request: z.strictObject({ title: z.string().max(200), folder: z.boolean().optional() }),
    response: reply<string | null>(),
  },
  /** Writes the template workbook (every sheet, headers, an Instructions sheet) to `out`. */
  'template:save': { request: z.strictObject({ out: path }), response: reply<{ file: string }>() },
  /** Writes a diagnostic bundle (.zip: the log, versions, the open project's integrity report) to `out`. */
  'diagnostics:bundle': {
    request: z.strictObject({ out: path }),
    response: reply<{ file: string; entries: string[] }>(),
  },
  /** The folder of the activity log (made when missing), for Help > Open log folder. */
  'diagnostics:logFolder': { request: z.void(), response: reply<{ folder: string }>() },
} satisfies Record<Channel, { request: z.ZodType; response: unknown }>;

export type Contract = typeof contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = Contract[C]['response'];

type MethodName<C extends string> = C extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : C;

/** The renderer's view of the bridge: one async method per channel. */
export type Api = {
  [C in Channel as MethodName<C>]: RequestOf<C> extends void
    ? () => Promise<ResponseOf<C>>
    : (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

/** window.api: the contract's methods plus the typed job event subscription. */
export type Bridge = Api & {
  /** Calls `listener` with every job event from main; returns the unsubscribe function. */
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  /** The file-system path of a file dropped on the page (Electron only; absent in a plain browser). */
  pathForFile?: (file: File) => string;
};
