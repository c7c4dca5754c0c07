// Which rows of a long table to put in the page: those a scroll box shows, and a few around them.

/** Rows put in the page beyond those in view, above and below. */
export const OVERSCAN = 20;
/** A row's height until one is measured (px). */
export const ROW_GUESS = 30;
/** Rows shown before the scroll box is measured. */
export const FIRST_ROWS = 40;
/** The rows [first, last) to put in the page for a scroll box showing `top`..`top + height`. */
export function rowWindow(
  count: number,
  rowHeight: number,
  top: number,
  height: number,
): { first: number; last: number } {
  if (height <= 0) return { first: 0, last: Math.min(count, FIRST_ROWS) };
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  return { first: Math.min(first, last), last };
}
