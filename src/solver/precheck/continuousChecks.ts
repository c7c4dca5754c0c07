// A session is one run of adjacent periods (it never spans a break), so a course longer than the
// max_continuous of one of its faculty or of a group at or above one of its student sets can never
// be held within that limit (docs/WORKBOOK.md, `max_continuous`); nor can it be held within a
// max_span shorter than its length (one session alone spans its length, `max_span`).
import type { CompiledProblem } from '../../shared/compiled/types.ts';
import type { PrecheckFinding } from '../../shared/solver/protocol.ts';

interface Limit {
  code: 'max_continuous' | 'max_span';
  faculty: Int32Array;
  group: Int32Array;
  /** What one session of `len` periods already is. */
  already: (len: number) => string;
}

export function continuousChecks(p: CompiledProblem, out: PrecheckFinding[]): void {
  const limits: Limit[] = [
    {
      code: 'max_continuous',
      faculty: p.facultyMaxContinuous,
      group: p.groupMaxContinuous,
      already: (len) => `${len} periods in a row`,
    },
    {
      code: 'max_span',
      faculty: p.facultyMaxSpan,
      group: p.groupMaxSpan,
      already: (len) => `a day spanning ${len} periods`,
    },
  ];
  for (const limit of limits)
    for (let c = 0; c < p.nCourses; c++) {
      const len = p.courseLength[c];
      const course = p.courseIds[c];
      for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++) {
        const f = p.courseFaculty.items[i];
        const max = limit.faculty[f];
        if (max > 0 && len > max)
          push(out, limit, course, len, { sheet: 'Faculty', id: p.facultyIds[f] }, max);
      }
      const seen = new Set<number>();
      for (let i = p.courseStudentSets.offsets[c]; i < p.courseStudentSets.offsets[c + 1]; i++)
        for (let g = p.setGroup[p.courseStudentSets.items[i]]; g >= 0; g = p.groupParent[g]) {
          const max = limit.group[g];
          if (max <= 0 || len <= max || seen.has(g)) continue;
          seen.add(g);
          push(out, limit, course, len, { sheet: 'Groups', id: p.groupIds[g] }, max);
        }
    }
}

function push(
  out: PrecheckFinding[],
  limit: Limit,
  course: string,
  len: number,
  row: { sheet: string; id: string },
  max: number,
): void {
  const whose = row.sheet === 'Faculty' ? `faculty ${row.id}` : `group ${row.id}`;
  out.push({
    code: limit.code,
    rows: [{ sheet: 'Courses', id: course }, row],
    fatal: true,
    message: `Course ${course} has ${len}-period sessions, but ${limit.code} of ${whose} is ${max}: one session is already ${limit.already(len)}.`,
    hint: `Raise ${limit.code} of ${whose} to at least ${len}, or shorten the sessions of ${course}.`,
  });
}
