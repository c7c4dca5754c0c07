import { AppError } from '../../shared/ipc/envelope.ts';

/** Why a project file could not be opened; the file is never modified when one of these is thrown. */
export type ProjectFileErrorCode =
  | 'not_found'
  | 'cannot_open'
  | 'not_sqlite'
  | 'foreign'
  | 'corrupt'
  | 'too_new'
  | 'needs_upgrade'
  /** The file can only be read (permissions) and a writer asked for it. */
  | 'read_only'
  /** A restore is replacing the file right now. */
  | 'in_use';

/** A project file that cannot be opened, with a message a scheduler can act on. */
export class ProjectFileError extends AppError {
  declare readonly code: ProjectFileErrorCode;
  readonly path: string;
  constructor(code: ProjectFileErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(code, message, { path });
    if (options && 'cause' in options) this.cause = options.cause;
    this.name = 'ProjectFileError';
    this.path = path;
  }
}
