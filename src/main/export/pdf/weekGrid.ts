// One entity's week on one A4-landscape page: days down, periods across, breaks as shaded columns,
// and a card per session (course code + name, faculty, room, groups). Sessions that overlap on a
// day (a section's lab batches side by side) go into separate lanes of that day's row; the card
// text shrinks with the number of lanes so that the page never overflows.
import type { College, Period } from '../../../shared/model/index.ts';
import { adjacency } from '../../../shared/model/index.ts';
import type { ResolvedSession } from '../sessions.ts';
import type { ViewEntity } from '../views.ts';
import type { PdfNode } from './PdfStreamWriter.ts';
import { cardColor, fit, type PageFrame } from './pageParts.ts';

const DAY_WIDTH = 38;
const BREAK_WIDTH = 5;
const CELL_PAD = 3;
const LINE = 1.18;

interface Column {
  period: number | null;
}

function columnsOf(periods: readonly Period[]): Column[] {
  const adj = adjacency(periods);
  const out: Column[] = [];
  periods.forEach((_, p) => {
    out.push({ period: p });
    if (p + 1 < periods.length && !adj[p]) out.push({ period: null });
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

function card(s: ResolvedSession, names: GridNames, fontSize: number, lines: number, width: number): PdfNode {
  const faculty = s.faculty.map((id) => names.faculty.get(id) ?? id).join(', ');
  const text = [
    { text: fit(`${s.courseId} ${s.courseName}`, width, fontSize), bold: true },
    { text: fit(faculty, width, fontSize) },
    { text: fit(`Room ${s.roomId ?? '—'}`, width, fontSize) },
    { text: fit(s.groups.join(', '), width, fontSize), color: '#333333' },
  ].slice(0, lines);
  return {
    stack: text.map((t) => ({ ...t, noWrap: true })),
    fontSize,
    lineHeight: LINE,
    fillColor: cardColor(s.courseId),
  };
}

/** The page content (title block, grid, unplaced note) for one entity. */
export function weekGridPage(
  college: College,
  entity: ViewEntity,
  names: GridNames,
  frame: PageFrame,
  extra: { title: PdfNode; pageBreak: boolean },
): PdfNode[] {
  const { periods } = college;
  const { days } = college.calendar;
  const columns = columnsOf(periods);
  const colOf = new Map<number, number>();
  columns.forEach((c, i) => c.period !== null && colOf.set(c.period, i + 1));

  const placed = entity.sessions.filter((s) => s.day !== null && s.period !== null);
  const unplaced = entity.sessions.filter((s) => s.day === null || s.period === null);
  const lanesByDay = days.map((_, d) => lanesOf(placed.filter((s) => s.day === d)));
  const totalLanes = lanesByDay.reduce((n, l) => n + l.length, 0);

  const nBreaks = columns.length - periods.length;
  const periodWidth =
    (frame.width -
      1 -
      (columns.length + 1) * 1 -
      DAY_WIDTH -
      2 * CELL_PAD -
      nBreaks * BREAK_WIDTH -
      periods.length * 2 * CELL_PAD) /
    periods.length;
  const headerHeight = 22;
  // Rows are `heights` + top/bottom padding + a rule; the title block takes ~36pt.
  const rowOverhead = 3;
  const budget = frame.height - 36 - (headerHeight + rowOverhead) - (unplaced.length > 0 ? 14 : 0) - 4;
  const rowHeight = Math.max(8, Math.min(76, Math.floor(budget / totalLanes) - rowOverhead));
  const fontSize = Math.max(4, Math.min(8, (rowHeight - 4) / (4 * LINE)));
  const lines = Math.max(1, Math.min(4, Math.floor((rowHeight - 4) / (fontSize * LINE))));

  const header: PdfNode[] = [
    { text: '', fillColor: '#f2f2f2' },
    ...columns.map((c): PdfNode => {
      if (c.period === null) return { text: '', fillColor: '#d9d9d9' };
      const p = periods[c.period];
      return {
        text: [{ text: p.label, bold: true }, `\n${p.start}–${p.end}`],
        fontSize: 7,
        alignment: 'center',
        fillColor: '#f2f2f2',
      };
    }),
  ];
  const body: PdfNode[][] = [header];
  lanesByDay.forEach((lanes, d) => {
    lanes.forEach((lane, l) => {
      const row: PdfNode[] = [
        l === 0
          ? { text: days[d], bold: true, rowSpan: lanes.length, fillColor: '#f2f2f2', fontSize: 9 }
          : {},
        ...columns.map((c): PdfNode => (c.period === null ? { text: '', fillColor: '#d9d9d9' } : '')),
      ];
      for (const s of lane) {
        const first = colOf.get(s.period ?? 0) ?? 1;
        const last = colOf.get(Math.min(periods.length - 1, (s.period ?? 0) + s.length - 1)) ?? first;
        const span = last - first + 1;
        const width = span * (periodWidth + 2 * CELL_PAD + 1) - 2 * CELL_PAD;
        row[first] = { ...(card(s, names, fontSize, lines, width) as object), colSpan: span };
        for (let k = first + 1; k <= last; k++) row[k] = {};
      }
      body.push(row);
    });
  });

  const isBreak = (i: number) => i > 0 && columns[i - 1].period === null;
  const content: PdfNode[] = [
    { ...(extra.title as object), ...(extra.pageBreak ? { pageBreak: 'before' } : {}) },
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [DAY_WIDTH, ...columns.map((c) => (c.period === null ? BREAK_WIDTH : periodWidth))],
        heights: (row: number) => (row === 0 ? headerHeight : rowHeight),
        body,
      },
      layout: {
        hLineWidth: () => 0.5,
        vLineWidth: () => 0.5,
        hLineColor: () => '#9a9a9a',
        vLineColor: () => '#9a9a9a',
        paddingLeft: (i: number) => (isBreak(i) ? 0 : CELL_PAD),
        paddingRight: (i: number) => (isBreak(i) ? 0 : CELL_PAD),
        paddingTop: () => 2,
        paddingBottom: () => 0,
      },
    },
  ];
  if (unplaced.length > 0) {
    const list = unplaced.map((s) => `${s.courseId} #${s.session}`).join(', ');
    content.push({
      text: fit(`Not placed yet (${unplaced.length}): ${list}`, frame.width, 7),
      fontSize: 7,
      color: '#b00020',
      margin: [0, 4, 0, 0],
      noWrap: true,
    });
  }
  return content;
}
