// The Faculty and Groups building-change columns as FET space constraints (weight 100 %, FET has them
// hard only), for the FET export: max_building_changes_day, max_building_changes_week ->
// ConstraintTeacher/StudentsSetMaxBuildingChangesPerDay / PerWeek; min_gaps_between_building_changes
// -> ...MinGapsBetweenBuildingChanges. FET counts changes as the contract does (a room's building
// against the last one seen that day, skipping free hours and rooms without a building). Its gap
// hours are the free hours right before the change, break hours too: min gaps is written only when
// no gap between periods falls inside the day and every room has a building (then both count the
// same hours). A group's limit is written, as in ./fetLimits.ts, on the FET year of each student set
// below it: the strictest of the set's own and its ancestors'.
import type { College } from '../../shared/model/index.ts';
import { adjacency } from '../../shared/model/periods.ts';
import { leafSetChains } from './fetSetChains.ts';

type Tag = (name: string, value: string | number) => string;
type Field = 'maxBuildingChangesPerDay' | 'maxBuildingChangesPerWeek' | 'minGapsBetweenBuildingChanges';

const KINDS: Array<[Field, string, string]> = [
  ['maxBuildingChangesPerDay', 'MaxBuildingChangesPerDay', 'Max_Building_Changes_Per_Day'],
  ['maxBuildingChangesPerWeek', 'MaxBuildingChangesPerWeek', 'Max_Building_Changes_Per_Week'],
  ['minGapsBetweenBuildingChanges', 'MinGapsBetweenBuildingChanges', 'Min_Gaps_Between_Building_Changes'],
];

export function fetBuildingConstraints(college: College, tag: Tag): string[] {
  const out: string[] = [];
  const gapsExact =
    adjacency(college.periods).slice(0, -1).every(Boolean) &&
    college.rooms.every((r) => !!r.building?.trim());
  const write = (name: string, who: string, valueTag: string, value: number): void => {
    out.push(
      `<${name}>${tag('Weight_Percentage', 100)}${who}${tag(valueTag, value)}${tag('Active', 'true')}${tag('Comments', '')}</${name}>`,
    );
  };
  const writable = (field: Field, v: number | undefined): v is number =>
    v !== undefined && (field === 'minGapsBetweenBuildingChanges' ? gapsExact && v >= 1 : v >= 0);
  for (const f of college.faculty)
    for (const [field, kind, valueTag] of KINDS) {
      const v = f[field];
      if (writable(field, v)) write(`ConstraintTeacher${kind}`, tag('Teacher', f.id), valueTag, v);
    }
  for (const [set, chain] of leafSetChains(college.groups)) {
    for (const [field, kind, valueTag] of KINDS) {
      const values = chain.map((g) => g[field]).filter((v): v is number => v !== undefined);
      if (values.length === 0) continue;
      const v = field === 'minGapsBetweenBuildingChanges' ? Math.max(...values) : Math.min(...values);
      if (writable(field, v)) write(`ConstraintStudentsSet${kind}`, tag('Students', set.id), valueTag, v);
    }
  }
  return out;
}
