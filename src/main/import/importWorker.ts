// The import worker thread's entry: imports the path it was started with and posts the result.
// Started by importPath (index.ts) with a memory cap, so that no input can take the app's main
// process down with it.
import { parentPort, workerData } from 'node:worker_threads';
import { importPathDirect } from './importDirect.ts';

const { path } = workerData as { path: string };
try {
  parentPort?.postMessage({ ok: true, result: await importPathDirect(path) });
} catch (err) {
  parentPort?.postMessage({
    ok: false,
    message: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  });
}
