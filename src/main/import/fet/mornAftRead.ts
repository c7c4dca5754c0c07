// FET's mornings-afternoons mode (FET 6 `<Mode>Mornings_Afternoons</Mode>`, and the customised 5.x
// builds whose version ends -ma, -morocco or -algeria): a FET "day" is a half day, the days list
// alternating morning and afternoon, each with the file's hours. The import makes each real day (a
// morning and the afternoon after it) one Calendar day whose periods are the morning's hours, a gap,
// then the afternoon's hours (docs/FET.md): a session never spans the gap, a run of continuous hours
// ends at it and two sessions on either side of it are not back to back, as FET keeps morning and
// afternoon apart.
import type { FetSlot } from './fetContext.ts';
import { child, FetXmlError, type XmlElement } from './xml.ts';

export interface MornAft {
  /** FET's days: mornings and afternoons, alternating. */
  halfDays: string[];
  /** FET's hours of each half day. */
  halfHours: string[];
}

const OLD_BUILD = /-(ma|morocco|algeria)\d*(\b|-|$)/i;

export function isMornAft(mode: string | undefined, version: string): boolean {
  return mode === 'Mornings_Afternoons' || (mode === undefined && OLD_BUILD.test(version));
}

/**
 * The constraints FET 6 renames when it opens a file of the customised 5.x builds (their "days" in
 * these kinds were real days; fet-cl 6.8 reports each conversion). Read as FET 6 reads them.
 */
const RENAMED_FROM_5: Record<string, string> = {
  ConstraintTeacherMaxHoursDaily: 'ConstraintTeacherMaxHoursDailyRealDays',
  ConstraintTeachersMaxHoursDaily: 'ConstraintTeachersMaxHoursDailyRealDays',
  ConstraintTeacherMaxHoursDailyHalfDays: 'ConstraintTeacherMaxHoursDaily',
  ConstraintTeachersMaxHoursDailyHalfDays: 'ConstraintTeachersMaxHoursDaily',
  ConstraintTeacherMaxDaysPerWeek: 'ConstraintTeacherMaxRealDaysPerWeek',
  ConstraintTeachersMaxDaysPerWeek: 'ConstraintTeachersMaxRealDaysPerWeek',
  ConstraintTeacherMinDaysPerWeek: 'ConstraintTeacherMinRealDaysPerWeek',
  ConstraintTeachersMinDaysPerWeek: 'ConstraintTeachersMinRealDaysPerWeek',
  ConstraintStudentsSetMaxHoursDaily: 'ConstraintStudentsSetMaxHoursDailyRealDays',
  ConstraintStudentsMaxHoursDaily: 'ConstraintStudentsMaxHoursDailyRealDays',
  ConstraintTeacherActivityTagMaxHoursDaily: 'ConstraintTeacherActivityTagMaxHoursDailyRealDays',
  ConstraintTeachersActivityTagMaxHoursDaily: 'ConstraintTeachersActivityTagMaxHoursDailyRealDays',
  ConstraintStudentsSetActivityTagMaxHoursDaily: 'ConstraintStudentsSetActivityTagMaxHoursDailyRealDays',
  ConstraintStudentsActivityTagMaxHoursDaily: 'ConstraintStudentsActivityTagMaxHoursDailyRealDays',
  ConstraintTeacherMaxRoomChangesPerDay: 'ConstraintTeacherMaxRoomChangesPerRealDay',
  ConstraintTeachersMaxRoomChangesPerDay: 'ConstraintTeachersMaxRoomChangesPerRealDay',
};

/** Renames the constraints of a 5.x mornings-afternoons file as FET 6 does (in place). */
export function renameOldConstraints(mode: string | undefined, constraints: XmlElement[]): void {
  if (mode !== undefined) return;
  for (const el of constraints) el.name = RENAMED_FROM_5[el.name] ?? el.name;
}

/**
 * Real days from FET's half days: the morning's and afternoon's common beginning ("monday1",
 * "monday2" -> "monday"; "Dim M", "Dim S" -> "Dim") when that names every day apart, else both names.
 */
export function realDays(root: XmlElement, halfDays: string[]): string[] {
  if (halfDays.length % 2 !== 0) {
    const list = child(root, 'Days_List') ?? root;
    throw new FetXmlError(
      `The file is in the mornings-afternoons mode but defines ${halfDays.length} days, an odd number: each real day must be a morning followed by an afternoon. Add or remove a day in FET`,
      list.line,
      list.column,
    );
  }
  const pairs: Array<[string, string]> = [];
  for (let d = 0; d < halfDays.length; d += 2) pairs.push([halfDays[d], halfDays[d + 1]]);
  const common = pairs.map(([m, a]) => {
    let n = 0;
    while (n < m.length && n < a.length && m[n] === a[n]) n++;
    return m.slice(0, n).replace(/[\s\-_.,/]+$/, '');
  });
  if (common.every((c) => c !== '') && new Set(common).size === common.length) return common;
  return pairs.map(([m, a]) => `${m} / ${a}`);
}

/** Hour names of a real day: the morning's hours, then the afternoon's. */
export function realHours(halfHours: string[]): string[] {
  return [...halfHours.map((h) => `morning ${h}`), ...halfHours.map((h) => `afternoon ${h}`)];
}

/**
 * The real-day slots (real day x 2 hours per half day + hour) of a FET half day and hour name, an
 * empty name being every half day or every hour; undefined names a day or hour the file lacks.
 */
export function halfDaySlots(ma: MornAft, day: string, hour: string): FetSlot[] | string {
  const Hh = ma.halfHours.length;
  const ds = day === '' ? ma.halfDays.map((_, i) => i) : [ma.halfDays.indexOf(day)];
  const hs = hour === '' ? ma.halfHours.map((_, i) => i) : [ma.halfHours.indexOf(hour)];
  if (ds[0] < 0) return `day "${day}", which the Days_List does not define`;
  if (hs[0] < 0) return `hour "${hour}", which the Hours_List does not define`;
  const out: FetSlot[] = [];
  for (const d of ds) for (const h of hs) out.push((d >> 1) * 2 * Hh + (d & 1) * Hh + h);
  return out;
}
