// The main-process handlers behind the IPC contract. One project is open at a time; its
// database connection is owned by ProjectSession.
import type { Handlers } from './dispatcher.ts';
import { ProjectSession } from './ProjectSession.ts';
import { collegeHandlers } from './collegeHandlers.ts';
import { timetableHandlers } from './timetableHandlers.ts';

export interface HandlerDeps {
  userDataDir: string;
  version?: string;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const project = new ProjectSession(deps.userDataDir);
  return {
    'app:info': () => ({ version: deps.version ?? '0.1.0', platform: process.platform }),
    'project:current': () => project.info(),
    'project:recent': () => project.recent(),
    'project:open': ({ path }) => project.open(path, false),
    'project:create': ({ path }) => project.open(path, true),
    ...collegeHandlers(project),
    ...timetableHandlers(project),
  };
}
