import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCtt, parseItcSolution } from '../../shared/itc/index.ts';
import { exportTimetable } from './index.ts';

const TOY = `Name: Toy
Courses: 3
Rooms: 2
Days: 5
Periods_per_day: 4
Curricula: 1
Constraints: 0

COURSES:
SceCosC Ocra 3 3 30
ArcTec Indaco 2 2 42
TecCos Rosa 4 3 40

ROOMS:
rA 32
B 50

CURRICULA:
Cur1 2 SceCosC ArcTec

UNAVAILABILITY_CONSTRAINTS:

END.
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slotwise-itc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ITC-2007 solution export', () => {
  it('writes `course room day period` lines that the solution parser reads back as the timetable', async () => {
    const college = parseCtt(TOY, 'toy.ctt');
    let slot = 0;
    const assignments = college.courses.flatMap((c) =>
      Array.from({ length: c.sessions }, (_, k) => {
        slot++;
        return {
          courseId: c.id,
          session: k + 1,
          day: slot % college.calendar.days.length,
          period: Math.floor(slot / college.calendar.days.length) % college.periods.length,
          roomId: college.rooms[slot % college.rooms.length].id,
          locked: false,
        };
      }),
    );
    const out = join(dir, 'toy.sol');
    await exportTimetable('itc', college, { assignments }, { out });
    const text = await readFile(out, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(assignments.length);
    expect(text.split('\n')[0]).toMatch(/^\S+ \S+ \d+ \d+$/);
    const back = parseItcSolution(text, college, 'toy.sol');
    const norm = (list: typeof assignments) =>
      list.map((a) => `${a.courseId} ${a.day} ${a.period} ${a.roomId}`).sort();
    expect(norm(back.assignments.map((a) => ({ ...a, locked: false })) as typeof assignments)).toEqual(
      norm(assignments),
    );
  });
});
