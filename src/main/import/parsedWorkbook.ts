// What the sheet parsers hand to the cross-reference checks and the model builder: entities with
// the spreadsheet row each came from.
import type {
  Calendar,
  Course,
  Enrollment,
  Faculty,
  Fixed,
  Group,
  Period,
  Room,
  Rule,
  Student,
} from '../../shared/model/index.ts';
import type { SheetName } from './sheetSpecs.ts';
import type { SheetTable } from './sheetTable.ts';
import type { SlotGrid } from './slotList.ts';

export interface Located<T> {
  item: T;
  row: number;
}

export interface ParsedWorkbook {
  calendar: Calendar;
  periods: Period[];
  /** Days × period labels for slot lists; undefined when the Periods sheet is unusable. */
  grid: SlotGrid | undefined;
  rooms: Located<Room>[];
  faculty: Located<Faculty>[];
  groups: Located<Group>[];
  courses: Located<Course>[];
  students: Located<Student>[];
  enrollments: Located<Enrollment>[];
  fixed: Located<Fixed>[];
  rules: Located<Rule>[];
  weights: Record<string, number>;
  tables: Partial<Record<SheetName, SheetTable>>;
}

/** Records the first row of each id and reports later rows with the same id. */
export class IdRegistry {
  private readonly firstRow = new Map<string, number>();
  private readonly table: SheetTable;
  private readonly column: string;

  constructor(table: SheetTable, column: string) {
    this.table = table;
    this.column = column;
  }

  /** True when the id is new; otherwise reports the duplicate. */
  claim(id: string, row: number): boolean {
    const first = this.firstRow.get(id);
    if (first === undefined) {
      this.firstRow.set(id, row);
      return true;
    }
    this.table.error(
      row,
      this.column,
      `Duplicate ${this.column} "${id}" (first used in row ${first})`,
      `Each ${this.column} must be unique: rename or remove one of the rows.`,
    );
    return false;
  }
}
