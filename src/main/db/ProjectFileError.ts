/** Why a project file could not be opened; the file is never modified when one of these is thrown. */
export type ProjectFileErrorCode =
  'not_found' | 'cannot_open' | 'not_sqlite' | 'foreign' | 'corrupt' | 'too_new' | 'needs_upgrade';

/** A project file that cannot be opened, with a message a scheduler can act on. */
export class ProjectFileError extends Error {
  readonly code: ProjectFileErrorCode;
  readonly path: string;
  constructor(code: ProjectFileErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProjectFileError';
    this.code = code;
    this.path = path;
  }
}
