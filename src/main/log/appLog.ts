// The app's side of the activity log: the same rotating `slotwise.log` as the CLI, in `logs/` under
// the app's user data folder. The shell only passes that folder; what is logged is decided here:
// every job event but progress ticks (queued, started, attempts retried, stuck, finished, failed,
// cancelled), and every IPC call that does something (imports, exports, solves, projects opened,
// backups, bundles) with its outcome and time taken, plus any call that fails. Only channel names,
// ids, counts, error codes and messages with paths cut to file names: never request contents.
import { join } from 'node:path';
import type { Dispatch } from '../ipc/dispatcher.ts';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import { log, logPath, logText, startLog } from './log.ts';

export const APP_LOG_FOLDER = 'logs';

/** The app's log folder: `<userData>/logs`, SLOTWISE_LOG_DIR when set, undefined when it is `off`. */
export function appLogDir(userDataDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.SLOTWISE_LOG_DIR;
  if (given !== undefined && given !== '') return given.toLowerCase() === 'off' ? undefined : given;
  return join(userDataDir, APP_LOG_FOLDER);
}

/** Starts the app's log; returns its folder (undefined when logging is off). */
export function startAppLog(
  userDataDir: string,
  versions: Record<string, string> = {},
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const dir = appLogDir(userDataDir, env);
  startLog(dir, { via: 'app' }).info({ event: 'start', ...versions }, 'Slotwise started');
  return dir;
}

/** The channels whose every call is logged; other channels are logged only when they fail. */
const ACTIVITY = new Set<string>([
  'project:open',
  'project:create',
  'project:backup',
  'import:run',
  'timetable:update',
  'timetable:setActive',
  'timetable:delete',
  'jobs:start',
  'jobs:cancel',
  'jobs:restart',
  'export:run',
  'template:save',
  'diagnostics:bundle',
]);

/** What a request may tell the log: the file name of a path, an export's format and view, an id. */
function requestFields(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== 'object') return {};
  const p = payload as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  if (typeof p.path === 'string') fields.file = logPath(p.path);
  if (typeof p.out === 'string') fields.out = logPath(p.out);
  for (const key of ['format', 'view', 'id', 'jobId'])
    if (typeof p[key] === 'string' || typeof p[key] === 'number') fields[key] = p[key];
  return fields;
}

/** What a reply may tell the log: ids and counts, never names or paths. */
function outcomeFields(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of ['jobIds', 'timetableId', 'cancelled', 'deleted', 'timetables', 'pages', 'count']) {
    const x = v[key];
    if (typeof x === 'number' || typeof x === 'boolean') fields[key] = x;
    else if (Array.isArray(x) && x.every((n) => typeof n === 'number')) fields[key] = x;
  }
  if (Array.isArray(v.files)) fields.files = v.files.length;
  // An import's outcome: counts of what was read, or how many errors and where the first one is.
  if (typeof v.ok === 'boolean') fields.imported = v.ok;
  if (v.counts && typeof v.counts === 'object') fields.counts = v.counts;
  if (Array.isArray(v.warnings)) fields.warnings = v.warnings.length;
  if (Array.isArray(v.errors)) {
    fields.errors = v.errors.length;
    const at = v.errors[0] as { sheet?: unknown; row?: unknown; column?: unknown } | undefined;
    if (at) fields.first = { sheet: at.sheet, row: at.row, column: at.column };
  }
  return fields;
}

/** `dispatch` with every activity and every failure written to the log. */
export function loggedDispatch(dispatch: Dispatch): Dispatch {
  return async (channel, payload) => {
    const started = Date.now();
    const reply = await dispatch(channel, payload);
    const name = typeof channel === 'string' ? channel.slice(0, 60) : typeof channel;
    const ms = Date.now() - started;
    if (!reply.ok) {
      log().warn(
        { event: 'ipc', channel: name, ok: false, code: reply.error.code, ...requestFields(payload), ms },
        logText(reply.error.message).slice(0, 500),
      );
    } else if (ACTIVITY.has(name)) {
      const outcome = outcomeFields(reply.value);
      const refused = outcome.imported === false;
      log()[refused ? 'warn' : 'info'](
        { event: 'ipc', channel: name, ok: true, ...requestFields(payload), ...outcome, ms },
        refused ? `${name} refused` : name,
      );
    }
    return reply;
  };
}

/** `emit` with every job event but progress ticks written to the log. */
export function loggedJobEvents(emit: (event: JobEvent) => void): (event: JobEvent) => void {
  return (event) => {
    if (event.type !== 'progress') {
      const level = event.type === 'failed' || event.type === 'stuck' ? 'warn' : 'info';
      // A queued job's name is the user's; its id says the same to a bug report.
      const { name: _name, ...fields } = event as JobEvent & { name?: string; reason?: string };
      if (typeof fields.reason === 'string') fields.reason = logText(fields.reason).slice(0, 500);
      log()[level]({ event: 'job', ...fields }, `job ${event.type}`);
    }
    emit(event);
  };
}
