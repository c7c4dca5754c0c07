import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv } from './readCsvFolder.ts';

describe('parseCsv', () => {
  it('strips a BOM and keeps spreadsheet row numbers across blank lines', () => {
    const sheet = parseCsv('Rooms', 'Rooms.csv', '\uFEFFroom_id,capacity\r\nR1,30\r\n\r\n,\r\nR2,40\r\n');
    expect(sheet.headers).toEqual(['room_id', 'capacity']);
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows.map((r) => [r.rowNumber, r.cells])).toEqual([
      [2, ['R1', '30']],
      [5, ['R2', '40']],
    ]);
  });

  it('reads ;-delimited files whose cells hold comma lists', () => {
    const sheet = parseCsv('Courses', 'Courses.csv', 'course_id;faculty\nC1;F1, F2\n');
    expect(sheet.rows[0].cells).toEqual(['C1', 'F1, F2']);
  });

  it('keeps ; lists inside a comma-delimited file and quoted commas', () => {
    const sheet = parseCsv('Courses', 'Courses.csv', 'course_id,faculty,name\nC1,F1;F2,"Maths, part 1"\n');
    expect(sheet.rows[0].cells).toEqual(['C1', 'F1;F2', 'Maths, part 1']);
  });

  it('takes the first non-blank row as the header', () => {
    const sheet = parseCsv('Weights', 'Weights.csv', '\n,\nconstraint,weight\nmin_days,3\n');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows[0].rowNumber).toBe(4);
  });
});

describe('guessDelimiter', () => {
  it('decides from the header line', () => {
    expect(guessDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(guessDelimiter('a,b\n1;2;3;4')).toBe(',');
    expect(guessDelimiter('a\tb')).toBe('\t');
  });
});
