// An edit of the timetable: sessions moved (one, a swapped pair, a chain) or locked, each with
// its place before and after, so it can be undone and redone, and said in words.
import { sessionName, slotName } from '../../../shared/eval/describe.ts';
import type { EditorModel } from './editorStore.ts';

export interface Place {
  slot: number;
  room: number;
  locked: boolean;
}

export interface Edit {
  kind: 'move' | 'swap' | 'chain' | 'lock';
  changes: Array<{ session: number; from: Place; to: Place }>;
}

function where(model: EditorModel, place: Place): string {
  return place.slot < 0 ? 'not placed' : slotName(model.problem, place.slot);
}

/** The edit in words, from the side of `side` (what it did, or what undoing it does). */
export function describeEdit(model: EditorModel, e: Edit, side: 'from' | 'to'): string {
  const p = model.problem;
  const [first, ...rest] = e.changes;
  if (!first) return 'nothing changed';
  const name = sessionName(p, first.session);
  if (e.kind === 'lock') return `${name} ${first[side].locked ? 'locked' : 'unlocked'}`;
  const back = side === 'from' ? ' back' : '';
  if (e.kind === 'move') return `${name} moved${back} to ${where(model, first[side])}`;
  const others = rest.map((c) => sessionName(p, c.session)).join(', ');
  if (e.kind === 'swap')
    return `${name} and ${others} swapped${back}: ${name} at ${where(model, first[side])}, ${others} at ${where(model, rest[0][side])}`;
  return `${name} moved${back} to ${where(model, first[side])} with ${others} (a swap chain)`;
}
