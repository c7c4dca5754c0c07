// The in-page half of bench:ui: a frame monitor (Long Tasks API + gaps between animation frames)
// and the measured interactions, each timed from the triggering event to the first frame that
// shows its result. Runs inside the page, so it is written against a small typed view of the DOM
// (the Node test config has no DOM library).
import type { Page } from 'playwright-core';

export interface Timed {
  median: number | null;
  max: number | null;
  /** The longest frame (long task or gap between animation frames) seen while measuring. */
  longestFrame: number | null;
  note?: string;
}

interface El {
  click(): void;
  focus(): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  closest(selector: string): El | null;
  textContent: string | null;
  value?: string;
  dispatchEvent(event: unknown): boolean;
}

interface PageGlobals {
  document: El & { body: El };
  requestAnimationFrame(cb: (t: number) => void): number;
  PerformanceObserver: new (cb: (list: { getEntries(): Array<{ duration: number }> }) => void) => {
    observe(opts: { type: string; buffered?: boolean }): void;
  };
  KeyboardEvent: new (type: string, init: object) => unknown;
  Event: new (type: string, init: object) => unknown;
  __bench: Bench;
}

interface Step {
  ms: number;
  frame: number;
  ok: boolean;
  /** For a drop: until the page says every change is saved. */
  savedMs?: number;
  note?: string;
}

interface Bench {
  entry(): Promise<Step>;
  leave(): Promise<Step>;
  pickUp(i: number): Promise<Step>;
  cancel(): Promise<Step>;
  drop(i: number): Promise<Step>;
  saved(): Promise<boolean>;
  swap(i: number): Promise<Step>;
  variants(): Promise<Step>;
  compare(from: string, to: string): Promise<Step>;
}

/** Installs window.__bench in the page: the frame monitor and the measured steps. */
export async function installFrameMonitor(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const doc = g.document;
    let longest = 0;
    let last = performance.now();
    const frame = (t: number): void => {
      longest = Math.max(longest, t - last);
      last = t;
      g.requestAnimationFrame(frame);
    };
    g.requestAnimationFrame(frame);
    new g.PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });

    const q = (s: string): El | null => doc.querySelector(s);
    const all = (s: string): El[] => Array.from(doc.querySelectorAll(s));
    const until = (cond: () => boolean, timeout = 60_000): Promise<boolean> =>
      new Promise((resolve) => {
        const end = performance.now() + timeout;
        const tick = (): void => {
          if (cond()) resolve(true);
          else if (performance.now() > end) resolve(false);
          else g.requestAnimationFrame(tick);
        };
        tick();
      });
    const timed = async (act: () => void, cond: () => boolean, note?: string): Promise<Step> => {
      // Start on a fresh frame so the gap before the action is not counted.
      await new Promise((r) => g.requestAnimationFrame(r));
      longest = 0;
      last = performance.now();
      const t0 = performance.now();
      act();
      const ok = await until(cond);
      const ms = performance.now() - t0;
      // One more frame, so a long task right after the result shows too.
      await new Promise((r) => g.requestAnimationFrame(r));
      return { ms, frame: longest, ok, note };
    };
    const nav = (label: string): El | undefined =>
      all('nav[aria-label="Screens"] button').find((b) => b.textContent?.trim() === label);
    const ready = (): boolean => q('.week-grid .card') !== null && q('[data-testid="hard-total"]') !== null;
    const marked = (): boolean => q('td.cell.allowed, td.cell.blocked') !== null;
    const cards = (): El[] => all('.week-grid td.cell .card[data-session]:not(.locked)');
    const escape = (): void => {
      doc.body.dispatchEvent(new g.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    };
    const slotOf = (card: El): string | null => card.closest('td.cell')?.getAttribute('data-slot') ?? null;
    const isSaved = (): boolean => q('[data-testid="save-state"]')?.textContent === 'All changes saved.';
    const at = (slot: string, session: string): boolean =>
      q(`td.cell[data-slot="${slot}"] .card[data-session="${session}"]`) !== null;

    g.__bench = {
      entry: () => timed(() => nav('Timetable')?.click(), ready),
      leave: () =>
        timed(
          () => nav('Data')?.click(),
          () => q('.week-grid') === null,
        ),
      pickUp: (i) => {
        const list = cards();
        const card = list[i % list.length];
        return timed(() => card.click(), marked);
      },
      cancel: () => timed(escape, () => !marked()),
      drop: async (i) => {
        const list = cards();
        const card = list[i % list.length];
        const session = card.getAttribute('data-session') ?? '';
        const from = slotOf(card);
        card.click();
        await until(marked);
        const target = all('td.cell.allowed').find((c) => c.getAttribute('data-slot') !== from);
        if (!target) {
          escape();
          return { ms: 0, frame: 0, ok: false, note: 'no allowed cell' };
        }
        const slot = target.getAttribute('data-slot') ?? '';
        const t0 = performance.now();
        const shown = await timed(
          () => target.click(),
          () => at(slot, session),
        );
        await until(isSaved);
        return { ...shown, savedMs: performance.now() - t0 };
      },
      saved: () => until(isSaved),
      // The Variants screen: every version's row with its KPIs filled in.
      variants: () =>
        timed(
          () => nav('Variants')?.click(),
          () => {
            const rows = all('table[aria-label="Timetable versions"] tbody tr');
            return (
              rows.length > 0 &&
              rows.every((r) => (r.querySelector('td:nth-child(6)')?.textContent ?? '') !== '')
            );
          },
        ),
      // On the Variants screen: compare two versions, until the count and the moved sessions' rows show.
      compare: async (from, to) => {
        const choose = (label: string, name: string): void => {
          const select = all('.compare-pick label')
            .find((l) => l.textContent?.includes(label))
            ?.querySelector('select');
          const option =
            select && Array.from(select.querySelectorAll('option')).find((o) => o.textContent === name);
          if (!select || !option) throw new Error(`no version ${name} to compare`);
          select.value = option.getAttribute('value') ?? '';
          select.dispatchEvent(new g.Event('change', { bubbles: true }));
        };
        choose('From', from);
        choose('To', to);
        await new Promise((r) => g.requestAnimationFrame(r));
        const button = all('.compare-pick button').find((b) => b.textContent?.trim() === 'Compare');
        const count = (): number => {
          const words = all('p').find((x) => / sessions moved from /.test(x.textContent ?? ''))?.textContent;
          return words ? Number(words.split(' ')[0]) : -1;
        };
        return timed(
          () => button?.click(),
          () =>
            count() === 0 ||
            (count() > 0 && all('table[aria-label="Moved sessions"] tbody tr td').length > 0),
        );
      },
      swap: async (i) => {
        const list = cards();
        for (let k = 0; k < list.length; k++) {
          const a = list[(i + k) % list.length];
          const sa = a.getAttribute('data-session') ?? '';
          const fromA = slotOf(a);
          if (fromA === null) continue;
          for (const b of cards()) {
            const fromB = slotOf(b);
            if (fromB === null || fromB === fromA) continue;
            a.click();
            await until(marked);
            const cell = q(`td.cell[data-slot="${fromB}"]`);
            // Only a refused move is a swap's case; an allowed one would just move.
            if (!cell || cell.getAttribute('class')?.includes('blocked') !== true) {
              escape();
              await until(() => !marked());
              continue;
            }
            const asked = await timed(
              () => cell.click(),
              () => q('[role="alertdialog"]') !== null,
            );
            const swap = all('[role="alertdialog"] button').find((x) =>
              x.textContent?.trim().startsWith('Swap'),
            );
            if (!swap) {
              all('[role="alertdialog"] button')
                .find((x) => x.textContent?.trim() === 'Cancel')
                ?.click();
              await until(() => q('[role="alertdialog"]') === null);
              continue;
            }
            // Both moved: a into b's cell, and a card that was in b's cell into a's.
            const before = new Set(
              all(`td.cell[data-slot="${fromB}"] .card`).map((x) => x.getAttribute('data-session')),
            );
            const done = await timed(
              () => swap.click(),
              () =>
                at(fromB, sa) &&
                all(`td.cell[data-slot="${fromA}"] .card`).some((x) =>
                  before.has(x.getAttribute('data-session')),
                ),
            );
            return { ms: asked.ms + done.ms, frame: Math.max(asked.frame, done.frame), ok: done.ok };
          }
        }
        return { ms: 0, frame: 0, ok: false, note: 'no legal swap offered in this view' };
      },
    };
  });
}

type StepName = 'entry' | 'leave' | 'pickUp' | 'cancel' | 'drop' | 'swap' | 'variants' | 'compare';

function step(page: Page, name: StepName, i = 0): Promise<Step> {
  return page.evaluate(
    ([n, k]) => {
      const b = (globalThis as unknown as PageGlobals).__bench;
      switch (n) {
        case 'pickUp':
          return b.pickUp(k);
        case 'drop':
          return b.drop(k);
        case 'swap':
          return b.swap(k);
        case 'entry':
          return b.entry();
        case 'leave':
          return b.leave();
        case 'cancel':
          return b.cancel();
        case 'variants':
          return b.variants();
        case 'compare':
          return b.compare('Planted', 'Shifted');
      }
    },
    [name, i] as [StepName, number],
  );
}

function saved(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.saved());
}

function summary(steps: Step[]): Timed {
  const ok = steps.filter((s) => s.ok);
  if (ok.length === 0)
    return { median: null, max: null, longestFrame: null, note: steps[0]?.note ?? 'failed' };
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
  return {
    median: ms[Math.floor(ms.length / 2)],
    max: ms[ms.length - 1],
    longestFrame: Math.max(...ok.map((s) => s.frame)),
  };
}

/**
 * Screen entry after the college changed (a re-import done by the caller while the screen was
 * left): the whole load again, nothing kept and nothing loaded ahead.
 */
export async function measureEntryAfterChange(page: Page, change: () => Promise<void>): Promise<Timed> {
  await step(page, 'leave');
  await change();
  return summary([await step(page, 'entry')]);
}

/** Runs every measured interaction `repeat` times (screen entry: the first visit once). */
export async function measureInPage(page: Page, repeat: number): Promise<Record<string, Timed>> {
  const first = await step(page, 'entry');
  if (!first.ok) throw new Error('the Timetable screen did not show a grid within 60 s');
  const returns: Step[] = [];
  for (let i = 0; i < repeat; i++) {
    await step(page, 'leave');
    returns.push(await step(page, 'entry'));
  }
  const picks: Step[] = [];
  for (let i = 0; i < repeat; i++) {
    picks.push(await step(page, 'pickUp', i * 3));
    await step(page, 'cancel');
  }
  const drops: Step[] = [];
  for (let i = 0; i < repeat; i++) drops.push(await step(page, 'drop', i * 5 + 1));
  const swaps: Step[] = [];
  for (let i = 0; i < repeat; i++) {
    swaps.push(await step(page, 'swap', i * 7 + 2));
    await saved(page);
  }
  // Every visit of the Variants screen loads its list and KPIs again.
  const variants: Step[] = [];
  const compares: Step[] = [];
  for (let i = 0; i < repeat; i++) {
    variants.push(await step(page, 'variants'));
    compares.push(await step(page, 'compare'));
    await step(page, 'leave');
  }
  const firstSave = drops.slice(0, 1).map((d) => ({ ...d, ms: d.savedMs ?? d.ms }));
  return {
    'screen entry (first)': summary([first]),
    'screen entry (return)': summary(returns),
    'pick-up': summary(picks),
    drop: summary(drops),
    'drop until saved': summary(drops.map((d) => ({ ...d, ms: d.savedMs ?? d.ms }))),
    'first save': summary(firstSave),
    swap: summary(swaps),
    'variants screen': summary(variants),
    'compare versions': summary(compares),
  };
}
