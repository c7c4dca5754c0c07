// The entities an export is cut into: student groups, faculty members and rooms, each with the
// sessions it attends, teaches or hosts. A group's timetable includes the sessions of its parent
// groups (a lab batch attends its section's lectures) and of its sub-batches (a section's sheet shows
// its batches' labs side by side).
import type { College } from '../../shared/model/index.ts';
import { byTime, type ResolvedSession } from './sessions.ts';
import { EXPORT_VIEWS, ExportError, type ExportView } from './types.ts';

export interface ViewEntity {
  view: ExportView;
  id: string;
  name: string;
  department: string;
  /** In week order; unplaced sessions last. */
  sessions: ResolvedSession[];
}

export const VIEW_TITLES: Record<ExportView, { one: string; many: string; file: string }> = {
  group: { one: 'Group', many: 'Student groups', file: 'groups' },
  faculty: { one: 'Faculty', many: 'Faculty', file: 'faculty' },
  room: { one: 'Room', many: 'Rooms', file: 'rooms' },
};

function related(college: College): Map<string, Set<string>> {
  const parent = new Map(college.groups.map((g) => [g.id, g.parent]));
  const out = new Map<string, Set<string>>(college.groups.map((g) => [g.id, new Set([g.id])]));
  for (const g of college.groups) {
    const seen = new Set([g.id]);
    for (let p = parent.get(g.id); p !== undefined && !seen.has(p); p = parent.get(p)) {
      seen.add(p);
      out.get(g.id)?.add(p);
      out.get(p)?.add(g.id);
    }
  }
  return out;
}

function entitiesOf(college: College, view: ExportView): Array<Omit<ViewEntity, 'sessions'>> {
  switch (view) {
    case 'group':
      return college.groups.map((g) => ({ view, id: g.id, name: g.name, department: g.department ?? '' }));
    case 'faculty':
      return college.faculty.map((f) => ({ view, id: f.id, name: f.name, department: f.department }));
    case 'room':
      return college.rooms.map((r) => ({ view, id: r.id, name: r.name, department: r.building ?? '' }));
  }
}

function keysOf(s: ResolvedSession, view: ExportView): readonly string[] {
  if (view === 'group') return s.groups;
  if (view === 'faculty') return s.faculty;
  return s.roomId === null ? [] : [s.roomId];
}

/** Throws when an id of `only` names no entity of the selected views. */
export function checkOnly(
  college: College,
  views: readonly ExportView[],
  only: readonly string[] | undefined,
): void {
  if (!only) return;
  const known = new Set(views.flatMap((v) => entitiesOf(college, v).map((e) => e.id)));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const what = views.map((v) => VIEW_TITLES[v].one.toLowerCase()).join(', ');
    throw new ExportError(
      `Unknown id${unknown.length > 1 ? 's' : ''} in --only: ${unknown.join(', ')} ` +
        `(not a ${what} id of this college). Check the ids in the workbook's sheets.`,
    );
  }
}

export function selectedViews(view: ExportView | undefined): ExportView[] {
  return view ? [view] : [...EXPORT_VIEWS];
}

/** The entities of `view` (all, or those in `only`), each with its sessions in week order. */
export function viewEntities(
  college: College,
  sessions: readonly ResolvedSession[],
  view: ExportView,
  only?: readonly string[],
): ViewEntity[] {
  const direct = new Map<string, ResolvedSession[]>();
  for (const s of sessions) {
    for (const key of keysOf(s, view)) {
      const list = direct.get(key);
      if (list) list.push(s);
      else direct.set(key, [s]);
    }
  }
  const wanted = only ? new Set(only) : null;
  const family = view === 'group' ? related(college) : null;
  return entitiesOf(college, view)
    .filter((e) => !wanted || wanted.has(e.id))
    .map((e) => {
      const keys = family?.get(e.id) ?? new Set([e.id]);
      const own = new Set<ResolvedSession>();
      for (const k of keys) for (const s of direct.get(k) ?? []) own.add(s);
      return { ...e, sessions: [...own].sort(byTime) };
    });
}
