import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collegeSchema } from '../../src/shared/model/schema.ts';
import { adjacency } from '../../src/shared/model/periods.ts';
import { compile } from '../../src/shared/compiled/compile.ts';
import { csrRow } from '../../src/shared/compiled/csr.ts';
import { ITC_WEIGHTS } from '../../src/shared/eval/weights.ts';
import { parseCtt } from '../../src/shared/itc/ctt.ts';
import { pathToFileURL } from 'node:url';
import { DATA_DIR } from '../fixtures/dataDir.ts';

const data = pathToFileURL(DATA_DIR);
const toyText = readFileSync(new URL('itc2007/qub-2007-release/toy.ctt', data), 'utf8');

describe('parseCtt', () => {
  it('reads the toy instance into a valid college as WORKBOOK.md describes', () => {
    const c = parseCtt(toyText, 'toy.ctt');
    expect(collegeSchema.parse(c)).toEqual(c);
    expect(c.calendar.days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    expect(c.periods.map((p) => `${p.start}-${p.end}`)).toEqual([
      '08:00-09:00',
      '09:00-10:00',
      '10:00-11:00',
      '11:00-12:00',
    ]);
    expect(adjacency(c.periods)).toEqual([true, true, true, false]);
    expect(c.rooms).toEqual([
      { id: 'A', name: 'A', capacity: 32, type: 'lecture', unavailable: [] },
      { id: 'B', name: 'B', capacity: 50, type: 'lecture', unavailable: [] },
    ]);
    expect(c.faculty.map((f) => f.id)).toEqual(['Ocra', 'Indaco', 'Rosa', 'Scarlatti']);
    expect(c.groups).toEqual([
      { id: 'Cur1', name: 'Cur1', size: 0 },
      { id: 'Cur2', name: 'Cur2', size: 0 },
    ]);
    const tec = c.courses.find((x) => x.id === 'TecCos');
    expect(tec).toMatchObject({
      faculty: ['Rosa'],
      groups: ['Cur1', 'Cur2'],
      sessions: 5,
      minDays: 4,
      students: 40,
    });
    expect(tec?.unavailable).toEqual([
      { day: 2, period: 0 },
      { day: 2, period: 1 },
      { day: 3, period: 2 },
      { day: 3, period: 3 },
    ]);
    expect(c.settings.roomCapacity).toBe('soft');
    expect(c.source).toEqual({ kind: 'ctt', name: 'toy.ctt' });
    expect(compile(c).weights).toEqual(ITC_WEIGHTS);
  });

  it('is token based: tabs, blank lines and CRLF do not matter', () => {
    const messy = toyText.replace(/ /g, ' \t ').replace(/\n/g, '\r\n\r\n');
    expect(parseCtt(messy, 'toy.ctt')).toEqual(parseCtt(toyText, 'toy.ctt'));
  });

  it('names more than seven days D1..Dn and squeezes many periods into one day', () => {
    const c = parseCtt(
      toyText.replace('Days: 5', 'Days: 9').replace('Periods_per_day: 4', 'Periods_per_day: 20'),
      't.ctt',
    );
    expect(c.calendar.days[8]).toBe('D9');
    expect(c.periods).toHaveLength(20);
    expect(adjacency(c.periods).filter(Boolean)).toHaveLength(19);
    expect(() => collegeSchema.parse(c)).not.toThrow();
  });

  it.each([
    ['Rooms: 2', 'Rooms: x', /t\.ctt:3: the value of Rooms: must be a whole number, found "x"/],
    ['A 32', 'A 0', /t\.ctt:16: the capacity of room "A" must be a whole number of at least 1/],
    [
      'Cur2 2 TecCos Geotec',
      'Cur2 2 TecCos Nope',
      /t\.ctt:21: curriculum "Cur2" lists unknown course "Nope"/,
    ],
    [
      'TecCos 3 3',
      'TecCos 3 4',
      /t\.ctt:27: unavailability of "TecCos" at day 3 period 4 is outside the 5x4 week/,
    ],
    ['ArcTec Indaco 3 2 42', 'SceCosC Indaco 3 2 42', /t\.ctt:11: course "SceCosC" is listed twice/],
    ['END.', '', /t\.ctt:\d+: the file ends where "END\." was expected/],
    ['ROOMS:', 'ROOMZ:', /t\.ctt:15: expected "ROOMS:", found "ROOMZ:"/],
  ])('rejects "%s" -> "%s" with file and line', (from, to, message) => {
    expect(() => parseCtt(toyText.replace(from, to), 't.ctt')).toThrow(message);
  });

  it('reads the Udine .ectt format: sites as buildings, room constraints as allowed rooms', () => {
    const text = readFileSync(new URL('udine/Test/toy.ectt', data), 'utf8');
    const c = parseCtt(text, 'toy.ectt');
    expect(c.rooms.map((r) => [r.id, r.building])).toEqual([
      ['rA', '1'],
      ['rB', '0'],
      ['rC', '0'],
    ]);
    expect(c.courses.find((x) => x.id === 'SceCosC')?.rooms).toEqual(['rB', 'rC']);
    const p = compile(c);
    expect(csrRow(p.courseRooms, p.courseIds.indexOf('Geotec'))).toEqual([0, 2]);
  });

  it('reads every ITC-2007 instance with the sizes of the README table', () => {
    const lectures: Record<string, number> = {
      comp01: 160,
      comp05: 152,
      comp07: 434,
      comp12: 218,
      comp21: 327,
    };
    for (const [name, n] of Object.entries(lectures)) {
      const c = parseCtt(readFileSync(new URL(`itc2007/${name}.ctt`, data), 'utf8'), `${name}.ctt`);
      expect(c.courses.reduce((a, x) => a + x.sessions, 0)).toBe(n);
    }
  });
});
