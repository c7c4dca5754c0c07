// Streams a long PDF to disk with pdfmake's layout engine, a batch of pages at a time. pdfmake's
// `createPdf` lays out the whole document before writing any of it (memory grows with the page count);
// here each batch is laid out and rendered into one shared pdfkit document that is piped to the file,
// so finished pages leave memory and a 2000+ page booklet stays small. The font is Roboto as shipped
// in the pdfmake package (Latin, Latin Extended and Vietnamese: "Nguyễn", "Śrīnivās", "Müller").
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { finished } from 'node:stream/promises';

const require = createRequire(import.meta.url);

/** A pdfmake document-definition node (see pdfmake's docs: text, stack, table, columns, ...). */
export type PdfNode = string | { [key: string]: unknown };
export type PageFooter = (pageInBatch: number, pagesInBatch: number) => PdfNode;

interface PageSize {
  width: number;
  height: number;
  orientation: string;
}
interface PdfKitDocument extends NodeJS.ReadableStream {
  end(): void;
  provideFont(
    family: string,
    bold: boolean,
    italics: boolean,
  ): { widthOfString(text: string, size: number): number };
}

/** `text` cut with an ellipsis so that it fits `width` points at `fontSize` (measured with the real font). */
export type FitText = (text: string, width: number, fontSize: number, bold?: boolean) => string;
/** The width in points of `text` at `fontSize`. */
export type TextMeasure = (text: string, fontSize: number, bold?: boolean) => number;
type PdfKitCtor = new (
  fonts: Record<string, Record<string, string>>,
  images: object,
  patterns: object,
  attachments: object,
  options: object,
  virtualfs: null,
  localAccessPolicy: (path: string) => boolean,
) => PdfKitDocument;
interface LayoutBuilder {
  registerTableLayouts(layouts: object): void;
  layoutDocument(
    content: PdfNode[],
    doc: PdfKitDocument,
    styles: object,
    defaultStyle: object,
    background: undefined,
    header: undefined,
    footer: PageFooter,
  ): unknown[];
}
type LayoutBuilderCtor = new (size: PageSize, margins: object, svgMeasure: object) => LayoutBuilder;
type RendererCtor = new (doc: PdfKitDocument) => { renderPages(pages: unknown[]): void };

const engine = {
  PDFDocument: (require('pdfmake/js/PDFDocument.js') as { default: PdfKitCtor }).default,
  LayoutBuilder: (require('pdfmake/js/LayoutBuilder.js') as { default: LayoutBuilderCtor }).default,
  Renderer: (require('pdfmake/js/Renderer.js') as { default: RendererCtor }).default,
  SVGMeasure: (require('pdfmake/js/SVGMeasure.js') as { default: new () => object }).default,
  tableLayouts: (require('pdfmake/js/tableLayouts.js') as { tableLayouts: object }).tableLayouts,
  pageSize: require('pdfmake/js/PageSize.js') as {
    normalizePageSize(size: string, orientation: string): PageSize;
    normalizePageMargin(margins: number[]): object;
  },
};

function robotoFiles(): Record<string, string> {
  const file = (name: string) => require.resolve(`pdfmake/build/fonts/Roboto/Roboto-${name}.ttf`);
  return {
    normal: file('Regular'),
    bold: file('Medium'),
    italics: file('Italic'),
    bolditalics: file('MediumItalic'),
  };
}

export interface PdfDocumentInfo {
  title: string;
  subject?: string;
  creationDate: Date;
}

export class PdfStreamWriter {
  private readonly doc: PdfKitDocument;
  private readonly done: Promise<void>;
  private readonly fontFiles: ReadonlySet<string>;
  pages = 0;

  constructor(file: string, info: PdfDocumentInfo) {
    const fonts = { Roboto: robotoFiles() };
    this.fontFiles = new Set(Object.values(fonts.Roboto));
    this.doc = new engine.PDFDocument(
      fonts,
      {},
      {},
      {},
      {
        pdfVersion: '1.4',
        compress: true,
        autoFirstPage: false,
        bufferPages: false,
        fontLayoutCache: true,
        info: {
          Title: info.title,
          Subject: info.subject ?? '',
          Creator: 'Slotwise',
          Producer: 'Slotwise',
          CreationDate: info.creationDate,
        },
        font: null,
      },
      null,
      (path) => this.fontFiles.has(path),
    );
    const out = createWriteStream(file);
    this.doc.pipe(out);
    this.done = finished(out);
    // Reported by close(); marked handled here so that an early write error cannot crash the process.
    this.done.catch(() => undefined);
  }

  /** The width of `text` in points at `fontSize` (the embedded font's real metrics). */
  readonly measure: TextMeasure = (text, fontSize, bold = false) =>
    this.doc.provideFont('Roboto', bold, false).widthOfString(text, fontSize);

  readonly fit: FitText = (text, width, fontSize, bold = false) => {
    const font = this.doc.provideFont('Roboto', bold, false);
    if (font.widthOfString(text, fontSize) <= width) return text;
    let lo = 0;
    let hi = text.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (font.widthOfString(`${text.slice(0, mid)}…`, fontSize) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${text.slice(0, lo).trimEnd()}…`;
  };

  /** Lays out `content` (which must fill whole pages) and writes its pages; returns how many. */
  async addPages(
    content: PdfNode[],
    page: { size: 'A4' | 'A3'; margins: [number, number, number, number]; footer: PageFooter },
  ): Promise<number> {
    const size = engine.pageSize.normalizePageSize(page.size, 'landscape');
    const builder = new engine.LayoutBuilder(
      size,
      engine.pageSize.normalizePageMargin(page.margins),
      new engine.SVGMeasure(),
    );
    builder.registerTableLayouts(engine.tableLayouts);
    const pages = builder.layoutDocument(
      content,
      this.doc,
      {},
      { font: 'Roboto', fontSize: 8 },
      undefined,
      undefined,
      page.footer,
    );
    new engine.Renderer(this.doc).renderPages(pages);
    this.pages += pages.length;
    // Let the file stream take what was rendered before laying out the next batch.
    await new Promise((resolve) => setImmediate(resolve));
    return pages.length;
  }

  async close(): Promise<void> {
    this.doc.end();
    await this.done;
  }
}
