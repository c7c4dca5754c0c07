// Fixed (pinned sessions), Rules (relations between courses) and Weights (soft-cost overrides).
import { parseDecimal } from '../cellValues.ts';
import { ruleKinds, type Fixed, type Rule, type RuleKind } from '../../../shared/model/index.ts';
import { WEIGHT_NAMES } from '../../../shared/eval/weights.ts';
import type { Located } from '../parsedWorkbook.ts';
import { splitList, type SheetTable } from '../sheetTable.ts';
import type { SlotGrid } from '../slotList.ts';
import { slotCell } from './slotCells.ts';
import { isSlotKind, SLOT_KINDS, type SlotKind } from '../../../shared/eval/slotRules.ts';

export function parseFixed(table: SheetTable | undefined, grid: SlotGrid | undefined): Located<Fixed>[] {
  if (!table) return [];
  const out: Located<Fixed>[] = [];
  for (const row of table.rows) {
    const courseId = table.requiredText(row, 'course_id');
    const session = table.integer(row, 'session', 1, true);
    const dayName = table.requiredText(row, 'day');
    const label = table.requiredText(row, 'period');
    let day: number | undefined;
    let period: number | undefined;
    if (grid && dayName !== undefined) {
      day = grid.day(dayName);
      if (day === undefined) table.error(row, 'day', `Unknown day "${dayName}"`, grid.dayHint());
    }
    if (grid && label !== undefined) {
      period = grid.period(label);
      if (period === undefined) table.error(row, 'period', `Unknown period "${label}"`, grid.periodHint());
    }
    if (courseId === undefined || session === undefined || day === undefined || period === undefined)
      continue;
    const fixed: Fixed = { courseId, session, day, period };
    const roomId = table.text(row, 'room_id');
    if (roomId !== '') fixed.roomId = roomId;
    out.push({ item: fixed, row: row.rowNumber });
  }
  return out;
}

const KIND_LIST = ruleKinds.join(', ');

export function parseRules(table: SheetTable | undefined, grid: SlotGrid | undefined): Located<Rule>[] {
  if (!table) return [];
  const out: Located<Rule>[] = [];
  for (const row of table.rows) {
    const rawKind = table.requiredText(row, 'rule');
    const kind = rawKind === undefined ? undefined : ruleKind(rawKind);
    if (rawKind !== undefined && kind === undefined) {
      table.error(row, 'rule', `Unknown rule "${rawKind}"`, `Use one of: ${KIND_LIST}.`);
    }
    const split = kind === 'not_overlapping_parts' ? courseParts(table, row) : undefined;
    const courses = split ? split.courses : table.list(row, 'courses');
    if (split === null) continue;
    if (courses.length === 0 && table.has('courses')) {
      table.error(
        row,
        'courses',
        'No courses listed',
        'List the course_ids the rule relates, separated by ;.',
      );
    }
    const hard = table.yesNo(row, 'hard', true);
    const weight = table.nonNegative(row, 'weight');
    const valueCell = table.isBlank(row, 'value') ? undefined : parseDecimal(table.text(row, 'value'));
    if (valueCell !== undefined && !Number.isFinite(valueCell)) {
      table.error(row, 'value', `"${table.text(row, 'value')}" is not a number`, 'Enter a number.');
    }
    if (kind !== undefined && !isSlotKind(kind)) checkWholeValue(table, row, kind, valueCell);
    const slots = slotCell(table, row, 'slots', grid, { everyDayPeriods: true });
    const slotKind = kind !== undefined && isSlotKind(kind);
    if (slotKind) checkSlotRule(table, row, kind, valueCell, slots.length > 0);
    else if (kind !== undefined && !table.isBlank(row, 'slots'))
      table.error(
        row,
        'slots',
        `${kind} reads no slots`,
        `Only ${SLOT_KINDS.join(', ')} read the slots column: clear the cell, or change the rule.`,
      );
    if (kind === undefined || courses.length === 0 || hard === undefined) continue;
    const rule: Rule = { kind, courses, hard, weight: weight ?? 1 };
    if (valueCell !== undefined && Number.isFinite(valueCell)) rule.value = valueCell;
    if (slotKind && slots.length > 0) rule.slots = slots;
    if (split) rule.parts = split.parts;
    out.push({ item: rule, row: row.rowNumber });
  }
  return out;
}

/**
 * not_overlapping_parts: the courses cell split into parts by `|`, each a `;` list (`A;B|C;D|E`):
 * the courses in order and each one's part; null (after a located error) for a cell with fewer than
 * two parts, an empty part, or an item in two parts; undefined for an empty cell (reported as such).
 */
function courseParts(
  table: SheetTable,
  row: Parameters<SheetTable['text']>[0],
): { courses: string[]; parts: number[] } | null | undefined {
  const text = table.text(row, 'courses');
  if (text.trim() === '') return undefined;
  const hint = 'Separate the parts with | and the courses of a part with ;, e.g. BIO1;BIO2|CHEM1|PHY1;PHY2.';
  const lists = text.split('|').map(splitList);
  if (lists.length < 2) {
    table.error(row, 'courses', 'not_overlapping_parts needs at least two parts', hint);
    return null;
  }
  const empty = lists.findIndex((l) => l.length === 0);
  if (empty >= 0) {
    table.error(row, 'courses', `Part ${empty + 1} of ${lists.length} lists no course`, hint);
    return null;
  }
  const partOf = new Map<string, number>();
  for (const [q, l] of lists.entries())
    for (const item of l) {
      const other = partOf.get(item);
      if (other !== undefined) {
        table.error(
          row,
          'courses',
          `${item} is in parts ${other + 1} and ${q + 1}`,
          'List each course (or session, course_id#k) in one part only.',
        );
        return null;
      }
      partOf.set(item, q);
    }
  return { courses: [...partOf.keys()], parts: [...partOf.values()] };
}

/** The rule kinds whose value is a whole number of at least `min` (of `unit`), and what to enter. */
const WHOLE_VALUE: Partial<Record<RuleKind, { min: number; unit?: string; hint: string }>> = {
  min_days_apart: {
    min: 1,
    unit: 'days',
    hint: 'Put the minimum number of days between sessions in the value column, e.g. 2.',
  },
  min_days_between: {
    min: 1,
    unit: 'days',
    hint: 'Put the minimum number of days between sessions in the value column, e.g. 2.',
  },
  min_gap: {
    min: 1,
    unit: 'periods',
    hint: 'Put the minimum number of free periods between two sessions of one day in the value column, e.g. 1.',
  },
  min_gap_counting_breaks: {
    min: 1,
    unit: 'periods',
    hint: 'Put the minimum number of free periods between two sessions of one day in the value column, e.g. 1 (a break counts as one).',
  },
  max_days_apart: {
    min: 0,
    unit: 'days',
    hint: 'Put the most days two sessions may be apart in the value column, e.g. 2 (0 = all on one day).',
  },
  max_terms: { min: 1, hint: 'Put the most terms the sessions may occupy in the value column, e.g. 2.' },
  max_per_term: { min: 1, hint: 'Put the most sessions one term may hold in the value column, e.g. 3.' },
  max_slots: {
    min: 0,
    unit: 'slots',
    hint: 'Put the most listed slots the sessions may cover in the value column, e.g. 2.',
  },
  max_days_in_slots: {
    min: 0,
    unit: 'days',
    hint: 'Put the most days the sessions may cover a listed slot on in the value column, e.g. 3.',
  },
  max_per_day: {
    min: 0,
    unit: 'periods',
    hint: 'Put the most periods the sessions may cover on one day in the value column, e.g. 4.',
  },
  max_continuous: {
    min: 1,
    unit: 'periods',
    hint: 'Put the most periods in a row the sessions may cover in the value column, e.g. 2.',
  },
  max_simultaneous: {
    min: 0,
    unit: 'sessions',
    hint: 'Put the most sessions one listed slot may hold in the value column, e.g. 2.',
  },
  min_simultaneous: {
    min: 1,
    unit: 'sessions',
    hint: 'Put the fewest sessions each listed slot must hold in the value column, e.g. 2.',
  },
  min_simultaneous_or_none: {
    min: 1,
    unit: 'sessions',
    hint: 'Put the fewest sessions a used listed slot must hold in the value column, e.g. 2.',
  },
  min_slots: {
    min: 1,
    unit: 'slots',
    hint: 'Put the fewest listed slots the sessions must cover in the value column, e.g. 2.',
  },
  max_sessions_in_slots: {
    min: 0,
    unit: 'sessions',
    hint: 'Put the most sessions the listed slots may hold in the value column, e.g. 3.',
  },
};

/** An error at the value cell when the kind needs a whole value (WHOLE_VALUE) and the row has none. */
function checkWholeValue(
  table: SheetTable,
  row: SheetTable['rows'][number],
  kind: RuleKind,
  value: number | undefined,
): void {
  const need = WHOLE_VALUE[kind];
  if (!need || (value !== undefined && Number.isInteger(value) && value >= need.min)) return;
  const of = need.unit ? ` of ${need.unit}` : '';
  table.error(
    row,
    'value',
    value === undefined
      ? `${kind} needs a value`
      : `${kind} needs a whole number${of} ≥ ${need.min}, not "${table.text(row, 'value')}"`,
    need.hint,
  );
}

/** The slot-list kinds: a slot list, and a whole value where WHOLE_VALUE asks one. */
function checkSlotRule(
  table: SheetTable,
  row: SheetTable['rows'][number],
  kind: SlotKind,
  value: number | undefined,
  hasSlots: boolean,
): void {
  checkWholeValue(table, row, kind, value);
  if (!hasSlots && table.isBlank(row, 'slots'))
    table.error(
      row,
      'slots',
      `${kind} needs a slot list`,
      'List the slots in the slots column, e.g. Mon:1-2;Wed:3, or 5-6 for periods 5 and 6 of every day.',
    );
}

function ruleKind(text: string): RuleKind | undefined {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ruleKinds.find((kind) => kind === key);
}

export function parseWeights(table: SheetTable | undefined): Record<string, number> {
  const weights: Record<string, number> = {};
  if (!table) return weights;
  const known = new Set<string>(WEIGHT_NAMES);
  for (const row of table.rows) {
    const name = table.requiredText(row, 'constraint');
    const weight = table.nonNegative(row, 'weight');
    if (table.isBlank(row, 'weight') && table.has('weight')) {
      table.error(row, 'weight', 'The weight is empty', 'Enter a number ≥ 0.');
    }
    if (name === undefined) continue;
    const key = name.trim().toLowerCase().replace(/\s+/g, '_');
    if (!known.has(key)) {
      table.warn(
        row,
        'constraint',
        `Unknown weight "${name}" (ignored)`,
        `Known weights: ${WEIGHT_NAMES.join(', ')}.`,
      );
      continue;
    }
    if (weight !== undefined) weights[key] = weight;
  }
  return weights;
}
