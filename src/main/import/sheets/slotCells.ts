// Reads a slot-list cell and reports each bad item at its sheet, row and column.
import type { SlotRef } from '../../../shared/model/index.ts';
import type { RawRow } from '../rawSheet.ts';
import type { SheetTable } from '../sheetTable.ts';
import { parseSlotList, type SlotGrid, type SlotListOptions } from '../slotList.ts';

export function slotCell(
  table: SheetTable,
  row: RawRow,
  column: string,
  grid: SlotGrid | undefined,
  options: SlotListOptions = {},
): SlotRef[] {
  const text = table.text(row, column);
  if (text === '' || grid === undefined) return [];
  const { slots, errors } = parseSlotList(text, grid, options);
  for (const message of errors) {
    table.error(
      row,
      column,
      `Bad slot list item ${message}`,
      `Use Mon (whole day), Mon:3 (one period) or Mon:3-5 (a range)${options.everyDayPeriods === true ? ', or 3 or 3-5 (those periods every day)' : ''}, separated by ;. ${grid.dayHint()} ${grid.periodHint()}`,
    );
  }
  return slots;
}
