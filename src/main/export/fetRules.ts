// The college's Rules as FET constraints, for the FET export (docs/FET.md): each rule over the FET
// activities of the sessions it names (a course's session k is one activity). Paired rules become
// one FET constraint per session pair k; spreads and overlaps become constraints over every pair of
// sessions the rule relates, so FET checks the same pairs as the evaluator. A soft rule gets its
// weight as FET's weight percentage (at most 99.9, FET's hard is 100).
import { ruleMember, type College, type Rule } from '../../shared/model/index.ts';
import { fetSlotRule, type FetSlotNames } from './fetSlotRules.ts';
import { isSlotKind } from '../../shared/eval/slotRules.ts';

const esc = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tag = (name: string, value: string | number): string => `<${name}>${esc(String(value))}</${name}>`;

export interface FetRuleConstraints {
  time: string[];
  space: string[];
}

/**
 * FET constraints for the college's rules. `activityId(courseId, k)` is the FET activity id of
 * session k (1-based) of the course.
 */
export function fetRuleConstraints(
  college: College,
  activityId: (courseId: string, session: number) => number,
  names?: FetSlotNames,
): FetRuleConstraints {
  const sessions = new Map(college.courses.map((c) => [c.id, c.sessions]));
  const out: FetRuleConstraints = { time: [], space: [] };
  for (const rule of college.rules) {
    // Each member's activity ids, in session order.
    const members = rule.courses.map((text) => {
      const m = ruleMember(text, (id) => sessions.has(id));
      const n = sessions.get(m.courseId) ?? 0;
      if (m.session !== undefined) return m.session <= n ? [activityId(m.courseId, m.session)] : [];
      return Array.from({ length: n }, (_, k) => activityId(m.courseId, k + 1));
    });
    const distinct = [...new Map(members.map((ids) => [ids.join(','), ids])).values()];
    if (isSlotKind(rule.kind)) {
      if (names) out.time.push(...fetSlotRule(college, rule, distinct.flat(), names));
      continue;
    }
    writeRule(rule, members, distinct, out);
  }
  return out;
}

function writeRule(rule: Rule, members: number[][], distinct: number[][], out: FetRuleConstraints): void {
  const weight = rule.hard ? 100 : Math.min(99.9, Math.max(0, rule.weight));
  const tail = tag('Active', 'true') + tag('Comments', `Slotwise rule ${rule.kind}`);
  const list = (name: string, ids: number[], extra = ''): string =>
    `<${name}>${tag('Weight_Percentage', weight)}${extra}${tag('Number_of_Activities', ids.length)}` +
    `${ids.map((id) => tag('Activity_Id', id)).join('')}${tail}</${name}>`;
  const two = (name: string, a: number, b: number): string =>
    `<${name}>${tag('Weight_Percentage', weight)}${tag('First_Activity_Id', a)}${tag('Second_Activity_Id', b)}${tail}</${name}>`;
  const minDays = (ids: number[], days: number): string =>
    list('ConstraintMinDaysBetweenActivities', ids, tag('Consecutive_If_Same_Day', 'false')).replace(
      `${tail}</`,
      `${tag('MinDays', days)}${tail}</`,
    );
  /** Every pair of sessions of two different members. */
  const crossPairs = (): Array<[number, number]> => {
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++)
        for (const a of distinct[i]) for (const b of distinct[j]) pairs.push([a, b]);
    return pairs;
  };
  const singles = distinct.every((ids) => ids.length <= 1);
  const all = distinct.flat();
  switch (rule.kind) {
    case 'same_time':
    case 'same_day':
    case 'same_period': {
      const name = {
        same_time: 'ConstraintActivitiesSameStartingTime',
        same_day: 'ConstraintActivitiesSameStartingDay',
        same_period: 'ConstraintActivitiesSameStartingHour',
      }[rule.kind];
      // Session k of each member with session k of the first.
      const first = members[0];
      for (let k = 0; k < first.length; k++) {
        const ids = [first[k], ...members.slice(1).flatMap((m) => (k < m.length ? [m[k]] : []))];
        if (ids.length > 1) out.time.push(list(name, ids));
      }
      return;
    }
    case 'consecutive':
    case 'adjacent':
    case 'consecutive_across_break':
    case 'adjacent_across_break':
    case 'ordered':
    case 'ordered_if_same_day': {
      const name = {
        consecutive: 'ConstraintTwoActivitiesConsecutive',
        adjacent: 'ConstraintTwoActivitiesGrouped',
        consecutive_across_break: 'ConstraintTwoActivitiesConsecutive',
        adjacent_across_break: 'ConstraintTwoActivitiesGrouped',
        ordered: 'ConstraintTwoActivitiesOrdered',
        ordered_if_same_day: 'ConstraintTwoActivitiesOrderedIfSameDay',
      }[rule.kind];
      for (let i = 1; i < members.length; i++)
        for (let k = 0; k < Math.min(members[i - 1].length, members[i].length); k++)
          out.time.push(two(name, members[i - 1][k], members[i][k]));
      return;
    }
    case 'grouped': {
      // Session k of every member in one block: FET groups two or three activities (more: not written).
      const m = Math.min(...members.map((ids) => ids.length));
      if (members.length === 2)
        for (let k = 0; k < m; k++)
          out.time.push(two('ConstraintTwoActivitiesGrouped', members[0][k], members[1][k]));
      if (members.length === 3)
        for (let k = 0; k < m; k++)
          out.time.push(
            two('ConstraintThreeActivitiesGrouped', members[0][k], members[1][k]).replace(
              `${tail}</`,
              `${tag('Third_Activity_Id', members[2][k])}${tail}</`,
            ),
          );
      return;
    }
    case 'not_overlapping':
      if (singles) {
        if (all.length > 1) out.time.push(list('ConstraintActivitiesNotOverlapping', all));
      } else
        for (const [a, b] of crossPairs()) out.time.push(list('ConstraintActivitiesNotOverlapping', [a, b]));
      return;
    case 'different_days':
      if (all.length > 1) out.time.push(minDays(all, 1));
      return;
    case 'min_days_apart':
      for (const ids of distinct) if (ids.length > 1) out.time.push(minDays(ids, rule.value ?? 1));
      return;
    case 'min_days_between':
      if (singles) {
        if (all.length > 1) out.time.push(minDays(all, rule.value ?? 1));
      } else for (const [a, b] of crossPairs()) out.time.push(minDays([a, b], rule.value ?? 1));
      return;
    case 'min_gap':
    case 'min_gap_counting_breaks': // a gap between periods is a FET break hour: exact
      if (all.length > 1)
        out.time.push(
          list('ConstraintMinGapsBetweenActivities', all).replace(
            `${tail}</`,
            `${tag('MinGaps', rule.value ?? 1)}${tail}</`,
          ),
        );
      return;
    case 'max_days_apart':
      if (all.length > 1)
        out.time.push(
          list('ConstraintMaxDaysBetweenActivities', all).replace(
            `${tail}</`,
            `${tag('MaxDays', rule.value ?? 0)}${tail}</`,
          ),
        );
      return;
    case 'ends_day':
      for (const id of all)
        out.time.push(
          `<ConstraintActivityEndsStudentsDay>${tag('Weight_Percentage', weight)}${tag('Activity_Id', id)}${tail}</ConstraintActivityEndsStudentsDay>`,
        );
      return;
    case 'same_room_if_consecutive':
      if (all.length > 1) out.space.push(list('ConstraintActivitiesSameRoomIfConsecutive', all));
      return;
    case 'max_terms':
    case 'max_per_term': {
      // FET has these at 100 % only (it refuses a lower weight): a soft rule is written hard.
      const [name, field] =
        rule.kind === 'max_terms'
          ? ['ConstraintActivitiesOccupyMaxTerms', 'Max_Number_of_Occupied_Terms']
          : ['ConstraintActivitiesMaxInATerm', 'Max_Number_of_Activities_in_A_Term'];
      if (all.length > 0)
        out.time.push(
          `<${name}>${tag('Weight_Percentage', 100)}${tag('Number_of_Activities', all.length)}` +
            `${all.map((id) => tag('Activity_Id', id)).join('')}${tag(field, rule.value ?? 1)}${tail}</${name}>`,
        );
      return;
    }
    case 'adjacent_if_same_day':
      // FET keeps "consecutive if on the same day" at any weight: at 0 % the days count nothing.
      if (all.length > 1)
        out.time.push(
          `<ConstraintMinDaysBetweenActivities>${tag('Weight_Percentage', 0)}${tag('Consecutive_If_Same_Day', 'true')}` +
            `${tag('Number_of_Activities', all.length)}${all.map((id) => tag('Activity_Id', id)).join('')}` +
            `${tag('MinDays', 1)}${tail}</ConstraintMinDaysBetweenActivities>`,
        );
      return;
    case 'same_room':
      if (all.length > 1)
        out.space.push(
          list('ConstraintActivitiesOccupyMaxDifferentRooms', all).replace(
            `${tail}</`,
            `${tag('Max_Number_of_Different_Rooms', 1)}${tail}</`,
          ),
        );
      return;
  }
}
