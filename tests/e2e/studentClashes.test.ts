// The Timetable screen's list of students double-booked, in Chromium against the real handlers: the
// sample college's planted timetable with one elective moved onto another that shares enrolled
// students. The side panel lists the pair with its count; choosing it highlights its sessions.
import { beforeAll, describe, expect, it } from 'vitest';
import { addTimetable, getActiveTimetable, openProject } from '../../src/main/db/index.ts';
import { timetableToPlacement } from '../../src/shared/compiled/placement.ts';
import { evaluate } from '../../src/shared/eval/evaluate.ts';
import { studentClashes } from '../../src/shared/eval/studentClashes.ts';
import type { Timetable } from '../../src/shared/model/types.ts';
import { browserAvailable, buildRenderer, launchApp, screenshot } from './harness.ts';
import { readSaved, seedProject } from './seed.ts';

/**
 * Moves the first session of a course onto a session of a course it shares enrolled students with
 * (into a room free then), stores that as the active timetable, and returns the pair.
 */
function plantDoubleBooking(file: string) {
  const { problem: p, college, assignments } = readSaved(file);
  const conflicts = p.courseStudentConflicts;
  const at = (c: number) => assignments.find((a) => a.courseId === p.courseIds[c] && a.session === 1);
  for (let a = 0; a < p.nCourses; a++) {
    for (let k = conflicts.offsets[a]; k < conflicts.offsets[a + 1]; k++) {
      const b = conflicts.items[k];
      const from = at(a);
      const onto = at(b);
      if (!from || !onto || onto.day === null || onto.period === null) continue;
      const busy = new Set(
        assignments.filter((x) => x.day === onto.day && x.period === onto.period).map((x) => x.roomId),
      );
      const room = college.rooms.find((r) => !busy.has(r.id) && r.capacity >= 60);
      if (!room) continue;
      const timetable: Timetable = {
        assignments: assignments.map((x) =>
          x === from ? { ...x, day: onto.day, period: onto.period, roomId: room.id } : x,
        ),
      };
      const placement = timetableToPlacement(p, timetable);
      const found = studentClashes(p, placement);
      const pair = found.pairs.find((x) => x.courses.includes(a) && x.courses.includes(b));
      if (!pair) continue;
      const db = openProject(file);
      try {
        addTimetable(db, {
          name: 'Electives together',
          kind: 'manual',
          timetable,
          evaluation: evaluate(p, placement, { details: false }),
          makeActive: true,
        });
        if (getActiveTimetable(db)?.summary.name !== 'Electives together') throw new Error('not active');
      } finally {
        db.close();
      }
      return {
        courses: pair.courses.map((c) => p.courseIds[c]),
        students: pair.students,
        total: found.doubleBookings,
        sessions: [...new Set(pair.meetings.flatMap((m) => m.sessions))],
      };
    }
  }
  throw new Error('the sample college has no two courses sharing enrolled students');
}

describe.runIf(browserAvailable())('students double-booked in the Timetable screen', () => {
  beforeAll(() => buildRenderer(), 120_000);

  it('lists the course pair with its count, and choosing it highlights its sessions', async () => {
    const app = await launchApp();
    try {
      const { page } = app;
      const file = await seedProject(app, true);
      const pair = plantDoubleBooking(file);
      await app.reload();
      await page.getByRole('navigation').getByRole('button', { name: 'Timetable' }).click();
      const panel = page.getByRole('region', { name: 'Students double-booked' });
      await panel.waitFor();
      await expect
        .poll(() => page.getByTestId('student-clash-summary').innerText())
        .toContain(`${pair.total} double-booking${pair.total === 1 ? '' : 's'}`);
      const item = panel.getByRole('button', { name: `${pair.courses[0]} and ${pair.courses[1]}:` });
      expect(await item.innerText()).toContain(
        `${pair.students} student${pair.students === 1 ? '' : 's'} in both`,
      );
      await item.click();
      await expect.poll(() => item.getAttribute('aria-pressed')).toBe('true');
      await expect
        .poll(() => page.getByTestId('focus-label').innerText())
        .toContain(`${pair.courses[0]} and ${pair.courses[1]}`);
      // The week opened holds at least one of the pair's sessions, highlighted; nothing else is.
      const highlighted = page.locator('.card.highlight');
      await expect.poll(() => highlighted.count()).toBeGreaterThanOrEqual(1);
      const ids = await highlighted.evaluateAll((cards) =>
        cards.map((c) =>
          Number((c as { getAttribute(name: string): string | null }).getAttribute('data-session')),
        ),
      );
      expect(ids.every((s) => pair.sessions.includes(s))).toBe(true);
      await screenshot(page, 'timetable-student-clashes');
    } finally {
      await app.close();
    }
  });
});
