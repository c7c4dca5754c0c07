// One entity's week on one A4-landscape page: days down, periods across, breaks as shaded columns,
// and a card per session (course code + name, faculty, room, groups). Sessions that overlap on a
// day (a section's lab batches side by side) go into separate lanes of that day's row. The grid is
// drawn as vectors with absolutely placed text, sized from the page, so a page never overflows and
// pdfmake lays it out quickly (no table engine: thousands of pages stay fast).
import type { College, Period } from '../../../shared/model/index.ts';
import { adjacency } from '../../../shared/model/index.ts';
import type { ResolvedSession } from '../sessions.ts';
import type { ViewEntity } from '../views.ts';
import type { FitText, PdfNode } from './PdfStreamWriter.ts';
import { cardColor, type PageFrame } from './pageParts.ts';

const DAY_WIDTH = 40;
const BREAK_WIDTH = 6;
const HEADER_HEIGHT = 24;
const TITLE_HEIGHT = 40;
const PAD = 3;
const LINE = 1.2;
const RULE = '#9a9a9a';

interface Column {
  period: number | null;
  x: number;
  width: number;
}

function columnsOf(periods: readonly Period[], left: number, width: number): Column[] {
  const adj = adjacency(periods);
  const breaks = periods.filter((_, p) => p + 1 < periods.length && !adj[p]).length;
  const periodWidth = (width - DAY_WIDTH - breaks * BREAK_WIDTH) / periods.length;
  const out: Column[] = [];
  let x = left + DAY_WIDTH;
  periods.forEach((_, p) => {
    out.push({ period: p, x, width: periodWidth });
    x += periodWidth;
    if (p + 1 < periods.length && !adj[p]) {
      out.push({ period: null, x, width: BREAK_WIDTH });
      x += BREAK_WIDTH;
    }
  });
  return out;
}

/** Lanes of one day: greedy interval colouring of the day's sessions by start period. */
function lanesOf(sessions: readonly ResolvedSession[]): ResolvedSession[][] {
  const lanes: ResolvedSession[][] = [];
  const ends: number[] = [];
  for (const s of sessions) {
    const start = s.period ?? 0;
    let lane = ends.findIndex((end) => end <= start);
    if (lane < 0) {
      lane = lanes.length;
      lanes.push([]);
      ends.push(0);
    }
    lanes[lane].push(s);
    ends[lane] = start + s.length;
  }
  return lanes.length > 0 ? lanes : [[]];
}

export interface GridNames {
  faculty: ReadonlyMap<string, string>;
}

/** Words of `text` that fit `width` on a first line, and the rest (empty when all fit). */
function splitLine(text: string, width: number, fontSize: number, fit: FitText): [string, string] {
  if (fit(text, width, fontSize) === text) return [text, ''];
  const words = text.split(' ');
  let n = words.length - 1;
  while (n > 1 && fit(words.slice(0, n).join(' '), width, fontSize) !== words.slice(0, n).join(' ')) n--;
  return [words.slice(0, n).join(' '), words.slice(n).join(' ')];
}

/**
 * Card text for `lines` lines of `width`: code and name share a line when space is short; with room to
 * spare the code gets its own line and a long name wraps onto a second one.
 */
function cardLines(
  s: ResolvedSession,
  names: GridNames,
  lines: number,
  width: number,
  fontSize: number,
  fit: FitText,
): string[] {
  const rest = [
    s.faculty.map((id) => names.faculty.get(id) ?? id).join(', '),
    `Room ${s.roomId ?? '—'}`,
    s.groups.join(', '),
  ].filter((t, i) => t !== '' || i === 1);
  let head = [`${s.courseId} ${s.courseName}`];
  if (lines >= rest.length + 2) {
    const [first, second] = splitLine(s.courseName, width, fontSize, fit);
    head =
      lines >= rest.length + 3 && second !== '' ? [s.courseId, first, second] : [s.courseId, s.courseName];
  }
  return [...head, ...rest].slice(0, lines);
}

const line = (x1: number, y1: number, x2: number, y2: number, width = 0.5, color = RULE) => ({
  type: 'line',
  x1,
  y1,
  x2,
  y2,
  lineWidth: width,
  lineColor: color,
});
const rect = (x: number, y: number, w: number, h: number, color: string) => ({
  type: 'rect',
  x,
  y,
  w,
  h,
  color,
});
const at = (x: number, y: number, node: Record<string, unknown>): PdfNode => ({
  ...node,
  noWrap: true,
  absolutePosition: { x, y },
});

/** The page content (title block, then the absolutely placed grid) for one entity. */
export function weekGridPage(
  college: College,
  entity: ViewEntity,
  names: GridNames,
  frame: PageFrame,
  extra: { title: PdfNode; pageBreak: boolean; fit: FitText },
): PdfNode[] {
  const { periods } = college;
  const { days } = college.calendar;
  const { fit } = extra;
  const [left, top] = frame.margins;
  const columns = columnsOf(periods, left, frame.width);
  const colOf = new Map<number, Column>();
  for (const c of columns) if (c.period !== null) colOf.set(c.period, c);

  const placed = entity.sessions.filter((s) => s.day !== null && s.period !== null);
  const unplaced = entity.sessions.filter((s) => s.day === null || s.period === null);
  const lanesByDay = days.map((_, d) => lanesOf(placed.filter((s) => s.day === d)));
  const totalLanes = lanesByDay.reduce((n, l) => n + l.length, 0);

  const gridTop = top + TITLE_HEIGHT;
  const gridBottomLimit = top + frame.height - (unplaced.length > 0 ? 14 : 0);
  const rowHeight = Math.min(78, (gridBottomLimit - gridTop - HEADER_HEIGHT) / totalLanes);
  const fontSize = Math.max(3.5, Math.min(8, (rowHeight - 2 * PAD) / (4 * LINE)));
  const lines = Math.max(1, Math.min(6, Math.floor((rowHeight - PAD) / (fontSize * LINE))));
  const right = left + frame.width;
  const bottom = gridTop + HEADER_HEIGHT + rowHeight * totalLanes;

  const shapes: Array<Record<string, unknown>> = [
    rect(left, gridTop, frame.width, HEADER_HEIGHT, '#f2f2f2'),
    rect(left, gridTop + HEADER_HEIGHT, DAY_WIDTH, bottom - gridTop - HEADER_HEIGHT, '#f7f7f7'),
  ];
  const texts: PdfNode[] = [];
  for (const c of columns) {
    if (c.period === null) {
      shapes.push(rect(c.x, gridTop, c.width, bottom - gridTop, '#d9d9d9'));
      continue;
    }
    const p = periods[c.period];
    const time = `${p.start}–${p.end}`;
    const center = (text: string, size: number) =>
      c.x + Math.max(1, (c.width - text.length * size * 0.53) / 2);
    texts.push(
      at(center(p.label, 8), gridTop + 3, {
        text: fit(p.label, c.width - 2, 8, true),
        bold: true,
        fontSize: 8,
      }),
    );
    texts.push(
      at(center(time, 7), gridTop + 13, { text: fit(time, c.width - 2, 7), fontSize: 7, color: '#333333' }),
    );
  }

  for (const c of columns) shapes.push(line(c.x, gridTop, c.x, bottom, c.period === null ? 0.3 : 0.5));

  let y = gridTop + HEADER_HEIGHT;
  lanesByDay.forEach((lanes, d) => {
    texts.push(
      at(left + PAD, y + PAD, { text: fit(days[d], DAY_WIDTH - 2 * PAD, 9, true), bold: true, fontSize: 9 }),
    );
    lanes.forEach((lane, l) => {
      if (l > 0) shapes.push(line(left + DAY_WIDTH, y, right, y, 0.3, '#c8c8c8'));
      for (const s of lane) {
        const first = colOf.get(s.period ?? 0);
        const last = colOf.get(Math.min(periods.length - 1, (s.period ?? 0) + s.length - 1)) ?? first;
        if (!first || !last) continue;
        const width = last.x + last.width - first.x;
        shapes.push(rect(first.x + 0.8, y + 0.8, width - 1.6, rowHeight - 1.6, cardColor(s.courseId)));
        const stack = cardLines(s, names, lines, width - 2 * PAD, fontSize, fit).map((t, i) => ({
          text: fit(t, width - 2 * PAD, fontSize, i === 0),
          bold: i === 0,
          noWrap: true,
        }));
        texts.push(at(first.x + PAD, y + PAD - 1, { stack, fontSize, lineHeight: LINE, color: '#111111' }));
      }
      y += rowHeight;
    });
    shapes.push(line(left, y, right, y, 0.6));
  });

  shapes.push(
    line(left, gridTop, right, gridTop, 0.6),
    line(left, gridTop + HEADER_HEIGHT, right, gridTop + HEADER_HEIGHT, 0.6),
  );
  shapes.push(line(left, gridTop, left, bottom, 0.6), line(right, gridTop, right, bottom, 0.6));

  const content: PdfNode[] = [
    { ...(extra.title as object), ...(extra.pageBreak ? { pageBreak: 'before' } : {}) },
    { canvas: shapes, absolutePosition: { x: 0, y: 0 } },
    ...texts,
  ];
  if (unplaced.length > 0) {
    const list = unplaced.map((s) => `${s.courseId} #${s.session}`).join(', ');
    content.push(
      at(left, bottom + 4, {
        text: fit(`Not placed yet (${unplaced.length}): ${list}`, frame.width, 7),
        fontSize: 7,
        color: '#b00020',
      }),
    );
  }
  return content;
}
