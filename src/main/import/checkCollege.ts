// The last step of a whole-file import (.ctt, .fet): the built college must satisfy the model's
// schema; when it does not, the first problem becomes one ImportIssue for that file.
import { collegeSchema, type College, type ImportIssue } from '../../shared/model/index.ts';

export type CheckedCollege = { ok: true; college: College } | { ok: false; issue: ImportIssue };

/** `what` names the input in the message, e.g. "The file does not form a valid college". */
export function checkCollege(
  college: unknown,
  where: { file: string; sheet: string; hint: string; what: string },
): CheckedCollege {
  const checked = collegeSchema.safeParse(college);
  if (checked.success) return { ok: true, college: checked.data };
  const [problem] = checked.error.issues;
  return {
    ok: false,
    issue: {
      severity: 'error',
      file: where.file,
      sheet: where.sheet,
      message: `${where.what} at ${problem.path.join('.')}: ${problem.message}`,
      hint: where.hint,
    },
  };
}
