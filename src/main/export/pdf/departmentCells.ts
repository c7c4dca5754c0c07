// The cells of the department overview: course codes shortened by the row's own group id, split
// over two lines when that reads larger, one font per page, and how many group rows fit a sheet.
import type { TextMeasure } from './PdfStreamWriter.ts';

/** The largest and smallest font sizes of the cells. */
export const FONT_MAX = 7;
export const FONT_MIN = 3.5;
/** The least row height: a big department goes on several sheets rather than into unreadable rows. */
/** A single line at least this large is preferred to two lines. */
const ONE_LINE_MIN = 5;
export const ROW_MIN = 12;

/** A course's code as its group's row shows it: "MA101-CSE1A" attended by CSE1A reads "MA101". */
export function shortCode(courseId: string, groupIds: readonly string[]): string {
  for (const g of [...groupIds].sort((a, b) => b.length - a.length)) {
    for (const sep of ['-', '_', ' ', '.', '/']) {
      const suffix = `${sep}${g}`;
      if (courseId.length > suffix.length && courseId.endsWith(suffix))
        return courseId.slice(0, -suffix.length);
    }
  }
  return courseId;
}

/** Two lines of about equal width: at a "/" between courses, else at a letter/digit or "-" boundary. */
export function splitTwo(text: string): [string, string] {
  const mid = text.length / 2;
  let best = -1;
  for (let i = 1; i < text.length; i++) {
    const a = text[i - 1];
    const b = text[i];
    const boundary =
      a === '/' || a === '-' || (/[A-Za-z]/.test(a) && /\d/.test(b)) || (/\d/.test(a) && /[A-Za-z]/.test(b));
    if (boundary && (best < 0 || Math.abs(i - mid) < Math.abs(best - mid))) best = i;
  }
  const at = best > 0 ? best : Math.ceil(mid);
  return [text.slice(0, at), text.slice(at)];
}

/**
 * The page's one cell font: the largest at which every label fits its cell on one line, or on two
 * lines where that lets it be larger (when the row is tall enough for two). Each cell then takes
 * one line if it fits at that font, else two (see `linesOf`).
 */
export function cellFont(
  labels: readonly string[],
  cellWidth: number,
  rowHeight: number,
  measure: TextMeasure,
): number {
  const cap = Math.min(FONT_MAX, rowHeight * 0.7);
  const twoCap = (rowHeight - 1) / 2.3;
  let font = cap;
  for (const label of labels) {
    const one = cellWidth / Math.max(1e-6, measure(label, 1));
    const [a, b] = splitTwo(label);
    const two = Math.min(twoCap, cellWidth / Math.max(1e-6, measure(a, 1), measure(b, 1)));
    // A code reads best whole on one line; two lines only when one would be too small.
    font = Math.min(font, one >= ONE_LINE_MIN ? one : Math.max(one, two));
  }
  return Math.max(FONT_MIN, font);
}

/** A label as drawn at `font`: one line when it fits the cell, else two. */
export function linesOf(label: string, cellWidth: number, font: number, measure: TextMeasure): string[] {
  return measure(label, font) <= cellWidth ? [label] : splitTwo(label);
}

/** Groups per A3 page: at most as many as leave each row ROW_MIN points, spread evenly over pages. */
export function pageChunks<T>(items: readonly T[], maxRows: number): T[][] {
  const pages = Math.max(1, Math.ceil(items.length / Math.max(1, maxRows)));
  const per = Math.ceil(items.length / pages);
  return Array.from({ length: pages }, (_, i) => items.slice(i * per, (i + 1) * per));
}
