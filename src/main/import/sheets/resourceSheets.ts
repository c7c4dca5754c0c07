// Rooms, Faculty and Groups: one row per resource, ids unique within the sheet.
import type { Faculty, Group, Room } from '../../../shared/model/index.ts';
import { IdRegistry, type Located } from '../parsedWorkbook.ts';
import type { SheetTable } from '../sheetTable.ts';
import type { SlotGrid } from '../slotList.ts';
import { slotCell } from './slotCells.ts';

export function parseRooms(table: SheetTable | undefined, grid: SlotGrid | undefined): Located<Room>[] {
  if (!table) return [];
  const ids = new IdRegistry(table, 'room_id');
  const out: Located<Room>[] = [];
  for (const row of table.rows) {
    const id = table.requiredText(row, 'room_id');
    const capacity = table.integer(row, 'capacity', 1, true);
    const unavailable = slotCell(table, row, 'unavailable', grid);
    if (id === undefined || !ids.claim(id, row.rowNumber)) continue;
    // A bad value was reported; the row is kept (with a placeholder) so references to it resolve.
    const room: Room = {
      id,
      name: table.text(row, 'name') || id,
      capacity: capacity ?? 1,
      type: table.text(row, 'type') || 'lecture',
      unavailable,
    };
    const building = table.text(row, 'building');
    if (building !== '') room.building = building;
    out.push({ item: room, row: row.rowNumber });
  }
  return out;
}

export function parseFaculty(table: SheetTable | undefined, grid: SlotGrid | undefined): Located<Faculty>[] {
  if (!table) return [];
  const ids = new IdRegistry(table, 'faculty_id');
  const out: Located<Faculty>[] = [];
  for (const row of table.rows) {
    const id = table.requiredText(row, 'faculty_id');
    const maxPerDay = table.integer(row, 'max_per_day', 1);
    const maxPerWeek = table.integer(row, 'max_per_week', 1);
    const maxDays = table.integer(row, 'max_days', 1);
    const maxGapsPerDay = table.integer(row, 'max_gaps_per_day', 0);
    const maxGapsPerWeek = table.integer(row, 'max_gaps_per_week', 0);
    const minPerDay = table.integer(row, 'min_per_day', 1);
    const minDays = table.integer(row, 'min_days', 1);
    const maxContinuous = table.integer(row, 'max_continuous', 1);
    const maxSpan = table.integer(row, 'max_span', 1);
    const minRest = table.integer(row, 'min_rest', 1);
    const maxBuildingChangesPerDay = table.integer(row, 'max_building_changes_day', 0);
    const maxBuildingChangesPerWeek = table.integer(row, 'max_building_changes_week', 0);
    const minGapsBetweenBuildingChanges = table.integer(row, 'min_gaps_between_building_changes', 1);
    const unavailable = slotCell(table, row, 'unavailable', grid);
    if (minPerDay !== undefined && maxPerDay !== undefined && minPerDay > maxPerDay) {
      table.error(
        row,
        'min_per_day',
        `min_per_day ${minPerDay} is above max_per_day ${maxPerDay}`,
        'Lower min_per_day or raise max_per_day.',
      );
    }
    if (minDays !== undefined && maxDays !== undefined && minDays > maxDays) {
      table.error(
        row,
        'min_days',
        `min_days ${minDays} is above max_days ${maxDays}`,
        'Lower min_days or raise max_days.',
      );
    }
    if (minDays !== undefined && grid !== undefined && minDays > grid.days.length) {
      table.error(
        row,
        'min_days',
        `min_days ${minDays} is more than the ${grid.days.length} teaching days of the week`,
        `Use at most ${grid.days.length}, the number of days in Calendar.`,
      );
    }
    if (id === undefined || !ids.claim(id, row.rowNumber)) continue;
    const faculty: Faculty = {
      id,
      name: table.text(row, 'name') || id,
      department: table.text(row, 'department'),
      unavailable,
    };
    const email = table.text(row, 'email');
    if (email !== '') faculty.email = email;
    if (maxPerDay !== undefined) faculty.maxPerDay = maxPerDay;
    if (maxPerWeek !== undefined) faculty.maxPerWeek = maxPerWeek;
    if (maxDays !== undefined) faculty.maxDays = maxDays;
    if (maxGapsPerDay !== undefined) faculty.maxGapsPerDay = maxGapsPerDay;
    if (maxGapsPerWeek !== undefined) faculty.maxGapsPerWeek = maxGapsPerWeek;
    if (minPerDay !== undefined) faculty.minPerDay = minPerDay;
    if (minDays !== undefined) faculty.minDays = minDays;
    if (maxContinuous !== undefined) faculty.maxContinuous = maxContinuous;
    if (maxSpan !== undefined) faculty.maxSpan = maxSpan;
    if (minRest !== undefined) faculty.minRest = minRest;
    if (maxBuildingChangesPerDay !== undefined) faculty.maxBuildingChangesPerDay = maxBuildingChangesPerDay;
    if (maxBuildingChangesPerWeek !== undefined)
      faculty.maxBuildingChangesPerWeek = maxBuildingChangesPerWeek;
    if (minGapsBetweenBuildingChanges !== undefined)
      faculty.minGapsBetweenBuildingChanges = minGapsBetweenBuildingChanges;
    out.push({ item: faculty, row: row.rowNumber });
  }
  return out;
}

export function parseGroups(table: SheetTable | undefined): Located<Group>[] {
  if (!table) return [];
  const ids = new IdRegistry(table, 'group_id');
  const out: Located<Group>[] = [];
  for (const row of table.rows) {
    const id = table.requiredText(row, 'group_id');
    const size = table.integer(row, 'size', 0, true);
    const maxPerDay = table.integer(row, 'max_per_day', 1);
    const minPerDay = table.integer(row, 'min_per_day', 0);
    const maxGapsPerDay = table.integer(row, 'max_gaps_per_day', 0);
    const maxGapsPerWeek = table.integer(row, 'max_gaps_per_week', 0);
    const maxContinuous = table.integer(row, 'max_continuous', 1);
    const maxLateStarts = table.integer(row, 'max_late_starts', 0);
    const maxSpan = table.integer(row, 'max_span', 1);
    const minRest = table.integer(row, 'min_rest', 1);
    const maxBuildingChangesPerDay = table.integer(row, 'max_building_changes_day', 0);
    const maxBuildingChangesPerWeek = table.integer(row, 'max_building_changes_week', 0);
    const minGapsBetweenBuildingChanges = table.integer(row, 'min_gaps_between_building_changes', 1);
    if (minPerDay !== undefined && maxPerDay !== undefined && minPerDay > maxPerDay) {
      table.error(
        row,
        'min_per_day',
        `min_per_day ${minPerDay} is above max_per_day ${maxPerDay}`,
        'Lower min_per_day or raise max_per_day.',
      );
    }
    if (id === undefined || !ids.claim(id, row.rowNumber)) continue;
    const group: Group = { id, name: table.text(row, 'name') || id, size: size ?? 0 };
    const department = table.text(row, 'department');
    const parent = table.text(row, 'parent');
    if (department !== '') group.department = department;
    if (parent !== '') group.parent = parent;
    if (maxPerDay !== undefined) group.maxPerDay = maxPerDay;
    if (minPerDay !== undefined) group.minPerDay = minPerDay;
    if (maxGapsPerDay !== undefined) group.maxGapsPerDay = maxGapsPerDay;
    if (maxGapsPerWeek !== undefined) group.maxGapsPerWeek = maxGapsPerWeek;
    if (maxContinuous !== undefined) group.maxContinuous = maxContinuous;
    if (maxLateStarts !== undefined) group.maxLateStarts = maxLateStarts;
    if (maxSpan !== undefined) group.maxSpan = maxSpan;
    if (minRest !== undefined) group.minRest = minRest;
    if (maxBuildingChangesPerDay !== undefined) group.maxBuildingChangesPerDay = maxBuildingChangesPerDay;
    if (maxBuildingChangesPerWeek !== undefined) group.maxBuildingChangesPerWeek = maxBuildingChangesPerWeek;
    if (minGapsBetweenBuildingChanges !== undefined)
      group.minGapsBetweenBuildingChanges = minGapsBetweenBuildingChanges;
    out.push({ item: group, row: row.rowNumber });
  }
  return out;
}
