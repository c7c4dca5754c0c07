// Why a solve attempt ended without a result: a crash, OOM, hang, time limit, cancel, ...
import type { AttemptFailureKind } from '../../shared/ipc/jobEvents.ts';

export type AttemptErrorKind = AttemptFailureKind | 'cancelled';

export class AttemptError extends Error {
  readonly kind: AttemptErrorKind;
  constructor(kind: AttemptErrorKind, message: string) {
    super(message);
    this.name = 'AttemptError';
    this.kind = kind;
  }
}
