// "All groups of a department on one sheet": an A3-landscape page per department with one row per
// student group and one column per teaching slot, each cell naming the course(s) the group has then.
// Drawn as vectors + placed text and scaled to the page; a department with more groups than fit in
// readable rows continues on further sheets. Course codes stay whole: a code that ends with the
// row's group id is shown without it (the row names the group), and the page's font is the largest
// at which every cell fits on one line or on two; only below the smallest legible size is a code
// shortened.
import type { College } from '../../../shared/model/index.ts';
import type { ViewEntity } from '../views.ts';
import { footerFor, landscape, titleBlock } from './pageParts.ts';
import { PdfStreamWriter, type FitText, type PdfNode, type TextMeasure } from './PdfStreamWriter.ts';
import { cellFont, FONT_MAX, FONT_MIN, linesOf, pageChunks, ROW_MIN, shortCode } from './departmentCells.ts';

const GROUP_WIDTH = 72;
const HEADER_HEIGHT = 22;
const TITLE_HEIGHT = 40;
const RULE = '#9a9a9a';
export interface Department {
  name: string;
  groups: ViewEntity[];
}

export function departmentsOf(groups: readonly ViewEntity[]): Department[] {
  const byName = new Map<string, ViewEntity[]>();
  for (const g of groups) {
    const key = g.department || '(no department)';
    const list = byName.get(key);
    if (list) list.push(g);
    else byName.set(key, [g]);
  }
  return [...byName].map(([name, list]) => ({ name, groups: list }));
}

const line = (x1: number, y1: number, x2: number, y2: number, lineWidth: number, lineColor = RULE) => ({
  type: 'line',
  x1,
  y1,
  x2,
  y2,
  lineWidth,
  lineColor,
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

function departmentPage(
  college: College,
  dept: Department,
  part: { index: number; of: number; first: number; total: number },
  fit: FitText,
  measure: TextMeasure,
): PdfNode[] {
  const frame = landscape('A3');
  const [left, top] = frame.margins;
  const { days } = college.calendar;
  const nP = college.periods.length;
  const slots = days.length * nP;
  const slotWidth = (frame.width - GROUP_WIDTH) / slots;
  const gridTop = top + TITLE_HEIGHT;
  const rowHeight = Math.min(
    18,
    (frame.height - TITLE_HEIGHT - HEADER_HEIGHT) / Math.max(1, dept.groups.length),
  );
  // Each group's cells: the codes of the courses it has then, without its own group id.
  let example: string | null = null;
  const rows = dept.groups.map((g) => {
    const cells: string[][] = Array.from({ length: slots }, () => []);
    for (const s of g.sessions) {
      if (s.day === null || s.period === null) continue;
      const code = shortCode(s.courseId, [...s.groups, g.id]);
      if (example === null && code !== s.courseId) example = `${s.courseId} reads ${code} in ${g.id}'s row`;
      for (let k = 0; k < s.length && s.period + k < nP; k++) {
        const cell = cells[s.day * nP + s.period + k];
        if (!cell.includes(code)) cell.push(code);
      }
    }
    return cells.map((c) => c.join('/'));
  });
  const cellWidth = slotWidth - 2;
  const font = cellFont(
    rows.flat().filter((t) => t !== ''),
    cellWidth,
    rowHeight,
    measure,
  );
  const groupFont = Math.max(FONT_MIN, Math.min(FONT_MAX, rowHeight * 0.7));
  const right = left + frame.width;
  const bottom = gridTop + HEADER_HEIGHT + rowHeight * dept.groups.length;
  const slotX = (i: number) => left + GROUP_WIDTH + i * slotWidth;

  const shapes: Array<Record<string, unknown>> = [rect(left, gridTop, frame.width, HEADER_HEIGHT, '#f2f2f2')];
  const texts: PdfNode[] = [];
  days.forEach((day, d) => {
    if (d % 2 === 1)
      shapes.push(
        rect(
          slotX(d * nP),
          gridTop + HEADER_HEIGHT,
          nP * slotWidth,
          bottom - gridTop - HEADER_HEIGHT,
          '#f7f7f7',
        ),
      );
    texts.push(at(slotX(d * nP) + 3, gridTop + 2, { text: day, bold: true, fontSize: 8 }));
    college.periods.forEach((p, k) => {
      texts.push(
        at(slotX(d * nP + k) + 1, gridTop + 12, { text: fit(p.label, slotWidth - 2, 6), fontSize: 6 }),
      );
    });
  });
  texts.push(at(left + 2, gridTop + 7, { text: 'Group', bold: true, fontSize: 8 }));
  dept.groups.forEach((g, r) => {
    const y = gridTop + HEADER_HEIGHT + r * rowHeight;
    const middle = (lines: number, size: number): number =>
      y + Math.max(0, (rowHeight - lines * size * 1.15) / 2);
    texts.push(
      at(left + 2, middle(1, groupFont), {
        text: fit(g.id, GROUP_WIDTH - 4, groupFont, true),
        bold: true,
        fontSize: groupFont,
      }),
    );
    rows[r].forEach((label, i) => {
      if (label === '') return;
      const lines = linesOf(label, cellWidth, font, measure);
      // One text per line (pdfmake does not break a no-wrap text at "\n").
      const stack = lines.map((t) => ({
        text: fit(t, cellWidth, font),
        fontSize: font,
        lineHeight: 1.05,
        noWrap: true,
      }));
      texts.push(at(slotX(i) + 1, middle(lines.length, font), { stack }));
    });
    shapes.push(line(left, y + rowHeight, right, y + rowHeight, 0.25, '#c8c8c8'));
  });
  for (let i = 0; i <= slots; i++) {
    const x = slotX(i);
    const dayEdge = i % nP === 0;
    shapes.push(
      line(x, dayEdge ? gridTop : gridTop + 11, x, bottom, dayEdge ? 0.8 : 0.25, dayEdge ? RULE : '#c8c8c8'),
    );
  }
  shapes.push(
    line(left, gridTop, right, gridTop, 0.8),
    line(left, gridTop + HEADER_HEIGHT, right, gridTop + HEADER_HEIGHT, 0.8),
    line(left, bottom, right, bottom, 0.8),
    line(left, gridTop, left, bottom, 0.8),
    line(right, gridTop, right, bottom, 0.8),
  );
  return [
    titleBlock(
      college.calendar,
      part.of > 1 ? `Department ${dept.name} (${part.index} of ${part.of})` : `Department ${dept.name}`,
      `${part.of > 1 ? `groups ${part.first}\u2013${part.first + dept.groups.length - 1} of ${part.total}` : `${dept.groups.length} student groups`}` +
        `${example ? ` · course codes without the group's own id: ${example as string}` : ''}`,
    ),
    { canvas: shapes, absolutePosition: { x: 0, y: 0 } },
    ...texts,
  ];
}

/** Writes an A3 page per department (more for a department too big for readable rows); returns the page count. */
export async function writeDepartmentOverview(
  file: string,
  college: College,
  groups: readonly ViewEntity[],
  generated: string,
  creationDate: Date,
): Promise<number> {
  const frame = landscape('A3');
  const departments = departmentsOf(groups);
  const writer = new PdfStreamWriter(file, {
    title: `${college.calendar.institution} departments`.trim(),
    creationDate,
  });
  const maxRows = Math.floor((frame.height - TITLE_HEIGHT - HEADER_HEIGHT) / ROW_MIN);
  const pages = departments.flatMap((dept) => {
    const chunks = pageChunks(dept.groups, maxRows);
    let first = 1;
    return chunks.map((groups, i) => {
      const page = {
        dept: { name: dept.name, groups },
        part: { index: i + 1, of: chunks.length, first, total: dept.groups.length },
      };
      first += groups.length;
      return page;
    });
  });
  const total = Math.max(1, pages.length);
  try {
    for (const [i, page] of pages.entries()) {
      await writer.addPages(departmentPage(college, page.dept, page.part, writer.fit, writer.measure), {
        size: frame.size,
        margins: frame.margins,
        footer: footerFor(frame, generated, i + 1, total, 'Department overview'),
      });
    }
    if (departments.length === 0) {
      await writer.addPages([titleBlock(college.calendar, 'Departments', 'no student groups to show')], {
        size: frame.size,
        margins: frame.margins,
        footer: footerFor(frame, generated, 1, 1, 'Department overview'),
      });
    }
  } finally {
    await writer.close();
  }
  return writer.pages;
}
