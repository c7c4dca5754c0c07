// Import entry: an .xlsx workbook, a folder of CSV files, or an ITC-2007 .ctt/.ectt file, read in a
// worker thread with a memory cap and a time limit. Whatever a file does to the reader (a workbook
// bomb, a stack overflow, a hang), the main process lives on and the import fails with a message
// that names the file and what to do.
import { Worker } from 'node:worker_threads';
import { basename } from 'node:path';
import type { ImportResult } from '../../shared/model/index.ts';

export type { SheetName } from './sheetSpecs.ts';
export { SHEET_SPECS } from './sheetSpecs.ts';
export { importPathDirect } from './importDirect.ts';

export interface ImportLimits {
  /** Heap of the import worker, in MB (default 1536). */
  heapMb?: number;
  /** Wall-clock limit, in ms (default 5 minutes). */
  timeoutMs?: number;
}

export const IMPORT_HEAP_MB = 1536;
export const IMPORT_TIMEOUT_MS = 5 * 60_000;

/**
 * The worker's file, next to this one (run from the sources by Node). The app's bundle rewrites
 * this function (electron.vite.config.ts) to out/main/importWorker.js.
 */
function workerUrl(): URL {
  return new URL('./importWorker.ts', import.meta.url);
}

/** A packaged app runs the worker from the copy unpacked beside its asar archive (real files). */
function unpacked(url: URL): URL {
  return new URL(url.href.replace('/app.asar/', '/app.asar.unpacked/'));
}

type WorkerReply = { ok: true; result: ImportResult } | { ok: false; message: string };

export function importPath(path: string, limits: ImportLimits = {}): Promise<ImportResult> {
  const heapMb = limits.heapMb ?? IMPORT_HEAP_MB;
  const timeoutMs = limits.timeoutMs ?? IMPORT_TIMEOUT_MS;
  const name = basename(path);
  const fail = (message: string, hint: string): ImportResult => ({
    ok: false,
    errors: [{ severity: 'error', file: name, sheet: '', message, hint }],
    warnings: [],
  });
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ImportResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const worker = new Worker(unpacked(workerUrl()), {
      workerData: { path },
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    });
    const timer = setTimeout(
      () =>
        done(
          fail(
            `Reading "${name}" took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`,
            'The file is far larger or more complex than a college timetable needs: remove unused sheets, rows and columns.',
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) done(reply.result);
      else
        done(
          fail(
            `"${name}" could not be read: ${reply.message}`,
            'Check that the file opens in a spreadsheet program and save it again; if it does, report it with the file.',
          ),
        );
    });
    worker.once('error', (err: Error & { code?: string }) => {
      const oom = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      done(
        fail(
          oom
            ? `Reading "${name}" needed more than the ${heapMb} MB an import may use, and was stopped`
            : `"${name}" could not be read: ${err.message}`,
          oom
            ? 'The file is far larger than a college timetable needs: remove unused sheets, rows and columns (or formatting on whole columns), then import again.'
            : 'Check that the file opens in a spreadsheet program and save it again.',
        ),
      );
    });
    worker.once('exit', (code) => {
      done(fail(`Reading "${name}" stopped unexpectedly (exit code ${code})`, 'Try the import again.'));
    });
  });
}
