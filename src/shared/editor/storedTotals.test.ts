import { describe, expect, it } from 'vitest';
import { timetableToPlacement } from '../compiled/placement.ts';
import { evaluate } from '../eval/evaluate.ts';
import { testCollege } from '../eval/testing/testCollege.ts';
import { EditorEngine } from './EditorEngine.ts';
import { storedTotals } from './storedTotals.ts';

const college = testCollege({
  rooms: [
    { id: 'R1', name: 'Room 1', capacity: 20 },
    { id: 'R2', name: 'Room 2', capacity: 60 },
  ],
  faculty: [{ id: 'F1', name: 'F1' }],
  groups: [
    { id: 'G1', name: 'G1', size: 30 },
    { id: 'G2', name: 'G2', size: 30 },
  ],
  courses: [
    { id: 'A', name: 'A', faculty: ['F1'], groups: ['G1'], sessions: 2 },
    { id: 'B', name: 'B', faculty: ['F1'], groups: ['G2'], sessions: 1 },
  ],
});
const at = (courseId: string, session: number, day: number, period: number, roomId: string) => ({
  courseId,
  session,
  day,
  period,
  roomId,
  locked: false,
});
// F1 teaches A and B at once, A's second session sits in a room too small, on the same day.
const timetable = { assignments: [at('A', 1, 0, 0, 'R2'), at('B', 1, 0, 0, 'R1'), at('A', 2, 0, 1, 'R1')] };

describe('storedTotals', () => {
  it("stands in for the worker's count: a stored evaluation gives the totals the engine counts", () => {
    const engine = new EditorEngine();
    const { problem } = engine.load(JSON.stringify(college), JSON.stringify(timetable));
    const ev = evaluate(problem, timetableToPlacement(problem, timetable), { details: false });
    const stored = storedTotals({ ...ev, stale: false });
    expect(stored?.hardTotal).toBeGreaterThan(0);
    expect(stored).toEqual(engine.totals());
  });

  it('is null for costs counted on an older college or without a kind counted now', () => {
    const engine = new EditorEngine();
    const { problem } = engine.load(JSON.stringify(college), JSON.stringify(timetable));
    const ev = evaluate(problem, timetableToPlacement(problem, timetable), { details: false });
    expect(storedTotals({ ...ev, stale: true })).toBeNull();
    const { faculty_max_gaps_per_week: _old, ...olderHard } = ev.hard;
    expect(storedTotals({ ...ev, hard: olderHard as typeof ev.hard, stale: false })).toBeNull();
    const { student_clash: _s, ...olderSoft } = ev.soft;
    expect(storedTotals({ ...ev, soft: olderSoft as typeof ev.soft, stale: false })).toBeNull();
  });
});
