// XLSX export, streamed: a sheet per view ("Groups", "Faculty", "Rooms") with every entity's week
// grid one below the other, a flat "Timetable" sheet whose course_id, session, day, period and
// room_id columns are the workbook's Fixed sheet (paste it as `Fixed` to pin the timetable), and an
// "Unplaced" sheet when some sessions have no slot yet.
import ExcelJS from 'exceljs';
import type { College } from '../../../shared/model/index.ts';
import { writeAtomically } from '../atomicWrite.ts';
import { FLAT_COLUMNS, flatRows } from '../flatRows.ts';
import type { ResolvedSession } from '../sessions.ts';
import type { ExportOptions } from '../types.ts';
import { selectedViews, viewEntities, VIEW_TITLES, type ViewEntity } from '../views.ts';

type Sheet = ExcelJS.Worksheet;

const TITLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

function cardText(s: ResolvedSession, faculty: ReadonlyMap<string, string>): string {
  return [
    `${s.courseId} ${s.courseName}`,
    s.faculty.map((id) => faculty.get(id) ?? id).join(', '),
    [s.roomId ?? '', s.groups.join(', ')].filter(Boolean).join(' · '),
  ].join('\n');
}

function writeEntityGrid(
  ws: Sheet,
  college: College,
  e: ViewEntity,
  faculty: ReadonlyMap<string, string>,
): void {
  const { periods } = college;
  const title = ws.addRow([
    `${VIEW_TITLES[e.view].one} ${e.id}`,
    [e.name, e.department].filter(Boolean).join(' · '),
  ]);
  title.font = { bold: true };
  title.eachCell((c) => (c.fill = TITLE_FILL));
  title.commit();
  const head = ws.addRow(['Day', ...periods.map((p) => `${p.label} ${p.start}-${p.end}`)]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEAD_FILL));
  head.commit();
  college.calendar.days.forEach((day, d) => {
    const cells: string[][] = periods.map(() => []);
    for (const s of e.sessions) {
      if (s.day !== d || s.period === null) continue;
      for (let k = 0; k < s.length && s.period + k < periods.length; k++) {
        cells[s.period + k].push(k === 0 ? cardText(s, faculty) : `(${s.courseId} continued)`);
      }
    }
    const row = ws.addRow([day, ...cells.map((c) => c.join('\n\n'))]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  const unplaced = e.sessions.filter((s) => s.day === null || s.period === null);
  if (unplaced.length > 0) {
    ws.addRow([`Not placed yet: ${unplaced.map((s) => `${s.courseId} #${s.session}`).join(', ')}`]).commit();
  }
  ws.addRow([]).commit();
}

export async function exportXlsx(
  college: College,
  sessions: readonly ResolvedSession[],
  opts: ExportOptions,
): Promise<{ sheets: number }> {
  const faculty = new Map(college.faculty.map((f) => [f.id, f.name]));
  let sheets = 0;
  await writeAtomically(opts.out, async (temp) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useStyles: true,
      useSharedStrings: false,
    });
    wb.creator = 'Slotwise';
    wb.created = opts.generatedAt ?? new Date();
    for (const view of selectedViews(opts.view)) {
      const entities = viewEntities(college, sessions, view, opts.only);
      if (opts.only && entities.length === 0) continue;
      const ws = wb.addWorksheet(VIEW_TITLES[view].many);
      ws.columns = [{ width: 8 }, ...college.periods.map(() => ({ width: 24 }))];
      for (const e of entities) writeEntityGrid(ws, college, e, faculty);
      ws.commit();
      sheets++;
    }
    const placed = sessions.filter((s) => s.day !== null && s.period !== null);
    const flat = wb.addWorksheet('Timetable', { views: [{ state: 'frozen', ySplit: 1 }] });
    flat.columns = FLAT_COLUMNS.map((c) => ({ header: c, key: c, width: c === 'course_name' ? 30 : 12 }));
    flat.getRow(1).font = { bold: true };
    for (const row of flatRows(college, placed)) flat.addRow(row).commit();
    flat.commit();
    sheets++;
    const unplaced = sessions.filter((s) => s.day === null || s.period === null);
    if (unplaced.length > 0) {
      const ws = wb.addWorksheet('Unplaced');
      ws.addRow(['course_id', 'session', 'course_name']).commit();
      for (const s of unplaced) ws.addRow([s.courseId, s.session, s.courseName]).commit();
      ws.commit();
      sheets++;
    }
    await wb.commit();
  });
  return { sheets };
}
