// Whitespace-separated tokens with their line numbers, read one at a time with located errors.

/** The largest whole number any field of an instance may hold (as a workbook's numbers). */
export const MAX_TOKEN_INT = 1_000_000_000;

export interface Token {
  text: string;
  line: number;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    for (const t of lines[i].split(/[ \t\f\v]+/)) if (t !== '') out.push({ text: t, line: i + 1 });
  }
  return out;
}

export class TokenReader {
  private pos = 0;
  private readonly tokens: Token[];
  readonly file: string;

  constructor(text: string, file: string) {
    this.tokens = tokenize(text);
    this.file = file;
  }

  /** An Error naming the file and the line of the current (or last) token. */
  error(message: string, token?: Token): Error {
    const t = token ?? this.tokens[Math.min(this.pos, this.tokens.length - 1)];
    return new Error(`${this.file}${t ? `:${t.line}` : ''}: ${message}`);
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  next(what: string): Token {
    const t = this.tokens[this.pos];
    if (!t) throw this.error(`the file ends where ${what} was expected`);
    this.pos++;
    return t;
  }

  /** A whole number from min to max (by default at most MAX_TOKEN_INT). */
  int(what: string, min = 0, max = MAX_TOKEN_INT): number {
    const t = this.next(what);
    if (!/^\d+$/.test(t.text) || Number(t.text) < min) {
      throw this.error(
        `${what} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, found "${t.text}"`,
        t,
      );
    }
    const value = Number(t.text);
    if (value > max) {
      throw this.error(`${what} is ${t.text}, more than the ${max.toLocaleString('en')} allowed`, t);
    }
    return value;
  }

  /** The exact keyword (case-insensitive). */
  expect(keyword: string): Token {
    const t = this.next(`"${keyword}"`);
    if (t.text.toLowerCase() !== keyword.toLowerCase()) {
      throw this.error(`expected "${keyword}", found "${t.text}"`, t);
    }
    return t;
  }
}
