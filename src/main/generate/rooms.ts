// Rooms sized from the demand of each room type (so labs run at a realistic, tight utilisation),
// home classrooms of sections, and the "only these labs" lists of some laboratory subjects.
import type { Draft, Offering } from './draft.ts';

function blockLength(d: Draft, block: number): number {
  return d.blockOf.filter((b) => b === block).length;
}

export function buildRooms(d: Draft): void {
  const { rng, preset } = d;
  const demand = new Map<
    string,
    { periods: number; long: number; blocks: number; maxSize: number; dept: string }
  >();
  for (const off of d.offerings) {
    const e = demand.get(off.roomType) ?? { periods: 0, long: 0, blocks: 0, maxSize: 0, dept: off.dept };
    e.periods += off.sessions * off.length;
    if (off.length >= 2) e.blocks += off.sessions;
    if (off.length >= 3) e.long += off.sessions;
    e.maxSize = Math.max(e.maxSize, off.size);
    demand.set(off.roomType, e);
  }
  const nBlocks = Math.max(...d.blockOf) + 1;
  let longBlocks = 0;
  for (let b = 0; b < nBlocks; b++) if (blockLength(d, b) >= 3) longBlocks++;
  const types = [...demand.keys()].sort();
  for (const type of types) {
    const e = demand.get(type)!;
    const util = type === 'lecture' ? preset.lectureUtilisation : preset.labUtilisation;
    // Room-days needed: each multi-period session takes a block of adjacent periods, 3-period ones a long block.
    const roomDays = Math.max(
      e.periods / d.nPeriods,
      e.blocks / nBlocks,
      longBlocks > 0 ? e.long / longBlocks : 0,
    );
    const n = Math.max(1, Math.ceil(roomDays / (d.days.length * util)));
    for (let k = 1; k <= n; k++) {
      if (type === 'lecture') {
        const small = rng.chance(0.12);
        const cap = small ? rng.pick([36, 40, 48]) : rng.pick([72, 72, 75, 80, 80, 90, 120]);
        const block = 1 + Math.floor((k - 1) / 40);
        const within = (k - 1) % 40;
        const num = `${1 + Math.floor(within / 10)}${String((within % 10) + 1).padStart(2, '0')}`;
        addRoom(
          d,
          `AB${block}-${num}`,
          `Academic Block ${block} room ${num}`,
          cap,
          type,
          `Academic Block ${block}`,
        );
      } else if (type === 'tutorial') {
        addRoom(d, `TR-${k}`, `Tutorial room ${k}`, rng.pick([36, 40]), type, 'Academic Block 1');
      } else {
        const cap = Math.max(e.maxSize, type === 'drawing_hall' ? rng.pick([40, 48]) : rng.pick([36, 40]));
        const prefix = type.replace(/_.*$/, '').toUpperCase();
        addRoom(d, `${prefix}-L${k}`, `${labelOf(type)} ${k}`, cap, type, `${e.dept} Block`);
      }
    }
  }
  ensureCapacity(d);
}

/** `cs_lab` -> `CS Lab`, `drawing_hall` -> `Drawing Hall`: short first words are department codes. */
export function labelOf(type: string): string {
  return type
    .split('_')
    .map((w, i) => (i === 0 && w.length <= 3 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

export function addRoom(
  d: Draft,
  id: string,
  name: string,
  capacity: number,
  type: string,
  building: string,
): number {
  d.rooms.push({ id, name, capacity, type, building });
  return d.rooms.length - 1;
}

/** Every offering must have at least one room of its type big enough. */
function ensureCapacity(d: Draft): void {
  for (const off of d.offerings) {
    if (d.rooms.some((r) => r.type === off.roomType && r.capacity >= off.size)) continue;
    const largest = d.rooms.filter((r) => r.type === off.roomType).sort((a, b) => b.capacity - a.capacity)[0];
    if (largest) largest.capacity = Math.max(largest.capacity, off.size);
  }
}

/** Each section's theory courses prefer one home classroom. */
export function assignHomeRooms(d: Draft): void {
  const lecture = d.rooms.map((r, i) => ({ r, i })).filter(({ r }) => r.type === 'lecture');
  const home = new Map<string, number>();
  let next = 0;
  for (const g of d.groups) {
    if (g.parent) continue;
    for (let t = 0; t < lecture.length; t++) {
      const cand = lecture[(next + t) % lecture.length];
      if (cand.r.capacity >= g.size && cand.r.capacity <= g.size * 2) {
        home.set(g.id, cand.i);
        next = (next + t + 1) % lecture.length;
        break;
      }
    }
  }
  for (const off of d.offerings)
    if ((off.kind === 'theory' || off.kind === 'prelab') && off.groups.length === 1)
      off.homeRoom = home.get(off.groups[0]) ?? -1;
}

/** Some lab subjects may use only a few named rooms of their type (enough for their load). */
export function restrictLabRooms(d: Draft): void {
  const bySubject = new Map<string, Offering[]>();
  for (const off of d.offerings) {
    if (off.kind !== 'lab') continue;
    const list = bySubject.get(off.subject) ?? [];
    list.push(off);
    bySubject.set(off.subject, list);
  }
  for (const [, list] of [...bySubject.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!d.rng.chance(0.5)) continue;
    const type = list[0].roomType;
    const maxSize = Math.max(...list.map((o) => o.size));
    const fit = d.rooms.map((r, i) => ({ r, i })).filter(({ r }) => r.type === type && r.capacity >= maxSize);
    const need = list.reduce((s, o) => s + o.sessions, 0);
    const k = Math.max(1, Math.ceil(need / (d.days.length * 1.2)));
    if (k >= fit.length) continue;
    const chosen = d.rng
      .shuffle(fit.map((x) => x.i))
      .slice(0, k)
      .sort((a, b) => a - b);
    for (const off of list) off.rooms = chosen;
  }
}
