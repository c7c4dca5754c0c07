// Pieces every PDF page shares: page geometry, the title block, the footer ("generated on", page
// numbers), card colours and text fitting.
import type { Calendar } from '../../../shared/model/index.ts';
import type { PageFooter, PdfNode } from './PdfStreamWriter.ts';

export interface PageFrame {
  size: 'A4' | 'A3';
  margins: [number, number, number, number];
  /** Content area inside the margins, in points. */
  width: number;
  height: number;
}

export function landscape(size: 'A4' | 'A3'): PageFrame {
  const [w, h] = size === 'A4' ? [841.89, 595.28] : [1190.55, 841.89];
  const margins: [number, number, number, number] = [24, 20, 24, 28];
  return { size, margins, width: w - margins[0] - margins[2], height: h - margins[1] - margins[3] };
}

const PALETTE = [
  '#e3f2fd',
  '#e8f5e9',
  '#fff3e0',
  '#f3e5f5',
  '#e0f7fa',
  '#fce4ec',
  '#f1f8e9',
  '#ede7f6',
  '#fffde7',
];

/** A light fill per course, stable across pages and exports. */
export function cardColor(courseId: string): string {
  let h = 0;
  for (let i = 0; i < courseId.length; i++) h = (h * 31 + courseId.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length];
}

export function termText(calendar: Calendar): string {
  return calendar.termStart && calendar.termEnd
    ? `Term ${calendar.termStart} to ${calendar.termEnd}`
    : 'Weekly timetable';
}

export function generatedText(at: Date, timezone: string | undefined): string {
  const zone = timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `Generated on ${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} (${zone})`;
}

/** Title block: institution and term on one line, then the page's heading. */
export function titleBlock(
  calendar: Calendar,
  heading: string,
  subheading: string,
  anchor?: { id: string; outline: string },
): PdfNode {
  return {
    stack: [
      {
        columns: [
          { text: calendar.institution || ' ', bold: true, fontSize: 9 },
          { text: termText(calendar), fontSize: 9, alignment: 'right', color: '#444444' },
        ],
      },
      {
        text: [
          { text: heading, bold: true, fontSize: 14 },
          { text: subheading ? `   ${subheading}` : '', fontSize: 9, color: '#444444' },
        ],
        margin: [0, 2, 0, 4],
        noWrap: true,
        ...(anchor ? { id: anchor.id, outline: true, outlineText: anchor.outline } : {}),
      },
    ],
  };
}

/** Footer for a batch of pages whose first page is page `firstPage` (1-based) of `totalPages` (null = unknown). */
export function footerFor(
  frame: PageFrame,
  generated: string,
  firstPage: number,
  totalPages: number | null,
  label: string,
): PageFooter {
  return (pageInBatch) => ({
    columns: [
      { text: `${label} · ${generated}`, fontSize: 7, color: '#555555' },
      {
        text: `Page ${firstPage + pageInBatch - 1}${totalPages === null ? '' : ` of ${totalPages}`}`,
        fontSize: 7,
        alignment: 'right',
        color: '#555555',
      },
    ],
    margin: [frame.margins[0], 8, frame.margins[2], 0],
  });
}
