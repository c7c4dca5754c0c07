// The project database: connection owner, migrations and repositories (plain functions `(db, ...)`).
export type { Database } from 'better-sqlite3';
export { openProject, APPLICATION_ID, PROJECT_EXTENSION, type OpenProjectOptions } from './connection.ts';
export { ProjectFileError, type ProjectFileErrorCode } from './ProjectFileError.ts';
export { backupProject, listBackups, defaultBackupDir, KEEP_BACKUPS } from './backups.ts';
export { restoreProject, RestoreError, type RestoreOptions, type RestoreResult } from './restoreProject.ts';
export { getSchemaVersion } from './migrate.ts';
export { LATEST_VERSION } from './migrations/index.ts';
export {
  saveCollege,
  loadCollege,
  loadCollegeWithRevision,
  hasCollege,
  collegeCounts,
} from './collegeRepo.ts';
export {
  browseCollege,
  type BrowseEntities,
  type BrowseKind,
  type BrowsePage,
  type BrowseQuery,
} from './browseRepo.ts';
export { getCollegeRevision } from './projectState.ts';
export {
  addTimetable,
  listTimetables,
  getTimetable,
  getTimetableSummary,
  getActiveTimetable,
  setActiveTimetable,
  renameTimetable,
  deleteTimetable,
  uniqueTimetableName,
  timetableExists,
  isActiveTimetable,
  activeTimetableVersion,
  updateAssignments,
  type NewTimetable,
  type AssignmentChange,
} from './timetablesRepo.ts';
export {
  createJob,
  updateJobStatus,
  getJob,
  listJobs,
  addAttempt,
  finishAttempt,
  listAttempts,
  recordProgress,
  getProgress,
} from './jobsRepo.ts';
export {
  saveCheckpoint,
  latestCheckpoint,
  listCheckpoints,
  KEEP_CHECKPOINTS,
  type NewCheckpoint,
} from './checkpointsRepo.ts';
export type * from './types.ts';
