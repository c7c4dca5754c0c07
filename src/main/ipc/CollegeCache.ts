// The open project's college, kept per connection and college revision and shared by the handlers:
// read (and checked) from the database once, and its JSON for the editor and its compiled form for
// edits, explanations and the pre-check each made from that one read when first asked for (or
// ahead: after an import, after the editor's read). A re-import changes the revision, and the next
// ask reads it again.
import type { Database } from 'better-sqlite3';
import { getCollegeRevision, loadCollege } from '../db/index.ts';
import { compile } from '../../shared/compiled/compile.ts';
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import { AppError } from '../../shared/ipc/envelope.ts';
import type { College } from '../../shared/model/types.ts';

export interface KeptCollege {
  revision: number;
  college: College | null;
  json?: string | null;
  problem?: CompiledProblem;
}

export class CollegeCache {
  private readonly kept = new WeakMap<Database, KeptCollege>();

  /** The college of the connection's current revision (null college: none imported). */
  current(db: Database): KeptCollege {
    const revision = getCollegeRevision(db);
    const hit = this.kept.get(db);
    if (hit && hit.revision === revision) return hit;
    const fresh: KeptCollege = { revision, college: loadCollege(db) };
    this.kept.set(db, fresh);
    return fresh;
  }

  /** The college; refused in `words` when none is imported. */
  college(db: Database, words: string): { kept: KeptCollege; college: College } {
    const kept = this.current(db);
    if (!kept.college) throw new AppError('no_college', words);
    return { kept, college: kept.college };
  }

  /** The compiled college (compiled on first ask per revision). */
  problem(db: Database, words: string): CompiledProblem {
    const { kept, college } = this.college(db, words);
    kept.problem ??= compile(college);
    return kept.problem;
  }

  /** The college as JSON text (null: none imported). */
  json(db: Database): string | null {
    const kept = this.current(db);
    if (kept.json === undefined) kept.json = kept.college ? JSON.stringify(kept.college) : null;
    return kept.json;
  }

  /**
   * Compiles the current college soon, in the background, unless it is compiled already: the first
   * edit saved then costs one evaluation, not a compile too. Nothing happens when the connection
   * closed or the college is gone by then.
   */
  warm(db: Database): void {
    const kept = this.kept.get(db);
    if (!kept || kept.problem || !kept.college) return;
    const timer = setTimeout(() => {
      try {
        if (!db.open || this.kept.get(db) !== kept || getCollegeRevision(db) !== kept.revision) return;
        kept.problem ??= compile(kept.college as College);
      } catch {
        // Compiled again, and the error shown, when an edit asks for it.
      }
    }, WARM_DELAY_MS);
    timer.unref?.();
  }

  /**
   * After an import: reads the new college and makes its JSON at once after the reply, so the
   * editor's next load finds it ready (its compile follows that load, see warm). Nothing happens
   * when the connection closed by then.
   */
  prepare(db: Database): void {
    const immediate = setImmediate(() => {
      try {
        if (db.open) this.json(db);
      } catch {
        // Read again, and the error shown, when the editor asks for it.
      }
    });
    immediate.unref?.();
  }
}

/** After the editor's read, the compile waits this long (the page is busy loading meanwhile). */
const WARM_DELAY_MS = 50;
