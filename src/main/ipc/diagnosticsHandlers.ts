// Help > "Open log folder" and "Save a diagnostic bundle…": the log folder (made when missing) and
// the same bundle as `slotwise diagnose` (the log, versions and the open project's integrity
// report). The reply names the bundle by its file name only.
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../shared/ipc/envelope.ts';
import { writeDiagnosticBundle } from '../log/diagnostics.ts';
import { flushLog, logDir } from '../log/log.ts';
import { prepareTarget, removeCreated } from './exportTarget.ts';
import type { Handlers } from './dispatcher.ts';
import type { ProjectSession } from './ProjectSession.ts';

type DiagnosticsChannels = 'diagnostics:bundle' | 'diagnostics:logFolder';

export interface DiagnosticsDeps {
  /** Versions only the shell knows (Electron, Chromium). */
  versions?: Record<string, string>;
}

export function diagnosticsHandlers(
  project: ProjectSession,
  deps: DiagnosticsDeps = {},
): Pick<Handlers, DiagnosticsChannels> {
  return {
    'diagnostics:logFolder': () => {
      const folder = logDir();
      if (!folder)
        throw new AppError(
          'log_off',
          'The activity log is off (SLOTWISE_LOG_DIR=off): there is no log folder.',
        );
      mkdirSync(folder, { recursive: true });
      return { folder };
    },
    'diagnostics:bundle': async ({ out }) => {
      // A full path to a file, as for an export (a relative one would land wherever the app runs).
      const target = await prepareTarget(out, 'file');
      try {
        await flushLog(); // every line logged so far in the bundle
        const result = await writeDiagnosticBundle({
          out,
          projectPath: project.info()?.path || undefined,
          logDir: logDir(),
          versions: deps.versions,
        });
        return { file: basename(result.path), entries: result.entries };
      } catch (err) {
        await removeCreated(target);
        throw err;
      }
    },
  };
}
