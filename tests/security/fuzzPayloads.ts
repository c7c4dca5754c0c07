// Malformed IPC payloads from a seeded PRNG: wrong types, extra and prototype-polluting keys, huge
// strings, bad numbers, deep nesting and structured-clone oddities, as a hostile renderer could send.

/** mulberry32: a tiny deterministic PRNG, so a failing seed reproduces. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const HUGE = 'x'.repeat(2_000_000);
const BAD_NUMBERS = [
  -1,
  -0,
  0,
  0.5,
  -7.25,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53),
  1e308,
];
const BAD_STRINGS = [
  '',
  HUGE,
  '../'.repeat(50) + 'etc/passwd',
  '\u0000',
  '%00',
  '<script>alert(1)</script>',
  "'; DROP TABLE rooms; --",
  '\ud800',
];
export const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  'toString',
  'valueOf',
];

/** An object literal with `key` as an own property, even for `__proto__` (as JSON.parse makes it). */
function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Any value at all, biased to the nasty ones. */
export function junk(rand: Rand, depth = 0): unknown {
  const kind = Math.floor(rand() * 16);
  switch (kind) {
    case 0:
      return undefined;
    case 1:
      return null;
    case 2:
      return rand() < 0.5;
    case 3:
    case 4:
      return pick(rand, BAD_NUMBERS);
    case 5:
    case 6:
      return pick(rand, BAD_STRINGS);
    case 7:
      return BigInt(Math.floor(rand() * 1e9)) * 10n ** 30n;
    case 8:
      return new Date(rand() < 0.5 ? NaN : 0);
    case 9:
      return new Map([['path', '/tmp/x']]);
    case 10:
      return new Uint8Array(16);
    case 11:
      return deep(5000, 'x', rand() < 0.5);
    case 12:
      return JSON.parse(`{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`);
    case 13:
      return depth > 2 ? [] : Array.from({ length: 1 + Math.floor(rand() * 4) }, () => junk(rand, depth + 1));
    case 14: {
      const o = Object.create(null) as Record<string, unknown>;
      o['path'] = '/tmp/x';
      return o;
    }
    default:
      return depth > 2 ? {} : withOwn({}, pick(rand, POLLUTING_KEYS), junk(rand, depth + 1));
  }
}

/** A mutation of a valid request: most are malformed, a few may stay valid by chance. */
export function mutate(rand: Rand, valid: unknown): unknown {
  const base = valid && typeof valid === 'object' ? (valid as Record<string, unknown>) : null;
  const keys = base ? Object.keys(base) : [];
  const strategy = Math.floor(rand() * 9);
  if (!base || strategy === 0) return junk(rand);
  const key = keys.length ? pick(rand, keys) : 'x';
  switch (strategy) {
    case 1:
      return { ...base, [key]: junk(rand) };
    case 2:
      return withOwn(base, pick(rand, POLLUTING_KEYS), junk(rand));
    case 3:
      return { ...base, [`extra${Math.floor(rand() * 1000)}`]: junk(rand) };
    case 4: {
      const copy = { ...base };
      delete copy[key];
      return copy;
    }
    case 5:
      return { ...base, [key]: pick(rand, BAD_NUMBERS) };
    case 6:
      return { ...base, [key]: pick(rand, BAD_STRINGS) };
    case 7:
      return { ...base, [key]: deep(5000, base[key], rand() < 0.5) };
    default:
      return [base];
  }
}
