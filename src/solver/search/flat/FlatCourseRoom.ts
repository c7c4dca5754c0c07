// Room-stability move on a FlatState: every session of one course goes into one room. A session
// whose slot has that room free moves into it; one whose slot has it taken exchanges rooms with
// the occupant (which must be movable and allowed in the freed room). Slots do not change, so the
// move never adds a clash; it changes room capacity and room stability costs only. `prepare`
// collects it, `price` adds its change to the state's dHard / dSoft without applying it (from the
// room counts of the courses it touches), and `apply` makes it with remove/add; `undo` takes an
// applied move back. No allocation per move.
import type { FlatState } from './FlatState.ts';
import type { Rng } from '../../Rng.ts';

export class FlatCourseRoom {
  private readonly fs: FlatState;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  /** Sessions moved by the last move (the course's and the occupants'), with where they were. */
  private readonly members: Int32Array;
  private readonly slots: Int32Array;
  private readonly fromRoom: Int32Array;
  private readonly toRoom: Int32Array;
  private readonly slotMark: Int32Array;
  private tick = 0;
  private size = 0;

  constructor(fs: FlatState) {
    this.fs = fs;
    this.first = fs.courseFirst;
    this.count = fs.courseCount;
    let most = 0;
    for (let c = 0; c < fs.nCourses; c++) most = Math.max(most, this.count[c]);
    this.members = new Int32Array(2 * most);
    this.slots = new Int32Array(2 * most);
    this.fromRoom = new Int32Array(2 * most);
    this.toRoom = new Int32Array(2 * most);
    this.slotMark = new Int32Array(fs.nSlots);
  }

  /**
   * Collect the move of every session of s's course into one room: the room of another of its
   * sessions when they are in more than one, else a random allowed room. False when it does not
   * apply. Nothing is changed.
   */
  prepare(rng: Rng, s: number): boolean {
    const fs = this.fs;
    const c = fs.sessionCourse[s];
    const n = this.count[c];
    const first = this.first[c];
    let r1 = fs.room[first + rng.int(n)];
    if (r1 === fs.room[s] || r1 < 0 || fs.allowedRoom[c * fs.nRooms + r1] === 0) {
      const ro = fs.courseRooms.offsets;
      const k = ro[c + 1] - ro[c];
      if (k < 2) return false;
      r1 = fs.courseRooms.items[ro[c] + rng.int(k)];
    }
    return this.collect(c, r1);
  }

  /**
   * Add the prepared move's change to the state's dHard / dSoft without applying it: room
   * capacity per moved session, and room stability per course touched, its room counts moved,
   * priced and moved back.
   */
  price(): void {
    const fs = this.fs;
    const nR = fs.nRooms;
    const n = this.size;
    const course = fs.sessionCourse;
    const rc = fs.courseRoomCount;
    const used = fs.courseRoomsUsed;
    const tick = ++fs.tick;
    let dh = 0;
    let ds = 0;
    for (let i = 0; i < n; i++) {
      const c = course[this.members[i]];
      dh += fs.roomHard[c * nR + this.toRoom[i]] - fs.roomHard[c * nR + this.fromRoom[i]];
      ds += fs.roomSoft[c * nR + this.toRoom[i]] - fs.roomSoft[c * nR + this.fromRoom[i]];
      if (fs.courseStamp[c] !== tick) {
        fs.courseStamp[c] = tick;
        fs.usedBefore[c] = used[c];
      }
    }
    for (let i = 0; i < n; i++) {
      const c = course[this.members[i]];
      if (--rc[c * nR + this.fromRoom[i]] === 0) used[c]--;
    }
    for (let i = 0; i < n; i++) {
      const c = course[this.members[i]];
      if (rc[c * nR + this.toRoom[i]]++ === 0) used[c]++;
    }
    for (let i = 0; i < n; i++) {
      const c = course[this.members[i]];
      if (fs.courseStamp[c] !== tick) continue;
      fs.courseStamp[c] = tick - 1;
      ds += (Math.max(0, used[c] - 1) - Math.max(0, fs.usedBefore[c] - 1)) * fs.wStability;
      used[c] = fs.usedBefore[c];
    }
    for (let i = 0; i < n; i++) {
      const c = course[this.members[i]];
      rc[c * nR + this.toRoom[i]]--;
      rc[c * nR + this.fromRoom[i]]++;
    }
    fs.dHard += dh;
    fs.dSoft += ds;
  }

  /** Apply the prepared move with remove/add (its change accumulates in the state's dHard / dSoft). */
  apply(): void {
    const fs = this.fs;
    for (let i = 0; i < this.size; i++) fs.remove(this.members[i], false);
    for (let i = 0; i < this.size; i++) fs.add(this.members[i], this.slots[i], this.toRoom[i], false);
  }

  /** Prepare and apply the move for s's course; false (nothing changed) when it does not apply. */
  tryMove(rng: Rng, s: number): boolean {
    if (!this.prepare(rng, s)) return false;
    this.apply();
    return true;
  }

  /** Undo the last applied move (its change is then discarded by the caller). */
  undo(): void {
    const fs = this.fs;
    for (let i = 0; i < this.size; i++) fs.remove(this.members[i], false);
    for (let i = 0; i < this.size; i++) fs.add(this.members[i], this.slots[i], this.fromRoom[i], false);
  }

  /** The sessions to move for course c into room r1, with their rooms; false when it cannot apply. */
  private collect(c: number, r1: number): boolean {
    const fs = this.fs;
    const nR = fs.nRooms;
    const nS = fs.nSlots;
    const tick = ++this.tick;
    let n = 0;
    for (let y = this.first[c], e = y + this.count[c]; y < e; y++) {
      const t = fs.slot[y];
      const r0 = fs.room[y];
      if (t < 0 || r0 === r1) continue;
      if (fs.isMovable[y] === 0 || this.slotMark[t] === tick) return false;
      if (fs.roomUnavailable[r1 * nS + t] === 1) return false;
      this.slotMark[t] = tick;
      const z = fs.cell[t * nR + r1];
      this.members[n] = y;
      this.slots[n] = t;
      this.fromRoom[n] = r0;
      this.toRoom[n] = r1;
      n++;
      if (z >= 0) {
        if (fs.isMovable[z] === 0 || fs.sessionCourse[z] === c || !fs.usable(fs.sessionCourse[z], t, r0))
          return false;
        this.members[n] = z;
        this.slots[n] = t;
        this.fromRoom[n] = r1;
        this.toRoom[n] = r0;
        n++;
      }
    }
    this.size = n;
    return n > 0;
  }
}
