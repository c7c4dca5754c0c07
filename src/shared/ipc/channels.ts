// The channel names of the IPC contract, without their schemas: the preload builds window.api
// from this list (it stays tiny), main and the renderer use contract.ts for the types.
export const CHANNELS = [
  'app:info',
  'project:current',
  'project:recent',
  'project:open',
  'project:create',
  'project:backup',
  'import:run',
  'data:browse',
  'data:precheck',
  'college:get',
  'timetable:list',
  'timetable:get',
  'timetable:update',
  'timetable:setActive',
  'timetable:compare',
  'timetable:kpis',
  'timetable:explain',
  'timetable:rename',
  'timetable:delete',
  'timetable:stamp',
  'timetable:editorData',
  'timetable:collegePart',
  'jobs:start',
  'jobs:cancel',
  'jobs:restart',
  'jobs:list',
  'export:run',
  'dialog:save',
  'dialog:open',
  'template:save',
  'diagnostics:bundle',
  'diagnostics:logFolder',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** `project:open` -> `projectOpen`: the window.api method for a channel. */
export function methodName(channel: string): string {
  return channel.replace(/[:-](\w)/g, (_m, c: string) => c.toUpperCase());
}
