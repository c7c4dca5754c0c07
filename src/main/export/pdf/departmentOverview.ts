// "All groups of a department on one sheet": an A3-landscape page per department with one row per
// student group and one column per teaching slot, each cell naming the course(s) the group has then.
// Drawn as vectors + placed text and scaled to the page, so a department always fits one sheet.
import type { College } from '../../../shared/model/index.ts';
import type { ViewEntity } from '../views.ts';
import { footerFor, landscape, titleBlock } from './pageParts.ts';
import { PdfStreamWriter, type FitText, type PdfNode } from './PdfStreamWriter.ts';

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

function departmentPage(college: College, dept: Department, fit: FitText): PdfNode[] {
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
  const font = Math.max(2.5, Math.min(7, rowHeight * 0.7, slotWidth / 3.2));
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
    const cells: string[][] = Array.from({ length: slots }, () => []);
    for (const s of g.sessions) {
      if (s.day === null || s.period === null) continue;
      for (let k = 0; k < s.length && s.period + k < nP; k++)
        cells[s.day * nP + s.period + k].push(s.courseId);
    }
    const textY = y + Math.max(0, (rowHeight - font * 1.15) / 2);
    texts.push(
      at(left + 2, textY, { text: fit(g.id, GROUP_WIDTH - 4, font, true), bold: true, fontSize: font }),
    );
    cells.forEach((c, i) => {
      if (c.length > 0)
        texts.push(at(slotX(i) + 1, textY, { text: fit(c.join('/'), slotWidth - 2, font), fontSize: font }));
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
    titleBlock(college.calendar, `Department ${dept.name}`, `${dept.groups.length} student groups`),
    { canvas: shapes, absolutePosition: { x: 0, y: 0 } },
    ...texts,
  ];
}

/** Writes one A3 page per department; returns the page count. */
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
  const total = Math.max(1, departments.length);
  try {
    for (const [i, dept] of departments.entries()) {
      await writer.addPages(departmentPage(college, dept, writer.fit), {
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
