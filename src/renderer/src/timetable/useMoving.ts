// Picking up a session and putting it down: the worker checks every period of the week (and then
// looks for swap chains) while the page stays responsive; a drop where the move is allowed moves
// at once, a drop on a refused place asks, offering the swap with the session there when it is
// legal.
import { useCallback, useRef, useState } from 'react';
import type { SlotCheck } from '../../../shared/editor/moveCheck.ts';
import type { ChainSuggestion, MovesCheck } from '../../../shared/editor/swap.ts';
import { engine } from './engineClient.ts';

export interface Moving {
  session: number;
  /** The room whose week is shown (a drop moves into it), or -1. */
  room: number;
  checks: SlotCheck[] | null;
  chains: ChainSuggestion[] | null;
}

export interface Refused {
  session: number;
  slot: number;
  room: number;
  reasons: string[];
  swaps: Array<{ other: number; check: MovesCheck }>;
}

export interface MovingApi {
  moving: Moving | null;
  pickUp: (session: number, room: number) => void;
  cancel: () => void;
  /** The checks of the picked-up session (waits for them); null when nothing is picked up. */
  checksReady: () => Promise<SlotCheck[] | null>;
  /** The swap checks of `session` with each of `others`. */
  swapChecks: (session: number, others: number[]) => Promise<Refused['swaps']>;
}

export function useMoving(): MovingApi {
  const [moving, setMoving] = useState<Moving | null>(null);
  const request = useRef(0);
  const pending = useRef<Promise<SlotCheck[] | null>>(Promise.resolve(null));

  const pickUp = useCallback((session: number, room: number) => {
    const id = ++request.current;
    setMoving({ session, room, checks: null, chains: null });
    const checks = engine()
      .checkMoves(session, room)
      .then((result) => {
        if (id !== request.current) return null;
        setMoving((m) => (m && m.session === session ? { ...m, checks: result } : m));
        void engine()
          .chains(session)
          .then((chains) => {
            if (id === request.current) setMoving((m) => (m && m.session === session ? { ...m, chains } : m));
          });
        return result;
      });
    pending.current = checks;
  }, []);

  const cancel = useCallback(() => {
    request.current++;
    pending.current = Promise.resolve(null);
    setMoving(null);
  }, []);

  const checksReady = useCallback(() => pending.current, []);

  const swapChecks = useCallback(
    async (session: number, others: number[]) =>
      Promise.all(others.map(async (other) => ({ other, check: await engine().checkSwap(session, other) }))),
    [],
  );

  return { moving, pickUp, cancel, checksReady, swapChecks };
}
