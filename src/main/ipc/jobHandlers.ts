// Solve jobs over IPC: start (one solve or K variants), cancel, restart (the stuck panel) and list.
// Progress travels the other way as JobEvents through the `emit` the shell or harness provides.
import type { Handlers } from './dispatcher.ts';
import type { JobsService } from './JobsService.ts';
import type { ProjectSession } from './ProjectSession.ts';

type JobChannels = 'jobs:start' | 'jobs:cancel' | 'jobs:restart' | 'jobs:list';

export function jobHandlers(project: ProjectSession, jobs: JobsService): Pick<Handlers, JobChannels> {
  return {
    'jobs:start': (request) => ({ jobIds: jobs.start(project.connection(), request) }),
    'jobs:cancel': async ({ jobId }) => ({ cancelled: await jobs.cancel(jobId) }),
    'jobs:restart': async ({ jobId }) => ({ jobIds: await jobs.restart(project.connection(), jobId) }),
    'jobs:list': () => jobs.list(project.connection()),
  };
}
