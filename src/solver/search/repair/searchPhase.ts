// What solve() needs of a search phase to run it in time slices: the annealer and the hard repair.
export interface SearchPhase {
  readonly finished: boolean;
  readonly bestHard: number;
  readonly bestSoft: number;
  readonly bestSlot: Int32Array;
  readonly bestRoom: Int32Array;
  /** Run until sliceEnd (performance.now()) or the phase ends; true when it has ended. */
  run(sliceEnd: number): boolean;
  /** Put the state back at the best placement found. */
  restoreBest(): void;
}
