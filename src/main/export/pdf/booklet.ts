// A view's booklet: contents page(s) listing every entity with its page number (linked), then one
// week-grid page per entity. Pages are written in batches so memory stays flat however many entities.
import type { College } from '../../../shared/model/index.ts';
import { VIEW_TITLES, type ViewEntity } from '../views.ts';
import type { ExportView } from '../types.ts';
import { footerFor, landscape, titleBlock } from './pageParts.ts';
import { PdfStreamWriter, type FitText, type PdfNode } from './PdfStreamWriter.ts';
import { weekGridPage, type GridNames } from './weekGrid.ts';

export const CONTENTS_ROWS_PER_PAGE = 30;
const BATCH = 40;

export function contentsPageCount(entities: number): number {
  return Math.max(1, Math.ceil(entities / CONTENTS_ROWS_PER_PAGE));
}

function contentsPages(
  college: College,
  view: ExportView,
  entities: readonly ViewEntity[],
  first: number,
  fit: FitText,
): PdfNode[] {
  const frame = landscape('A4');
  const titles = VIEW_TITLES[view];
  const pages = contentsPageCount(entities.length);
  const out: PdfNode[] = [];
  for (let p = 0; p < pages; p++) {
    const slice = entities.slice(p * CONTENTS_ROWS_PER_PAGE, (p + 1) * CONTENTS_ROWS_PER_PAGE);
    const rows: PdfNode[][] = slice.map((e, i) => {
      const link = { linkToDestination: `${view}:${e.id}` };
      return [
        { text: String(first + p * CONTENTS_ROWS_PER_PAGE + i), alignment: 'right', ...link },
        { text: fit(e.id, 150, 8), ...link, color: '#0b5394', noWrap: true },
        { text: fit(e.name, 330, 8), noWrap: true },
        { text: fit(e.department, 150, 8), noWrap: true },
        { text: String(e.sessions.length), alignment: 'right' },
      ];
    });
    const heading = pages > 1 ? `Contents (${p + 1}/${pages})` : 'Contents';
    out.push({
      ...(titleBlock(college.calendar, `${titles.many}: ${heading}`, '') as object),
      ...(p > 0 ? { pageBreak: 'before' } : {}),
    });
    out.push(
      slice.length === 0
        ? { text: `No ${titles.many.toLowerCase()} to show.`, italics: true }
        : {
            table: {
              headerRows: 1,
              widths: [40, 150, 330, 150, 50],
              body: [
                ['Page', 'Id', 'Name', view === 'room' ? 'Building' : 'Department', 'Sessions'].map((t) => ({
                  text: t,
                  bold: true,
                })),
                ...rows,
              ],
            },
            layout: 'lightHorizontalLines',
            width: frame.width,
          },
    );
  }
  return out;
}

/** Writes the booklet of `entities` to `file`; returns the page count. */
export async function writeBooklet(
  file: string,
  college: College,
  view: ExportView,
  entities: readonly ViewEntity[],
  names: GridNames,
  generated: string,
  creationDate: Date,
): Promise<number> {
  const frame = landscape('A4');
  const titles = VIEW_TITLES[view];
  const nContents = contentsPageCount(entities.length);
  const total = nContents + entities.length;
  const writer = new PdfStreamWriter(file, {
    title: `${college.calendar.institution} ${titles.many} timetables`.trim(),
    creationDate,
  });
  try {
    await writer.addPages(contentsPages(college, view, entities, nContents + 1, writer.fit), {
      size: frame.size,
      margins: frame.margins,
      footer: footerFor(frame, generated, 1, total, titles.many),
    });
    for (let start = 0; start < entities.length; start += BATCH) {
      const content = entities.slice(start, start + BATCH).flatMap((e, i) => {
        const sub = [e.name, e.department, `${e.sessions.length} sessions`].filter(Boolean).join(' · ');
        const title = titleBlock(college.calendar, `${titles.one} ${e.id}`, sub, {
          id: `${view}:${e.id}`,
          outline: `${e.id} ${e.name}`,
        });
        return weekGridPage(college, e, names, frame, { title, pageBreak: i > 0, fit: writer.fit });
      });
      await writer.addPages(content, {
        size: frame.size,
        margins: frame.margins,
        footer: footerFor(frame, generated, nContents + start + 1, total, `${titles.one} timetables`),
      });
    }
  } finally {
    await writer.close();
  }
  return writer.pages;
}
