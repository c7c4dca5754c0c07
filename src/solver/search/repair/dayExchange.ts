// Day exchange: an unplaced session placed where a block is in its way, the block moved to another
// day (or another start of its own) and what it displaces there put where the block was. This is
// the move for a school whose year groups have long afternoon blocks over all their classes with
// a few allowed starts: a lesson that may only go around lunch meets a block on the days its
// teacher is free, and no hole chain (holeChain.ts) moves the block, because every other start of
// it has a whole year's lessons in its way. Here the unplaced session takes the start (one or
// two sessions in its way, EXCHANGE_WAY); each of those that no hole chain places goes to one of
// its own starts with up to BLOCK_WAY sessions in its way (the other day's lessons of the block's
// classes; only a block with at most BLOCK_STARTS allowed starts, which the conflict search's own
// take-outs seldom move), and each of those goes back by its own short hole chain, which finds the periods the
// block left free. It is two levels of aligned holes (alignHoles.ts), sharing which sessions may
// move: the unplaced session and the block stay where the move put them while the levels below
// place the rest. The whole move is kept only when the hard cost is lower than before; otherwise
// the state is put back exactly (places and cost totals).
import type { IncrementalState } from '../../../shared/eval/incremental/IncrementalState.ts';
import type { SearchModel } from '../../SearchModel.ts';
import { AlignHoles } from './alignHoles.ts';
import type { WayFinder } from './holeChain.ts';

/** Most sessions in the way of the unplaced session at a start tried. */
export const EXCHANGE_WAY = 2;
/** Most allowed starts of a displaced session moved as a block (more: it is an ordinary lesson). */
export const BLOCK_STARTS = 8;
/** Most sessions in the way of a displaced block at a start tried. */
export const BLOCK_WAY = 40;
/** Most look-ups one move may spend, and the placing of one displaced block within it. */
export const EXCHANGE_LOOKUPS = 60_000;
export const BLOCK_LOOKUPS = 30_000;
/** Most look-ups the chain of one session the block displaces may spend. */
export const BLOCK_CHAIN_LOOKUPS = 1_000;
/**
 * The conflict search spends on day exchanges at most this many look-ups per step on average. At
 * 500 they took about half its CPU time and GYR ended no lower than without them at equal CPU; at
 * 100 (bench:blockers, 20,000 steps, seeds 1-3) GYR's best was 12 / 11 / 10 at 8.6-9.2 s CPU,
 * against 15 / 14 / 15 at about 7.5-8.8 s without them.
 */
export const EXCHANGE_SHARE = 100;
/** The conflict search tries day exchanges at this hard cost or below (the last few sessions). */
export const EXCHANGE_HARD = 20;

export class DayExchange {
  private readonly blocks: AlignHoles;
  private readonly top: AlignHoles;

  /** `movable`: 1 for the sessions that may move (not locked, in no tie group); kept as given. */
  constructor(st: IncrementalState, m: SearchModel, w: WayFinder, movable: Uint8Array) {
    this.blocks = new AlignHoles(st, m, w, movable, {
      minWay: 2,
      maxWay: BLOCK_WAY,
      chainLookups: BLOCK_CHAIN_LOOKUPS,
      lookups: BLOCK_LOOKUPS,
      maxStarts: BLOCK_STARTS,
    });
    this.top = new AlignHoles(st, m, w, movable, {
      minWay: 1,
      maxWay: EXCHANGE_WAY,
      chainLookups: BLOCK_CHAIN_LOOKUPS,
      displaced: this.blocks,
    });
  }

  /** Moves applied; calls. */
  get applied(): number {
    return this.top.applied;
  }
  get calls(): number {
    return this.top.calls;
  }

  /** Look-ups spent over all calls (each level's and their chains'). */
  get spent(): number {
    return this.top.spent;
  }

  /** Place unplaced session s by a day exchange. True when hard fell (the state holds it). */
  place(s: number, maxLookups = EXCHANGE_LOOKUPS): boolean {
    return this.top.place(s, maxLookups);
  }
}
