// Export entry points: write the active (or a chosen) timetable in one of the publishing formats,
// and compare two timetable versions session by session. Exports run one at a time; each first
// checks its target (seconds at most, see exportTarget.ts) and then has a deadline, so a bad or
// hanging path gives a plain-words error and never holds up the exports after it.
import { getActiveTimetable, getTimetable, loadCollege } from '../db/index.ts';
import { exportTimetable } from '../export/index.ts';
import type { MovedSession } from '../../shared/ipc/contract.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import type { Timetable } from '../../shared/model/types.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';
import { prepareTarget, removeCreated, withDeadline, PROBE_STEP_MS } from './exportTarget.ts';
import { exportErrorWords } from './exportErrors.ts';

/** The longest an export may take before the app stops waiting for it. */
export const EXPORT_TIMEOUT_MS = 10 * 60_000;

export interface ExportLimits {
  timeoutMs?: number;
  probeStepMs?: number;
}

type ExportChannels = 'export:run' | 'timetable:compare';

/** Sessions whose day, period or room differ between two timetables of the same college. */
export function movedSessions(a: Timetable, b: Timetable): MovedSession[] {
  const key = (courseId: string, session: number): string => `${courseId}\u0000${session}`;
  const after = new Map(b.assignments.map((x) => [key(x.courseId, x.session), x]));
  const moved: MovedSession[] = [];
  for (const x of a.assignments) {
    const y = after.get(key(x.courseId, x.session));
    const to = { day: y?.day ?? null, period: y?.period ?? null, roomId: y?.roomId ?? null };
    if (x.day === to.day && x.period === to.period && x.roomId === to.roomId) continue;
    moved.push({
      courseId: x.courseId,
      session: x.session,
      from: { day: x.day, period: x.period, roomId: x.roomId },
      to,
    });
  }
  return moved;
}

export function exportHandlers(
  project: ProjectSession,
  limits: ExportLimits = {},
): Pick<Handlers, ExportChannels> {
  const timeoutMs = limits.timeoutMs ?? EXPORT_TIMEOUT_MS;
  const stepMs = limits.probeStepMs ?? PROBE_STEP_MS;
  // One export at a time; a failed or timed-out one frees the queue for the next.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    'timetable:compare': ({ a, b }) => {
      const db = project.connection();
      const first = getTimetable(db, a);
      const second = getTimetable(db, b);
      if (!first || !second)
        throw new AppError('not_found', `There is no timetable ${first ? b : a} in this project.`);
      return {
        sessions: first.timetable.assignments.length,
        movedJson: JSON.stringify(movedSessions(first.timetable, second.timetable)),
      };
    },
    'export:run': async ({ format, view, out, id }) => {
      const db = project.connection();
      const college = loadCollege(db);
      if (!college)
        throw new AppError('no_college', 'Import the college data and generate a timetable first.');
      const found = id === undefined ? getActiveTimetable(db) : getTimetable(db, id);
      if (!found)
        throw new AppError('no_timetable', 'There is no timetable to export yet: generate one first.');
      return serial(async () => {
        const kind = format === 'pdf' || format === 'ics' ? 'folder' : 'file';
        const target = await prepareTarget(out, kind, stepMs).catch((err: unknown) => {
          throw exportErrorWords(err, out, format);
        });
        try {
          const result = await withDeadline(
            exportTimetable(format, college, found.timetable, { out, view }),
            timeoutMs,
            `The export did not finish within ${Math.round(timeoutMs / 1000)} s and was given up. ` +
              'Try again, or choose a folder on a local disk.',
          );
          return { format: result.format, files: result.files, pages: result.pages, count: result.count };
        } catch (err) {
          await removeCreated(target);
          throw exportErrorWords(err, out, format);
        }
      });
    },
  };
}
