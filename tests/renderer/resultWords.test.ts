import { describe, expect, it } from 'vitest';
import { costWords, headline, kindWords, originWords } from '../../src/renderer/src/generate/resultWords.ts';

describe('the Generate result in words', () => {
  it('never says "without clashes" while a rule is broken or a student is double-booked', () => {
    expect(headline(0, null)).toEqual({ title: 'A timetable without clashes was found', tone: 'ok' });
    expect(headline(0, { doubleBookings: 0, pairs: 0 })).toEqual({
      title: 'A timetable without clashes was found',
      tone: 'ok',
    });
    expect(headline(0, { doubleBookings: 3209, pairs: 41 })).toEqual({
      title:
        'A timetable without group or teacher clashes was found; 3,209 student double-bookings remain, from 41 course pairs',
      tone: 'warn',
    });
    expect(headline(0, { doubleBookings: 1, pairs: 1 }).title).toBe(
      'A timetable without group or teacher clashes was found; 1 student double-booking remains, from 1 course pair',
    );
    expect(headline(2, null)).toEqual({
      title: 'A timetable was found, but it breaks 2 hard rules or limits',
      tone: 'warn',
    });
    expect(headline(3, { doubleBookings: 4, pairs: 2 }, 1).title).toBe(
      'A timetable was found, but it breaks 2 hard rules or limits and leaves 1 session unplaced, and 4 student double-bookings remain, from 2 course pairs',
    );
    expect(headline(1, { doubleBookings: 0, pairs: 0 }, 1).title).toBe(
      'A timetable was found, but it leaves 1 session unplaced',
    );
  });

  it('names kinds of violations in plain words, singular and plural', () => {
    expect(kindWords('faculty_clash', 1)).toBe('1 teacher double-booking');
    expect(kindWords('faculty_max_per_day', 2)).toBe("2 teachers' daily limits exceeded");
    expect(kindWords('rule', 1)).toBe('1 broken rule (Rules sheet)');
    expect(kindWords('something_new', 4)).toBe('4 × something new');
  });

  it('puts costs and where a job started in one line', () => {
    expect(costWords({ hardTotal: 0, softTotal: 132.456, studentClashes: 1 })).toBe(
      'hard 0 · soft 132.46 · 1 student double-booked',
    );
    expect(costWords({ hardTotal: 2, softTotal: 7 })).toBe('hard 2 · soft 7');
    expect(
      originWords({ mode: 'improve', from: { id: 3, name: 'Hand-edited' }, locked: 1, dropped: 0 }),
    ).toBe('Improves \u201cHand-edited\u201d, keeping its 1 locked session in place.');
    expect(originWords({ mode: 'new', from: { id: 3, name: 'Hand-edited' }, locked: 4, dropped: 2 })).toBe(
      'A new timetable that keeps the 4 locked sessions of \u201cHand-edited\u201d in place (2 of its entries no longer fit the college data and were left out).',
    );
    expect(originWords({ mode: 'new', from: null, locked: 0, dropped: 0 })).toBeNull();
    expect(originWords(null)).toBeNull();
  });
});
