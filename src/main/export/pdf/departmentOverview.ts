// "All groups of a department on one sheet": an A3-landscape page per department with one row per
// student group and one column per teaching slot, each cell naming the course(s) the group has then.
import type { College } from '../../../shared/model/index.ts';
import type { ViewEntity } from '../views.ts';
import { fit, footerFor, landscape, titleBlock } from './pageParts.ts';
import { PdfStreamWriter, type PdfNode } from './PdfStreamWriter.ts';

const GROUP_WIDTH = 70;

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

function departmentPage(college: College, dept: Department, pageBreak: boolean): PdfNode[] {
  const frame = landscape('A3');
  const { days } = college.calendar;
  const nP = college.periods.length;
  const slots = days.length * nP;
  const slotWidth = (frame.width - GROUP_WIDTH - 8 - slots * 3 - 2) / slots;
  const fontSize = Math.max(4, Math.min(7, slotWidth / 4));
  const rowsFit = Math.floor((frame.height - 90) / (fontSize * 1.2 + 3));
  const cellFont =
    rowsFit >= dept.groups.length ? fontSize : Math.max(3.5, fontSize * (rowsFit / dept.groups.length));

  const dayRow: PdfNode[] = [{ text: 'Group', bold: true, rowSpan: 2 }];
  const periodRow: PdfNode[] = [{}];
  days.forEach((day) => {
    dayRow.push({ text: day, bold: true, colSpan: nP, alignment: 'center', fillColor: '#f2f2f2' });
    for (let p = 1; p < nP; p++) dayRow.push({});
    college.periods.forEach((p) => periodRow.push({ text: p.label, fontSize: 6, alignment: 'center' }));
  });
  const rows = dept.groups.map((g): PdfNode[] => {
    const cells: string[][] = Array.from({ length: slots }, () => []);
    for (const s of g.sessions) {
      if (s.day === null || s.period === null) continue;
      for (let k = 0; k < s.length && s.period + k < nP; k++)
        cells[s.day * nP + s.period + k].push(s.courseId);
    }
    return [
      { text: fit(g.id, GROUP_WIDTH, 7), bold: true, fontSize: 7, noWrap: true },
      ...cells.map((c, i): PdfNode => ({
        text: fit(c.join('/'), slotWidth, cellFont),
        fontSize: cellFont,
        noWrap: true,
        fillColor: Math.floor(i / nP) % 2 === 0 ? undefined : '#fafafa',
      })),
    ];
  });
  return [
    {
      ...(titleBlock(
        college.calendar,
        `Department ${dept.name}`,
        `${dept.groups.length} student groups`,
      ) as object),
      ...(pageBreak ? { pageBreak: 'before' } : {}),
    },
    {
      table: {
        headerRows: 2,
        widths: [GROUP_WIDTH, ...Array.from({ length: slots }, () => slotWidth)],
        body: [dayRow, periodRow, ...rows],
      },
      layout: {
        hLineWidth: () => 0.4,
        vLineWidth: (i: number) => ((i - 1) % nP === 0 ? 1 : 0.3),
        hLineColor: () => '#9a9a9a',
        vLineColor: () => '#9a9a9a',
        paddingLeft: () => 1.5,
        paddingRight: () => 1.5,
        paddingTop: () => 1,
        paddingBottom: () => 1,
      },
    },
  ];
}

/** Writes one page per department (more when a department has too many groups for one); returns pages. */
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
  try {
    for (const [i, dept] of departments.entries()) {
      await writer.addPages(departmentPage(college, dept, false), {
        size: frame.size,
        margins: frame.margins,
        footer: footerFor(
          frame,
          generated,
          writer.pages + 1,
          null,
          `Department overview ${i + 1}/${departments.length}`,
        ),
      });
    }
    if (departments.length === 0) {
      await writer.addPages([titleBlock(college.calendar, 'Departments', 'no student groups to show')], {
        size: frame.size,
        margins: frame.margins,
        footer: footerFor(frame, generated, 1, null, 'Department overview'),
      });
    }
  } finally {
    await writer.close();
  }
  return writer.pages;
}
