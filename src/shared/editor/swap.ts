// Exchanging two sessions, and Kempe-style swap chains. A swap puts a at b's start and b at a's,
// each in its own room when that is free there, else in the other's, else the best free room; it
// is offered when it breaks no hard constraint for either. A chain moves a session to another start
// slot t and every session there that clashes with it (a shared teacher or student group) back to
// the first slot, then whatever those clash with, until it closes: the classic Kempe chain between
// two slots, which keeps both slots free of teacher and group clashes among the moved sessions.
import type { IncrementalState } from '../eval/incremental/IncrementalState.ts';
import type { Naming } from './naming.ts';
import { explainMoves } from './reasons.ts';
import { chooseRoom } from './rooms.ts';
import { tryMoves, withMoves, type Move } from './trial.ts';
import { spanAt } from '../compiled/span.ts';

export interface MovesCheck {
  moves: Move[];
  hardDelta: number;
  softDelta: number;
  /** Empty when the moves break no hard constraint. */
  reasons: string[];
}

/** Rooms for sessions moving to new starts, chosen with all of them taken out, in the given order. */
function withRooms(
  state: IncrementalState,
  targets: ReadonlyArray<{ session: number; slot: number; prefer: number[] }>,
): Move[] {
  const out = withMoves(
    state,
    targets.map((t) => ({ session: t.session, slot: -1, room: -1 })),
    () =>
      targets.map((t) => {
        const room = chooseRoom(state, t.session, t.slot, t.prefer);
        state.move(t.session, t.slot, room);
        return { session: t.session, slot: t.slot, room };
      }),
  );
  return out;
}

function check(state: IncrementalState, moves: Move[], naming: Naming): MovesCheck {
  const trial = tryMoves(state, moves);
  return {
    moves,
    hardDelta: trial.hardDelta,
    softDelta: trial.softDelta,
    reasons: explainMoves(state, moves, trial.kinds, naming),
  };
}

/** The check of exchanging the start slots of sessions a and b (both placed). */
export function checkSwap(state: IncrementalState, a: number, b: number, naming: Naming): MovesCheck {
  const ra = state.room[a];
  const rb = state.room[b];
  const moves = withRooms(state, [
    { session: a, slot: state.slot[b], prefer: [ra, rb] },
    { session: b, slot: state.slot[a], prefer: [rb, ra] },
  ]);
  return check(state, moves, naming);
}

/** Do sessions x and y share a teacher or a student group? */
function related(state: IncrementalState, x: number, y: number): boolean {
  const p = state.problem;
  return state.relation.get(p.sessionCourse[x], p.sessionCourse[y]) !== 0;
}

/** Active sessions occupying any period of [slot, slot + span). */
function occupying(state: IncrementalState, slot: number, span: number): number[] {
  const out = new Set<number>();
  for (let t = slot; t < slot + span && t < state.problem.nSlots; t++) {
    const base = t * state.slotCap;
    for (let i = 0; i < state.slotCount[t]; i++) out.add(state.slotList[base + i]);
  }
  return [...out];
}

/**
 * The Kempe chain that takes session s from its start slot to `target`: the sessions moving each
 * way, or null when it runs into a locked session, a session that starts elsewhere but overlaps, or
 * grows past `limit` sessions.
 */
export function kempeChain(
  state: IncrementalState,
  s: number,
  target: number,
  locked: Uint8Array,
  limit = 12,
): { forward: number[]; back: number[] } | null {
  const p = state.problem;
  const home = state.slot[s];
  if (home < 0 || target === home || state.active[s] !== 1) return null;
  const side = new Map<number, number>([[s, target]]);
  const queue = [s];
  while (queue.length > 0) {
    const x = queue.shift() as number;
    const to = side.get(x) as number;
    const from = to === target ? home : target;
    const span = spanAt(p, p.sessionCourse[x], to);
    for (const y of occupying(state, to, span)) {
      if (y === x || side.has(y) || !related(state, x, y)) continue;
      if (state.slot[y] !== to || locked[y] === 1) return null;
      side.set(y, from);
      if (side.size > limit) return null;
      queue.push(y);
    }
  }
  const forward: number[] = [];
  const back: number[] = [];
  for (const [x, to] of side) (to === target ? forward : back).push(x);
  return { forward, back };
}

export interface ChainSuggestion extends MovesCheck {
  /** Where the picked-up session goes. */
  slot: number;
}

/**
 * Swap chains for session s: one per start slot where a chain of at least two sessions (not all of
 * its own course) exists and breaks no hard constraint, best (hard, then soft change) first, at
 * most `max`.
 */
export function chainSuggestions(
  state: IncrementalState,
  s: number,
  locked: Uint8Array,
  naming: Naming,
  max = 5,
): ChainSuggestion[] {
  const out: ChainSuggestion[] = [];
  const home = state.slot[s];
  for (let t = 0; t < state.problem.nSlots; t++) {
    const chain = kempeChain(state, s, t, locked);
    if (!chain || chain.back.length === 0) continue;
    // Sessions of one course trading places change nothing a student or teacher would notice.
    const c = state.problem.sessionCourse[s];
    if ([...chain.forward, ...chain.back].every((x) => state.problem.sessionCourse[x] === c)) continue;
    const targets = [
      ...chain.forward.map((x) => ({ session: x, slot: t, prefer: [state.room[x]] })),
      ...chain.back.map((x) => ({ session: x, slot: home, prefer: [state.room[x]] })),
    ];
    const result = check(state, withRooms(state, targets), naming);
    if (result.reasons.length === 0) out.push({ ...result, slot: t });
  }
  out.sort((a, b) => a.hardDelta - b.hardDelta || a.softDelta - b.softDelta);
  return out.slice(0, max);
}
