import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { College, ImportIssue } from '../../shared/model/index.ts';
import { importSheets } from './importSheets.ts';
import type { RawSheet } from './rawSheet.ts';
import { parseCsv, readCsvFolder } from './readers/readCsvFolder.ts';

const CLEAN = join(import.meta.dirname, '../../../tests/fixtures/import/clean');
let clean: RawSheet[];
beforeAll(async () => {
  clean = await readCsvFolder(CLEAN);
});

/** The clean fixture with some sheets replaced (CSV text) or removed (null). */
function run(overrides: Record<string, string | null>): {
  errors: ImportIssue[];
  warnings: ImportIssue[];
  college?: College;
} {
  const sheets = clean.filter((s) => !(s.name.toLowerCase() in lower(overrides)));
  for (const [name, text] of Object.entries(overrides))
    if (text !== null) sheets.push(parseCsv(name, `${name}.csv`, text));
  const result = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (s) => `${s}.csv` });
  return result.ok
    ? { errors: [], warnings: result.warnings, college: result.college }
    : { errors: result.errors, warnings: result.warnings };
}
const lower = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(o).map((k) => [k.toLowerCase(), true]));
const at = (issues: ImportIssue[]) =>
  issues.map((e) => `${e.sheet}:${e.row ?? '-'}:${e.column ?? '-'}: ${e.message}`);

describe('importSheets checks', () => {
  it('matches headers ignoring case, spaces and _, in any order, and ignores extra columns', () => {
    const { errors } = run({ weights: 'Weight,  CONSTRAINT ,comment\n4,min_days,x\n' });
    expect(errors).toEqual([]);
  });

  it('checks Calendar keys, days, dates, zone and term order', () => {
    const { errors, warnings } = run({
      Calendar:
        'key,value\nDays,Mon;Tue;mon\nterm_start,2026-09-01\nterm end,2026-08-01\ntimezone,Mars/Base\nholidays,2026-08-15;15-08-2026\nterm_start,2026-09-02\ncolour,blue\n',
    });
    expect(at(errors)).toEqual([
      'Calendar:2:value: Day "mon" is listed twice',
      'Calendar:4:value: term_end 2026-08-01 is before term_start 2026-09-01',
      'Calendar:5:value: Unknown time zone "Mars/Base"',
      'Calendar:6:value: "15-08-2026" is not a date YYYY-MM-DD',
      'Calendar:7:key: "term_start" is given twice (first in row 3)',
    ]);
    expect(at(warnings)).toEqual(['Calendar:8:key: Unknown calendar key "colour" (ignored)']);
  });

  it('checks group limits and required cells', () => {
    const { errors } = run({ Groups: 'group_id,name,size,min_per_day,max_per_day\nCSE2A,A,,5,4\n,B,10,,\n' });
    expect(at(errors).slice(0, 3)).toEqual([
      'Groups:2:size: "size" is empty',
      'Groups:2:min_per_day: min_per_day 5 is above max_per_day 4',
      'Groups:3:group_id: "group_id" is empty',
    ]);
  });

  it('reads the weekly gap limits and the faculty minimums, and locates a minimum above its maximum', () => {
    const faculty =
      'faculty_id,name,department,max_per_day,max_days,max_gaps_per_week,min_per_day,min_days\n' +
      'F01,One,CSE,4,,3,2,2\nF02,Two,CSE,3,2,,4,3\nF03,Three,CSE,,,-1,0,9\nF04,Four,ECE,,,,,\nF05,Five,MATH,,,,,\n';
    const groups = 'group_id,name,size,parent,max_gaps_per_week\nCSE2A,A,60,,x\nCSE2A-B1,B1,30,CSE2A,2\n';
    const { errors } = run({ Faculty: faculty, Groups: groups });
    expect(at(errors).filter((e) => /^(Faculty|Groups)/.test(e))).toEqual([
      'Faculty:3:min_per_day: min_per_day 4 is above max_per_day 3',
      'Faculty:3:min_days: min_days 3 is above max_days 2',
      expect.stringMatching(/^Faculty:4:max_gaps_per_week: /),
      expect.stringMatching(/^Faculty:4:min_per_day: /),
      expect.stringMatching(/^Faculty:4:min_days: min_days 9 is more than the \d teaching days of the week$/),
      expect.stringMatching(/^Groups:2:max_gaps_per_week: /),
    ]);
    const sheets = clean.filter((x) => x.name.toLowerCase() !== 'faculty');
    sheets.push(
      parseCsv(
        'Faculty',
        'Faculty.csv',
        faculty.split('\n').slice(0, 2).join('\n') +
          '\nF02,Two,CSE,,,0,,\nF03,3,CSE,,,,,\nF04,4,ECE,,,,,\nF05,5,MATH,,,,,\n',
      ),
    );
    const ok = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (x) => `${x}.csv` });
    if (!ok.ok) throw new Error(at(ok.errors).join('\n'));
    expect(ok.college.faculty.slice(0, 3)).toMatchObject([
      { id: 'F01', maxPerDay: 4, maxGapsPerWeek: 3, minPerDay: 2, minDays: 2 },
      { id: 'F02', maxGapsPerWeek: 0 },
      { id: 'F03' },
    ]);
    expect(ok.college.faculty[2]).not.toHaveProperty('minPerDay');
  });

  it('reads max_continuous of faculty and groups, and locates a value that is not a whole number >= 1', () => {
    const faculty =
      'faculty_id,name,department,max_continuous\n' +
      'F01,One,CSE,3\nF02,Two,CSE,0\nF03,Three,CSE,2.5\nF04,Four,ECE,\nF05,Five,MATH,\n';
    const groups = 'group_id,name,size,parent,max_continuous\nCSE2A,A,60,,four\nCSE2A-B1,B1,30,CSE2A,2\n';
    const { errors } = run({ Faculty: faculty, Groups: groups });
    expect(at(errors).filter((e) => /^(Faculty|Groups)/.test(e))).toEqual([
      expect.stringMatching(/^Faculty:3:max_continuous: /),
      expect.stringMatching(/^Faculty:4:max_continuous: /),
      expect.stringMatching(/^Groups:2:max_continuous: /),
    ]);
    // The clean fixture's Groups with the column added (4 on CSE2A, 2 on its batch CSE2A-B1).
    const cleanGroups = readFileSync(join(CLEAN, 'Groups.csv'), 'utf8').trim().split('\n');
    const withColumn = cleanGroups.map((line, i) => `${line},${['max_continuous', '4', '2'][i] ?? ''}`);
    const sheets = clean.filter((x) => !['faculty', 'groups'].includes(x.name.toLowerCase()));
    sheets.push(
      parseCsv(
        'Faculty',
        'Faculty.csv',
        faculty.split('\n').slice(0, 2).join('\n') + '\nF02,Two,CSE,\nF03,3,CSE,\nF04,4,ECE,\nF05,5,MATH,\n',
      ),
      parseCsv('Groups', 'Groups.csv', withColumn.join('\n') + '\n'),
    );
    const ok = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (x) => `${x}.csv` });
    if (!ok.ok) throw new Error(at(ok.errors).join('\n'));
    expect(ok.college.faculty[0]).toMatchObject({ id: 'F01', maxContinuous: 3 });
    expect(ok.college.faculty[1]).not.toHaveProperty('maxContinuous');
    expect(ok.college.groups.slice(0, 2)).toMatchObject([
      { id: 'CSE2A', maxContinuous: 4 },
      { id: 'CSE2A-B1', maxContinuous: 2 },
    ]);
  });

  it('reads max_late_starts of groups (0 allowed), and locates a value that is not a whole number >= 0', () => {
    const bad = 'group_id,name,size,parent,max_late_starts\nCSE2A,A,60,,-1\nCSE2A-B1,B1,30,CSE2A,1.5\n';
    const { errors } = run({ Groups: bad });
    expect(at(errors).filter((e) => e.startsWith('Groups'))).toEqual([
      expect.stringMatching(/^Groups:2:max_late_starts: /),
      expect.stringMatching(/^Groups:3:max_late_starts: /),
    ]);
    const cleanGroups = readFileSync(join(CLEAN, 'Groups.csv'), 'utf8').trim().split('\n');
    const withColumn = cleanGroups.map((line, i) => `${line},${['max_late_starts', '0', '2'][i] ?? ''}`);
    const sheets = clean.filter((x) => x.name.toLowerCase() !== 'groups');
    sheets.push(parseCsv('Groups', 'Groups.csv', withColumn.join('\n') + '\n'));
    const ok = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (x) => `${x}.csv` });
    if (!ok.ok) throw new Error(at(ok.errors).join('\n'));
    expect(ok.college.groups.slice(0, 3)).toMatchObject([
      { id: 'CSE2A', maxLateStarts: 0 },
      { id: 'CSE2A-B1', maxLateStarts: 2 },
      {},
    ]);
    expect(ok.college.groups[2]).not.toHaveProperty('maxLateStarts');
  });

  it('reads max_span of faculty and groups, and locates a value that is not a whole number >= 1', () => {
    const { errors } = run({
      Faculty:
        'faculty_id,name,department,max_span\nF01,One,CSE,0\nF02,Two,CSE,4\nF03,Three,CSE,\nF04,Four,ECE,\nF05,Five,MATH,\n',
      Groups: 'group_id,name,size,parent,max_span\nCSE2A,A,60,,x\nCSE2A-B1,B1,30,CSE2A,5\n',
    });
    expect(at(errors).filter((e) => /^(Faculty|Groups)/.test(e))).toEqual([
      expect.stringMatching(/^Faculty:2:max_span: /),
      expect.stringMatching(/^Groups:2:max_span: /),
    ]);
  });

  it('reads min_rest of faculty and groups, and locates a value that is not a whole number >= 1', () => {
    const { errors } = run({
      Faculty:
        'faculty_id,name,department,min_rest\nF01,One,CSE,-2\nF02,Two,CSE,4\nF03,Three,CSE,\nF04,Four,ECE,\nF05,Five,MATH,\n',
      Groups: 'group_id,name,size,parent,min_rest\nCSE2A,A,60,,3\nCSE2A-B1,B1,30,CSE2A,0\n',
    });
    expect(at(errors).filter((e) => /^(Faculty|Groups)/.test(e))).toEqual([
      expect.stringMatching(/^Faculty:2:min_rest: /),
      expect.stringMatching(/^Groups:3:min_rest: /),
    ]);
  });

  it('reads Courses starts (day:period items and bare periods meaning every day), and locates bad items and starts with no room for the session', () => {
    const courses = readFileSync(join(CLEAN, 'courses.csv'), 'utf8').trim().split('\n');
    /** The clean Courses sheet with a starts column, filled for the named courses. */
    const withStarts = (starts: Record<string, string>): string =>
      courses
        .map((line, i) => `${line},${i === 0 ? 'starts' : (starts[line.split(',')[0]] ?? '')}`)
        .join('\n');
    const good = run({ courses: withStarts({ CS201: 'Mon:1;3', CS201L: 'Tue:1;Thu:5' }) });
    expect(good.errors).toEqual([]);
    const { errors } = run({ courses: withStarts({ CS201: 'Sun:1;x', CS201L: '1;2;Mon:4;7' }) });
    expect(at(errors).filter((e) => e.startsWith('Courses'))).toEqual([
      'Courses:2:starts: Bad slot list item "Sun:1": unknown day "Sun"',
      'Courses:2:starts: Bad slot list item "x": neither a day nor a period (unknown period "x")',
      "Courses:5:starts: A 2-period session of CS201L cannot start at Mon:2, Mon:4, Mon:7, Tue:2, Tue:7, Wed:2 (and 5 more): it would run across a break or past the day's end",
    ]);
  });

  it('reads the building-change limits of faculty and groups, and locates a value out of range', () => {
    const { college, errors } = run({
      Faculty:
        'faculty_id,name,department,max_building_changes_day,max_building_changes_week,min_gaps_between_building_changes\n' +
        'F01,One,CSE,-1,,\nF02,Two,CSE,0,3,2\nF03,Three,CSE,,x,\nF04,Four,ECE,,,0\nF05,Five,MATH,,,\n',
      Groups:
        'group_id,name,size,parent,max_building_changes_day,max_building_changes_week,min_gaps_between_building_changes\n' +
        'CSE2A,A,60,,1,2,1\nCSE2A-B1,B1,30,CSE2A,,,0\n',
    });
    expect(at(errors).filter((e) => /^(Faculty|Groups)/.test(e))).toEqual([
      expect.stringMatching(/^Faculty:2:max_building_changes_day: /),
      expect.stringMatching(/^Faculty:4:max_building_changes_week: /),
      expect.stringMatching(/^Faculty:5:min_gaps_between_building_changes: /),
      expect.stringMatching(/^Groups:3:min_gaps_between_building_changes: /),
    ]);
    expect(college).toBeUndefined();
    const ok = run({
      Faculty:
        'faculty_id,name,department,max_building_changes_day,max_building_changes_week,min_gaps_between_building_changes\n' +
        'F01,One,CSE,0,3,2\nF02,Two,CSE,,,\nF03,Three,CSE,,,\nF04,Four,ECE,,,\nF05,Five,MATH,,,\n',
      Groups:
        'group_id,name,size,parent,max_building_changes_day,max_building_changes_week,min_gaps_between_building_changes\n' +
        'CSE2A,A,60,,1,2,1\nCSE2A-B1,B1,30,CSE2A,,,\nCSE2A-B2,B2,30,CSE2A,,,\nCSE2B,B,60,,,,\nECE2A,E,55,,,,\n',
    });
    expect(at(ok.errors)).toEqual([]);
    expect(ok.college?.faculty[0]).toMatchObject({
      maxBuildingChangesPerDay: 0,
      maxBuildingChangesPerWeek: 3,
      minGapsBetweenBuildingChanges: 2,
    });
    expect(ok.college?.groups.find((g) => g.id === 'CSE2A')).toMatchObject({
      maxBuildingChangesPerDay: 1,
      maxBuildingChangesPerWeek: 2,
      minGapsBetweenBuildingChanges: 1,
    });
  });

  it('checks pinned sessions: session range, repeats, fit in a block, room and its type', () => {
    const { errors } = run({
      Fixed:
        'course_id,session,day,period,room_id\nCS201,4,Mon,1,\nCS201,2,Tue,1,R101\nCS201,2,Wed,1,\nCS202L,1,Mon,2,\nCS201L,1,Thu,1,R999\nEC201,1,Fri,1,LAB1\nXX1,1,Mon,1,\n',
    });
    expect(at(errors)).toEqual([
      'Fixed:2:session: Course CS201 has 3 sessions, so there is no session 4',
      'Fixed:4:session: Session 2 of CS201 is already pinned in row 3',
      'Fixed:5:period: A 2-period session of CS202L cannot start at period 2',
      'Fixed:6:room_id: Unknown room_id "R999"',
      'Fixed:7:room_id: Room LAB1 is of type "lab" but EC201 needs "lecture"',
      'Fixed:8:course_id: Unknown course_id "XX1"',
    ]);
  });

  it('checks rules: kinds (with spaces or dashes), course counts, yes/no, weights and values', () => {
    const { errors } = run({
      Rules:
        'rule,courses,hard,weight,value\nSame Time,CS201,,,\nconsecutive,CS201L;CS202L,maybe,,\ndifferent-days,CS201;cs203,no,-1,\nmin_days_apart,MA201,,,1.5\nsame_room,,,,\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:courses: same_time relates at least two courses',
      'Rules:3:hard: "maybe" is not yes or no',
      'Rules:4:weight: "-1" is not a number ≥ 0',
      'Rules:4:courses: Unknown course_id "cs203"',
      'Rules:5:value: min_days_apart needs a whole number of days ≥ 1, not "1.5"',
      'Rules:6:courses: No courses listed',
    ]);
    expect(errors.find((e) => e.message.includes('cs203'))?.hint).toBe(
      'Did you mean "CS203"? Ids are case-sensitive.',
    );
  });

  it('reads the rule kinds min_days_between, same_period and adjacent, and checks their values and session counts', () => {
    const good = run({
      Rules:
        'rule,courses,hard,weight,value\nmin days between,CS201;MA201,,,2\nsame-period,CS201;CS203,no,2,\nadjacent,CS201L;CS202L,,,\n',
    });
    expect(good.errors).toEqual([]);
    const { errors } = run({
      Rules:
        'rule,courses,hard,weight,value\nmin_days_between,CS201;MA201,,,\nmin_days_between,CS201;MA201,,,0\nmin_days_between,CS201,,,1\nsame_period,CS201;EC201,,,\nadjacent,CS201L,,,\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:value: min_days_between needs a value',
      'Rules:3:value: min_days_between needs a whole number of days ≥ 1, not "0"',
      'Rules:4:courses: min_days_between relates at least two courses',
      'Rules:5:courses: same_period pairs session k of each course, but the courses have different session counts (CS201: 3, EC201: 4)',
      'Rules:6:courses: adjacent relates at least two courses',
    ]);
  });

  it('reads single sessions course_id#k in a rule and reports bad session numbers, repeats and counts', () => {
    const good = run({
      Rules:
        'rule,courses,hard,weight,value\nconsecutive,CS201#1;CS201#2,,,\nsame_period,CS201#3;EC201#4,,,\nmin_days_between,CS201#1;CS201#3;MA201,no,2,2\n',
    });
    expect(good.errors).toEqual([]);
    const { errors } = run({
      Rules:
        'rule,courses,hard,weight,value\nconsecutive,CS201#1;CS201#4,,,\nsame_day,CS201#2;CS201#02,,,\nnot_overlapping,CS201;CS201#1,,,\nsame_time,CS201#1;EC201,,,\nadjacent,CS201#2,,,\nsame_day,XX9#1;CS201#1,,,\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:courses: CS201#4: course CS201 has 3 sessions, so there is no session 4',
      'Rules:3:courses: same_day: session 2 of CS201 is listed twice',
      'Rules:4:courses: not_overlapping: CS201 is listed both whole and by session (CS201#1)',
      'Rules:5:courses: same_time pairs session k of each course, but the courses have different session counts (CS201#1: 1, EC201: 4)',
      'Rules:6:courses: adjacent relates at least two courses',
      'Rules:7:courses: Unknown course_id "XX9#1"',
    ]);
  });

  it('reads min_gap over courses or sessions, and checks its value (whole periods ≥ 1)', () => {
    const good = run({
      Rules: 'rule,courses,hard,weight,value\nmin gap,CS201;MA201,,,1\nmin_gap,CS201,no,2,2\n',
    });
    expect(good.errors).toEqual([]);
    const { errors } = run({
      Rules: 'rule,courses,hard,weight,value\nmin_gap,CS201;MA201,,,\nmin_gap,CS201#1;CS201#2,,,0\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:value: min_gap needs a value',
      'Rules:3:value: min_gap needs a whole number of periods ≥ 1, not "0"',
    ]);
  });

  it('reads max_days_apart (whole days ≥ 0), ends_day and same_room_if_consecutive over courses or sessions', () => {
    const good = run({
      Rules:
        'rule,courses,hard,weight,value\nmax days apart,CS201;MA201,,,0\nmax_days_apart,CS201,no,2,2\nends_day,CS201#3,,,\nends-day,CS201;MA201,,,\nsame room if consecutive,CS201L;CS202L,,,\nsame_room_if_consecutive,CS201,,,\n',
    });
    expect(good.errors).toEqual([]);
    const sheets = [
      ...clean.filter((sh) => sh.name.toLowerCase() !== 'rules'),
      parseCsv(
        'Rules',
        'Rules.csv',
        'rule,courses,hard,weight,value\nmax days apart,CS201;MA201,,,0\nmax_days_apart,CS201,no,2,2\nends_day,CS201#3,,,\nends-day,CS201;MA201,,,\nsame room if consecutive,CS201L;CS202L,,,\nsame_room_if_consecutive,CS201,,,\n',
      ),
    ];
    const read = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (n) => `${n}.csv` });
    expect(read.ok && read.college.rules.map((r) => [r.kind, r.value])).toEqual([
      ['max_days_apart', 0],
      ['max_days_apart', 2],
      ['ends_day', undefined],
      ['ends_day', undefined],
      ['same_room_if_consecutive', undefined],
      ['same_room_if_consecutive', undefined],
    ]);
    const { errors } = run({
      Rules:
        'rule,courses,hard,weight,value\nmax_days_apart,CS201;MA201,,,\nmax_days_apart,CS201#1;CS201#2,,,-1\nmax_days_apart,CS201,,,1.5\nends_day,CS201#4,,,\nsame_room_if_consecutive,,,,\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:value: max_days_apart needs a value',
      'Rules:3:value: max_days_apart needs a whole number of days ≥ 0, not "-1"',
      'Rules:4:value: max_days_apart needs a whole number of days ≥ 0, not "1.5"',
      'Rules:5:courses: CS201#4: course CS201 has 3 sessions, so there is no session 4',
      'Rules:6:courses: No courses listed',
    ]);
  });

  it('reads adjacent_if_same_day over courses or sessions, and locates a session that does not exist', () => {
    const csv =
      'rule,courses,hard,weight,value\nadjacent if same day,CS201;MA201,,,\nadjacent-if-same-day,CS201#1;CS201#3,no,2,\n';
    const sheets = [
      ...clean.filter((sh) => sh.name.toLowerCase() !== 'rules'),
      parseCsv('Rules', 'Rules.csv', csv),
    ];
    const read = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (n) => `${n}.csv` });
    expect(read.ok && read.college.rules.map((r) => [r.kind, r.courses, r.hard, r.weight])).toEqual([
      ['adjacent_if_same_day', ['CS201', 'MA201'], true, 1],
      ['adjacent_if_same_day', ['CS201#1', 'CS201#3'], false, 2],
    ]);
    const { errors } = run({
      Rules:
        'rule,courses,hard,weight,value\nadjacent_if_same_day,CS201#4;MA201,,,\nadjacent_if_same_day,,,,\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:courses: CS201#4: course CS201 has 3 sessions, so there is no session 4',
      'Rules:3:courses: No courses listed',
    ]);
  });

  it('reads Calendar days_per_term and the max_terms and max_per_term rules, locating bad values', () => {
    const replace = (name: string, csv: string) => [
      ...clean.filter((sh) => sh.name.toLowerCase() !== name.toLowerCase()),
      parseCsv(name, `${name}.csv`, csv),
    ];
    const sheets = [
      ...replace('Calendar', 'key,value\ndays,Mon;Tue;Wed;Thu;Fri;Sat\ndays per term,2\n').filter(
        (sh) => sh.name !== 'Rules',
      ),
      parseCsv(
        'Rules',
        'Rules.csv',
        'rule,courses,hard,weight,value\nmax terms,CS201;MA201,,,2\nmax_per_term,CS201#1;CS201#2,,,1\n',
      ),
    ];
    const read = importSheets(sheets, { kind: 'csv', name: 'test', fileFor: (n) => `${n}.csv` });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.college.calendar.daysPerTerm).toBe(2);
    expect(read.college.rules.map((r) => [r.kind, r.value])).toEqual([
      ['max_terms', 2],
      ['max_per_term', 1],
    ]);
    expect(
      at(run({ Calendar: 'key,value\ndays,Mon;Tue;Wed;Thu;Fri;Sat\ndays_per_term,4\n' }).errors),
    ).toEqual(['Calendar:3:value: days_per_term 4 does not split the 6 days into whole terms']);
    expect(at(run({ Calendar: 'key,value\ndays_per_term,0\n' }).errors)).toEqual([
      'Calendar:2:value: "0" is not a whole number ≥ 1',
    ]);
    const { errors } = run({
      Rules:
        'rule,courses,hard,weight,value\nmax_terms,CS201,,,\nmax_per_term,CS201,,,0\nmax_per_term,CS201,,,1.5\n',
    });
    expect(at(errors)).toEqual([
      'Rules:2:value: max_terms needs a value',
      'Rules:3:value: max_per_term needs a whole number ≥ 1, not "0"',
      'Rules:4:value: max_per_term needs a whole number ≥ 1, not "1.5"',
    ]);
  });

  it('reports a course room type no room has, and a rooms list of unknown rooms', () => {
    const courses = clean.find((s) => s.name === 'courses');
    expect(courses).toBeDefined();
    const { errors } = run({
      courses:
        'course_id,name,faculty,groups,sessions,room_type,rooms\nCS201,DS,F01,CSE2A,3,Lab,\nCS203,DS,F02,CSE2B,3,lecture,R101;R404\n',
    });
    expect(at(errors).filter((e) => e.startsWith('Courses'))).toEqual([
      'Courses:2:room_type: No room has type "Lab"',
      'Courses:3:rooms: Unknown room_id "R404"',
    ]);
  });

  it('warns about repeated enrollments and unknown weights but still imports', () => {
    const { errors, warnings } = run({
      Enrollments: 'student_id,course_id\nS001,OE301\nS001,OE301\n',
      Weights: 'constraint,weight\nRoom Stability,3\nlunch,1\n',
    });
    expect(errors).toEqual([]);
    expect(at(warnings)).toEqual([
      'Enrollments:3:-: Student S001 is enrolled in OE301 again (first in row 2); the repeat is ignored',
      'Weights:3:constraint: Unknown weight "lunch" (ignored)',
    ]);
  });

  it('warns about a sheet that is not part of the workbook and requires rooms and courses', () => {
    const { errors, warnings } = run({ Room: 'room_id\nR1\n', Rooms: 'room_id,name,capacity\n' });
    expect(at(warnings)).toEqual(['Room:-:-: Sheet "Room" is not part of the workbook and is ignored']);
    expect(at(errors)).toContain('Rooms:-:-: The Rooms sheet has no rows');
  });

  it('reports two sheets standing for the same name', () => {
    const { errors } = run({ 'Fixed ': 'course_id,session,day,period\n' });
    expect(errors).toContainEqual(
      expect.objectContaining({
        sheet: 'Fixed',
        message: expect.stringMatching(/Two sheets stand for Fixed/) as string,
      }),
    );
  });
});
