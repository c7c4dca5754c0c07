// A short list of starts (slot, room) kept sorted by a lower bound of their price, each with the
// random tie-break it was given: the conflict search prices them lowest bound first and stops at
// the first whose bound is no lower than the best price found (ConflictSearch.startBounds).

export class StartList {
  n = 0;
  readonly slot: Int32Array;
  readonly room: Int32Array;
  readonly low: Float64Array;
  readonly noise: Float64Array;

  /** `size`: the most starts a list holds (the problem's slots). */
  constructor(size: number) {
    this.slot = new Int32Array(size);
    this.room = new Int32Array(size);
    this.low = new Float64Array(size);
    this.noise = new Float64Array(size);
  }

  /** Insert a start, keeping the list sorted by `low` (equal bounds in the order they came). */
  add(slot: number, room: number, low: number, noise: number): void {
    let j = this.n++;
    while (j > 0 && this.low[j - 1] > low) {
      this.slot[j] = this.slot[j - 1];
      this.room[j] = this.room[j - 1];
      this.low[j] = this.low[j - 1];
      this.noise[j] = this.noise[j - 1];
      j--;
    }
    this.slot[j] = slot;
    this.room[j] = room;
    this.low[j] = low;
    this.noise[j] = noise;
  }
}
