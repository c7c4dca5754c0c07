// The main-process handlers behind the IPC contract. One project is open at a time; its
// database connection is owned by ProjectSession.
import type { Handlers } from './dispatcher.ts';
import { ProjectSession } from './ProjectSession.ts';
import { backupProject } from '../db/index.ts';
import { saveTemplate, TEMPLATE_FILE } from './saveTemplate.ts';
import { collegeHandlers } from './collegeHandlers.ts';
import { timetableHandlers } from './timetableHandlers.ts';
import { CollegeCache } from './CollegeCache.ts';
import { jobHandlers } from './jobHandlers.ts';
import { exportHandlers, type ExportLimits } from './exportHandlers.ts';
import { versionHandlers } from './versionHandlers.ts';
import { diagnosticsHandlers } from './diagnosticsHandlers.ts';
import { JobsService } from './JobsService.ts';
import { newProjectPath } from './newProjectPath.ts';
import type { JobRunnerOptions } from '../jobs/index.ts';
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import { AppError } from '../../shared/ipc/envelope.ts';

export interface HandlerDeps {
  userDataDir: string;
  version?: string;
  /** Delivers job events to the renderer (the shell: webContents.send; tests: the harness). */
  emit?: (event: JobEvent) => void;
  /** Solver pool settings (tests select a fixture solver with solverArgs / solverEnv). */
  jobRunner?: JobRunnerOptions;
  /** The native save dialog (injected by the shell); resolves null when cancelled. */
  saveDialog?: (request: { title: string; defaultName?: string }) => Promise<string | null>;
  /** The native open dialog for a file or a folder (injected by the shell). */
  openDialog?: (request: { title: string; folder?: boolean }) => Promise<string | null>;
  /** The template workbook to hand out (the packaged app's resources; default: the repository's). */
  templateFile?: string;
  /** Versions only the shell knows (Electron, Chromium), for diagnostic bundles. */
  versions?: Record<string, string>;
  /** Export deadlines (tests shorten them). */
  exportLimits?: ExportLimits;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const project = new ProjectSession(deps.userDataDir);
  const jobs = new JobsService(deps.jobRunner ?? {}, deps.emit ?? (() => {}));
  // One read and one compile of the college per revision, for the editor, its edits and the versions.
  const colleges = new CollegeCache();
  project.onClose(() => void jobs.close());
  // The job runner stops before its database closes; the new project's unfinished jobs resume.
  const openWithJobs = async (path: string, create: boolean) => {
    await jobs.close();
    const info = project.open(path, create);
    jobs.resume(project.connection());
    return info;
  };
  return {
    'app:info': () => ({ version: deps.version ?? '0.1.0', platform: process.platform }),
    'project:current': () => {
      const info = project.info();
      if (info) jobs.resume(project.connection());
      return info;
    },
    'project:recent': () => project.recent(),
    'project:backup': async () => ({ file: await backupProject(project.connection()) }),
    'project:open': async ({ path }) => openWithJobs(path, false),
    'project:create': async ({ path }) => openWithJobs(newProjectPath(path), true),
    ...collegeHandlers(project, colleges),
    ...timetableHandlers(project, colleges),
    ...jobHandlers(project, jobs),
    ...exportHandlers(project, deps.exportLimits),
    ...versionHandlers(project, colleges),
    ...diagnosticsHandlers(project, { versions: deps.versions }),
    'template:save': ({ out }) => saveTemplate(deps.templateFile ?? TEMPLATE_FILE, out),
    'dialog:open': (request) => {
      if (!deps.openDialog) throw new AppError('no_dialog', 'Type the path of the workbook or folder.');
      return deps.openDialog(request);
    },
    'dialog:save': (request) => {
      if (!deps.saveDialog) throw new AppError('no_dialog', 'Type the path to save to.');
      return deps.saveDialog(request);
    },
  };
}
