// The activity log: JSON lines (pino) in a rotating file (rotating-file-stream), `slotwise.log` in
// a log folder, rotated at 5 MB with the 5 newest rotations kept. The app logs under its user data
// folder (appLog.ts); the CLI beside the project (`<project>.logs/`) or in SLOTWISE_LOG_DIR. SLOTWISE_LOG_DIR=off
// turns it off, and so does running under the test runner unless SLOTWISE_LOG_DIR names a folder.
// Only ids, counts, times and error messages are logged: never names or other personal data.
import { basename, join } from 'node:path';
import { pino, type Logger } from 'pino';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export const LOG_FILE = 'slotwise.log';
export const LOG_ROTATE_SIZE = '5M';
export const LOG_KEEP_FILES = 5;

let current: Logger = pino({ level: 'silent' });
let stream: RotatingFileStream | undefined;
let currentDir: string | undefined;
let currentContext: Record<string, unknown> = {};

/** The folder the CLI logs to for a project, or undefined when logging is off. */
export function cliLogDir(
  projectPath: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const given = env.SLOTWISE_LOG_DIR;
  if (given !== undefined && given !== '') return given.toLowerCase() === 'off' ? undefined : given;
  if (env.VITEST) return undefined;
  return projectPath ? `${projectPath}.logs` : undefined;
}

/** The file names a rotation gives: slotwise.log, then slotwise-<n>.log.gz style names, newest first. */
function rotatedName(time: number | Date | null, index?: number): string {
  if (!time) return LOG_FILE;
  return `slotwise.${index ?? 1}.log`;
}

/** Starts logging into `dir` (made if missing); a second call with another folder moves the log. */
export function startLog(dir: string | undefined, context: Record<string, unknown> = {}): Logger {
  if (dir === currentDir) return current;
  void stopLog();
  if (dir === undefined) return current;
  stream = createStream(rotatedName, {
    path: dir,
    size: LOG_ROTATE_SIZE,
    maxFiles: LOG_KEEP_FILES,
    history: '.slotwise-log-history',
  });
  // A log that cannot be written (a read-only folder, a full disk) must never stop the work.
  stream.on('error', () => undefined);
  current = pino(
    { base: { pid: process.pid, ...context }, timestamp: pino.stdTimeFunctions.isoTime },
    stream,
  );
  currentDir = dir;
  currentContext = context;
  return current;
}

/** Writes what is buffered and closes the file. */
export function stopLog(): Promise<void> {
  const s = stream;
  stream = undefined;
  currentDir = undefined;
  current = pino({ level: 'silent' });
  if (!s) return Promise.resolve();
  return new Promise((resolve) => {
    s.end(() => resolve());
  });
}

/** Puts everything logged so far on disk (closes the file and opens it again), e.g. before a bundle. */
export async function flushLog(): Promise<void> {
  const dir = currentDir;
  const context = currentContext;
  if (dir === undefined) return;
  await stopLog();
  startLog(dir, context);
}

/** The logger in use (silent when logging is off). */
export function log(): Logger {
  return current;
}

export function logDir(): string | undefined {
  return currentDir;
}

/** A path as the log records it: the file name only (folder names may carry a person's name). */
export function logPath(path: string): string {
  return basename(path);
}

export function logFilePath(dir: string): string {
  return join(dir, LOG_FILE);
}

/** A message as the log records it: every absolute path cut to its file name. */
export function logText(text: string): string {
  return text.replace(/(?:[A-Za-z]:)?[\\/](?:[^\s"'`\\/:]+[\\/])+([^\s"'`\\/:]*)/g, '$1');
}
