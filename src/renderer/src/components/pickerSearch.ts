// Finding an item of a long list (931 groups, 2,393 faculty) by typing part of its id or name:
// case- and accent-insensitive ("srinivas" finds Śrīnivās), best matches first (the id itself,
// then an id or name starting with the text, then a word starting with it, then anywhere).
export interface PickerItem {
  /** Shown in the field and the list, e.g. "Dr. Aditi Chatterjee (FCSE001)". */
  label: string;
  /** A second, quieter line: department, size, type. */
  detail?: string;
  /** The id, matched first. */
  id: string;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const folded = new WeakMap<readonly PickerItem[], Array<{ id: string; text: string }>>();

function foldedOf(items: readonly PickerItem[]): Array<{ id: string; text: string }> {
  let f = folded.get(items);
  if (!f) {
    f = items.map((it) => ({ id: fold(it.id), text: fold(`${it.id} ${it.label} ${it.detail ?? ''}`) }));
    folded.set(items, f);
  }
  return f;
}

function rank(id: string, text: string, q: string): number {
  if (id === q) return 0;
  if (id.startsWith(q)) return 1;
  if (text.startsWith(q)) return 2;
  const at = text.indexOf(q);
  if (at < 0) return -1;
  return /[\s(.,·-]/.test(text[at - 1] ?? ' ') ? 3 : 4;
}

/** Indices of the items matching `query` (every word of it), best first, at most `limit`; total matches. */
export function searchItems(
  items: readonly PickerItem[],
  query: string,
  limit: number,
): { indices: number[]; total: number } {
  const words = fold(query).trim().split(/\s+/).filter(Boolean);
  const f = foldedOf(items);
  if (words.length === 0) return { indices: f.slice(0, limit).map((_, i) => i), total: f.length };
  const hits: Array<[number, number]> = [];
  f.forEach(({ id, text }, i) => {
    let score = 0;
    for (const w of words) {
      const r = rank(id, text, w);
      if (r < 0) return;
      score += r;
    }
    hits.push([score, i]);
  });
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { indices: hits.slice(0, limit).map(([, i]) => i), total: hits.length };
}
