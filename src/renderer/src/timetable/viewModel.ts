// What the Timetable screen shows, derived on the page from the kept model: the picker lists, the
// heading of a week, and the text of a session's card (names, not ids).
import type { PickerItem } from '../components/pickerSearch.ts';
import type { Positions } from '../../../shared/editor/engineTypes.ts';
import type { EditorModel } from './editorStore.ts';

export type WeekKind = 'group' | 'faculty' | 'room';

export type View =
  | { kind: WeekKind; index: number }
  | { kind: 'department'; department: string }
  | { kind: 'year'; year: number };

export const VIEW_LABELS: Record<View['kind'], string> = {
  group: 'Group',
  faculty: 'Faculty',
  room: 'Room',
  department: 'Department',
  year: 'Year',
};

const itemsCache = new WeakMap<EditorModel, Record<WeekKind, PickerItem[]>>();

/** The picker's items for groups, faculty and rooms ("Name (id)" for faculty). */
export function pickerItems(model: EditorModel, kind: WeekKind): PickerItem[] {
  let cached = itemsCache.get(model);
  if (!cached) {
    const { problem: p, names: n } = model;
    cached = {
      group: p.groupIds.map((id, g) => ({
        id,
        label: id,
        detail: [n.groupName[g], n.groupDepartment[g]].filter(Boolean).join(' · '),
      })),
      faculty: p.facultyIds.map((id, f) => ({
        id,
        label: n.facultyName[f] && n.facultyName[f] !== id ? `${n.facultyName[f]} (${id})` : id,
        detail: n.facultyDepartment[f],
      })),
      room: p.roomIds.map((id, r) => ({
        id,
        label: id,
        detail: `${n.roomName[r]} · ${p.roomTypes[p.roomType[r]]}, ${p.roomCapacity[r]} seats`,
      })),
    };
    itemsCache.set(model, cached);
  }
  return cached[kind];
}

/** The heading of a week: who or what, and the facts a scheduler wants beside it. */
export function weekTitle(
  model: EditorModel,
  kind: WeekKind,
  index: number,
): { title: string; detail: string } {
  const { problem: p, names: n } = model;
  if (kind === 'group')
    return {
      title: `${p.groupIds[index]} · ${n.groupName[index]}`,
      detail: [n.groupDepartment[index], `${p.groupSize[index]} students`].filter(Boolean).join(' · '),
    };
  if (kind === 'faculty')
    return {
      title: pickerItems(model, 'faculty')[index].label,
      detail: n.facultyDepartment[index],
    };
  return {
    title: `${p.roomIds[index]} · ${n.roomName[index]}`,
    detail: `${p.roomTypes[p.roomType[index]]}, ${p.roomCapacity[index]} seats`,
  };
}

export interface CardText {
  courseId: string;
  courseName: string;
  session: number;
  /** Teachers' names (ids where a name is missing). */
  teachers: string;
  teacherIds: string;
  room: string;
  groups: string;
}

export function cardText(model: EditorModel, positions: Positions, s: number): CardText {
  const { problem: p, names: n } = model;
  const c = p.sessionCourse[s];
  const fac: number[] = [];
  for (let i = p.courseFaculty.offsets[c]; i < p.courseFaculty.offsets[c + 1]; i++)
    fac.push(p.courseFaculty.items[i]);
  const groups: string[] = [];
  for (let i = p.courseGroups.offsets[c]; i < p.courseGroups.offsets[c + 1]; i++)
    groups.push(p.groupIds[p.courseGroups.items[i]]);
  return {
    courseId: p.courseIds[c],
    courseName: n.courseName[c],
    session: p.sessionIndex[s] + 1,
    teachers: fac.map((f) => n.facultyName[f] || p.facultyIds[f]).join(', '),
    teacherIds: fac.map((f) => p.facultyIds[f]).join(', '),
    room: positions.room[s] >= 0 ? p.roomIds[positions.room[s]] : 'no room',
    groups: groups.join(', '),
  };
}
