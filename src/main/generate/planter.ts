// Plants the timetable while the college is generated: every unit of sessions goes to a start slot
// where all its students, teachers and rooms are free, inside one block of adjacent periods. What
// cannot be placed is first given a new room, then another teacher of the department, and only
// then dropped from the course (the course simply has fewer weekly sessions), so the generated
// college always has this hard-feasible timetable.
import type { Draft, Unit, UnitMember } from './draft.ts';
import { fitsBlock } from './draft.ts';
import { substitute } from './faculty.ts';
import { addRoom, labelOf } from './rooms.ts';

export interface PlantStats {
  placedSessions: number;
  droppedSessions: number;
  addedRooms: number;
  substitutions: number;
}

export class Planter {
  private readonly d: Draft;
  private readonly S: number;
  readonly leafBusy: Uint8Array;
  private readonly leafDayLoad: Int32Array;
  private readonly facBusy: Uint8Array;
  private readonly roomBusy: Uint8Array[] = [];
  private readonly byType = new Map<string, number[]>();
  readonly stats: PlantStats = { placedSessions: 0, droppedSessions: 0, addedRooms: 0, substitutions: 0 };

  constructor(d: Draft) {
    this.d = d;
    this.S = d.nSlots;
    this.leafBusy = new Uint8Array(d.leafGroup.length * this.S);
    this.leafDayLoad = new Int32Array(d.leafGroup.length * d.days.length);
    this.facBusy = new Uint8Array(d.faculty.length * this.S);
    d.rooms.forEach((_, i) => this.registerRoom(i));
  }

  private registerRoom(i: number): void {
    const r = this.d.rooms[i];
    this.roomBusy[i] = new Uint8Array(this.S);
    const list = this.byType.get(r.type) ?? [];
    list.push(i);
    list.sort((a, b) => this.d.rooms[a].capacity - this.d.rooms[b].capacity || a - b);
    this.byType.set(r.type, list);
  }

  placeAll(): void {
    const units = this.d.rng.shuffle([...this.d.units]);
    units.sort((a, b) => a.stage - b.stage);
    for (const unit of units) this.placeUnit(unit);
  }

  private placeUnit(unit: Unit): void {
    this.separateTeachers(unit);
    for (let attempt = 0; attempt < 2; attempt++) {
      const slots = this.peopleSlots(unit);
      for (const s of slots) if (this.tryRooms(unit, s, false)) return;
      if (slots.length > 0) {
        this.tryRooms(unit, slots[0], true);
        return;
      }
      if (attempt === 0) this.substituteTeachers(unit);
    }
    this.stats.droppedSessions += unit.members.length;
  }

  /** Parallel members never share a teacher. */
  private separateTeachers(unit: Unit): void {
    if (unit.members.length < 2) return;
    const used = new Set<number>();
    for (const m of unit.members) {
      for (const f of [...m.off.faculty]) if (used.has(f) && m.offset === 0) this.replaceTeacher(m, f, used);
      for (const f of m.off.faculty) used.add(f);
    }
  }

  private substituteTeachers(unit: Unit): void {
    const avoid = new Set(unit.members.flatMap((m) => m.off.faculty));
    for (const m of unit.members) for (const f of [...m.off.faculty]) this.replaceTeacher(m, f, avoid);
  }

  /**
   * Gives member m's course another teacher of f's department instead of f, one who is free at the
   * course's sessions placed so far (their marks move along). Returns the new teacher or -1.
   */
  private replaceTeacher(m: UnitMember, f: number, avoid: Set<number>): number {
    const { d, S } = this;
    const off = m.off;
    const placed: number[] = [];
    off.slot.forEach((s) => {
      if (s >= 0) for (let q = s; q < s + off.length; q++) placed.push(q);
    });
    const exclude = new Set([...avoid, ...off.faculty]);
    const g = substitute(d, f, exclude, (c) => placed.every((q) => this.facBusy[c * S + q] === 0));
    if (g < 0) return -1;
    for (const q of placed) {
      this.facBusy[f * S + q] = 0;
      this.facBusy[g * S + q] = 1;
    }
    off.faculty = off.faculty.map((x) => (x === f ? g : x));
    const p = off.sessions * off.length;
    d.faculty[f].load -= p;
    d.faculty[g].load += p;
    avoid.add(g);
    this.stats.substitutions++;
    return g;
  }

  private span(unit: Unit): number {
    let end = 0;
    for (const m of unit.members) end = Math.max(end, m.offset + m.off.length);
    return end;
  }

  /** Start slots where every member's students and teachers are free, best first. */
  private peopleSlots(unit: Unit): number[] {
    const { d, S } = this;
    const span = this.span(unit);
    const scored: Array<{ s: number; score: number }> = [];
    for (let s = 0; s < S; s++) {
      if (!fitsBlock(d, s, span)) continue;
      let ok = true;
      let marked = 0;
      for (; marked < unit.members.length; marked++) {
        const m = unit.members[marked];
        if (!this.peopleFree(m, s + m.offset)) {
          ok = false;
          break;
        }
        this.markPeople(m, s + m.offset, 1);
      }
      for (let k = 0; k < marked; k++) this.markPeople(unit.members[k], s + unit.members[k].offset, 0);
      if (ok) scored.push({ s, score: this.score(unit, s) });
    }
    scored.sort((a, b) => b.score - a.score || a.s - b.s);
    return scored.map((x) => x.s);
  }

  private score(unit: Unit, s: number): number {
    const { d, S } = this;
    const P = d.nPeriods;
    const day = Math.floor(s / P);
    let score = d.rng.next() * 4;
    for (const m of unit.members) {
      score += m.off.daysUsed & (1 << day) ? -12 : 8;
      const leaf = m.off.leaves[0];
      if (leaf !== undefined) {
        const start = s + m.offset;
        const end = start + m.off.length;
        const before = start % P > 0 && this.leafBusy[leaf * S + start - 1] === 1;
        const after = end % P > 0 && end < S && this.leafBusy[leaf * S + end] === 1;
        if (before || after) score += 3;
        score -= 0.6 * this.leafDayLoad[leaf * d.days.length + day];
      }
    }
    if (s % P === P - 1) score -= 2;
    if (unit.attractLeaves.length > 0) {
      let free = 0;
      for (const leaf of unit.attractLeaves) if (this.leafBusy[leaf * S + s] === 0) free++;
      score += (12 * free) / unit.attractLeaves.length;
    }
    return score;
  }

  private peopleFree(m: UnitMember, start: number): boolean {
    const { S } = this;
    for (let q = start; q < start + m.off.length; q++) {
      for (const leaf of m.off.leaves) if (this.leafBusy[leaf * S + q]) return false;
      for (const leaf of m.extraLeaves) if (this.leafBusy[leaf * S + q]) return false;
      for (const f of m.off.faculty) if (this.facBusy[f * S + q]) return false;
    }
    return true;
  }

  private markPeople(m: UnitMember, start: number, v: number): void {
    const { S } = this;
    for (let q = start; q < start + m.off.length; q++) {
      for (const leaf of m.off.leaves) this.leafBusy[leaf * S + q] = v;
      for (const leaf of m.extraLeaves) this.leafBusy[leaf * S + q] = v;
      for (const f of m.off.faculty) this.facBusy[f * S + q] = v;
    }
  }

  private roomFree(r: number, start: number, length: number): boolean {
    const busy = this.roomBusy[r];
    for (let q = start; q < start + length; q++) if (busy[q]) return false;
    return true;
  }

  private findRoom(m: UnitMember, start: number): number {
    const off = m.off;
    if (off.homeRoom >= 0 && this.roomFree(off.homeRoom, start, off.length)) return off.homeRoom;
    const list = off.rooms.length > 0 ? off.rooms : (this.byType.get(off.roomType) ?? []);
    for (const r of list)
      if (this.d.rooms[r].capacity >= off.size && this.roomFree(r, start, off.length)) return r;
    return -1;
  }

  private newRoom(m: UnitMember): number {
    const { d } = this;
    const off = m.off;
    const same = this.byType.get(off.roomType) ?? [];
    const model = same.length > 0 ? d.rooms[same[same.length - 1]] : undefined;
    const capacity = Math.max(off.size, model?.capacity ?? off.size);
    const id = `${off.roomType.replace(/_.*$/, '').toUpperCase()}-X${this.stats.addedRooms + 1}`;
    const building = model?.building ?? 'Annexe';
    const r = addRoom(
      d,
      id,
      `${labelOf(off.roomType)} annexe ${this.stats.addedRooms + 1}`,
      capacity,
      off.roomType,
      building,
    );
    this.registerRoom(r);
    this.stats.addedRooms++;
    if (off.rooms.length > 0) off.rooms.push(r);
    return r;
  }

  /** Finds rooms for every member at start slot `s` and commits; with `create`, adds missing rooms. */
  private tryRooms(unit: Unit, s: number, create: boolean): boolean {
    const rooms: number[] = [];
    for (const m of unit.members) {
      const start = s + m.offset;
      let r = this.findRoom(m, start);
      if (r < 0 && create) r = this.newRoom(m);
      if (r < 0) {
        for (let k = 0; k < rooms.length; k++)
          this.markRoom(rooms[k], s + unit.members[k].offset, unit.members[k].off.length, 0);
        return false;
      }
      rooms.push(r);
      this.markRoom(r, start, m.off.length, 1);
    }
    unit.members.forEach((m, k) => this.commit(m, s + m.offset, rooms[k]));
    return true;
  }

  private markRoom(r: number, start: number, length: number, v: number): void {
    for (let q = start; q < start + length; q++) this.roomBusy[r][q] = v;
  }

  private commit(m: UnitMember, start: number, room: number): void {
    const { d } = this;
    const day = Math.floor(start / d.nPeriods);
    this.markPeople(m, start, 1);
    for (const leaf of m.off.leaves) this.leafDayLoad[leaf * d.days.length + day] += m.off.length;
    m.off.slot[m.session] = start;
    m.off.room[m.session] = room;
    m.off.daysUsed |= 1 << day;
    this.stats.placedSessions++;
  }
}
