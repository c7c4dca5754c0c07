// A FET file as a small element tree, read with the streaming XML parser saxes. Every element
// keeps the line and column where it starts, so that any problem found later can be located.
// A file that is not well-formed XML fails with FetXmlError carrying the parser's line/column.
import { gunzipSync } from 'node:zlib';
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  line: number;
  column: number;
  children: XmlElement[];
  text: string;
  attributes: Record<string, string>;
}

export class FetXmlError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, line?: number, column?: number) {
    super(message);
    this.name = 'FetXmlError';
    this.line = line;
    this.column = column;
  }
}

/** The largest inflated size of a .fet.gz we read (real files are a few MB). */
export const FET_MAX_BYTES = 256 * 1024 * 1024;

/** The text of a .fet file, or of a .fet.gz after inflating it (bounded by FET_MAX_BYTES). */
export function fetText(bytes: Buffer, gzipped: boolean): string {
  let data = bytes;
  if (gzipped || (bytes[0] === 0x1f && bytes[1] === 0x8b)) {
    try {
      data = gunzipSync(bytes, { maxOutputLength: FET_MAX_BYTES });
    } catch (error) {
      throw new FetXmlError(`The file is not a readable gzip archive: ${(error as Error).message}`);
    }
  }
  const text = data.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses XML text into its root element; throws FetXmlError (with line and column) when malformed. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let failure: FetXmlError | null = null;
  parser.on('error', (err) => {
    failure ??= new FetXmlError(err.message.replace(/^\d+:\d+: /, ''), parser.line, parser.column);
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      line: parser.line,
      column: parser.column,
      children: [],
      text: '',
      attributes: { ...(tag.attributes as Record<string, string>) },
    };
    if (stack.length) stack[stack.length - 1].children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('cdata', (t) => {
    if (stack.length) stack[stack.length - 1].text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= new FetXmlError((err as Error).message, parser.line, parser.column);
  }
  if (failure) throw failure;
  if (!root) throw new FetXmlError('The file holds no XML element', 1, 1);
  return root;
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** The trimmed text of the first child `name`, or undefined when absent. */
export function textOf(el: XmlElement, name: string): string | undefined {
  const c = child(el, name);
  return c === undefined ? undefined : c.text.trim();
}

export function textsOf(el: XmlElement, name: string): string[] {
  return childrenNamed(el, name).map((c) => c.text.trim());
}

/** A child's text as a finite number; undefined when the child is missing, empty or not a number. */
export function numberOf(el: XmlElement, name: string): number | undefined {
  const t = textOf(el, name);
  if (t === undefined || t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
