// After the solve: the MIP gives a course's free sessions its starts in time order, which pairs
// "session k with session k" right for same_time, consecutive, same_day and ordered when both
// courses were free, but not always for same_period and adjacent (the MIP only balanced their counts
// per period or day), nor against a course placed before (fixed sessions, an earlier community: its
// session numbers need not follow time order). Here the sessions of the course this MIP placed are
// re-numbered to a maximum matching with its partner's sessions (augmenting paths). A course is
// re-numbered only when all its sessions were placed by this MIP and no other hard pairing rule names
// it, so no other pairing is disturbed; against its first partner only, unless the rule names just two.
import type { CompiledProblem, CompiledRule } from '../../shared/compiled/types.ts';
import { followsFor } from '../../shared/eval/followsDirectly.ts';
import type { Placement } from '../../shared/eval/types.ts';

const PAIRING: ReadonlySet<CompiledRule['kind']> = new Set([
  'same_time',
  'same_day',
  'same_period',
  'consecutive',
  'ordered',
  'adjacent',
  'consecutive_across_break',
  'adjacent_across_break',
]);

const namedCache = new WeakMap<CompiledProblem, Map<number, number>>();

/** How many hard pairing rules name each course. */
export function pairingRulesOf(p: CompiledProblem): Map<number, number> {
  let named = namedCache.get(p);
  if (named) return named;
  named = new Map<number, number>();
  for (const rule of p.rules) {
    if (!rule.hard || !PAIRING.has(rule.kind)) continue;
    for (const c of new Set(rule.courses)) named.set(c, (named.get(c) ?? 0) + 1);
  }
  namedCache.set(p, named);
  return named;
}

/** Does a session of course a at slotA pair with one of course c at slotC under the rule kind? */
export function pairFits(
  p: CompiledProblem,
  kind: CompiledRule['kind'],
  a: number,
  c: number,
): ((slotA: number, slotC: number) => boolean) | null {
  const la = p.courseLength[a];
  const lc = p.courseLength[c];
  switch (kind) {
    case 'same_time':
      return (sa, sc) => sa === sc;
    case 'consecutive':
    case 'consecutive_across_break':
      return (sa, sc) => followsFor(kind, p, sa, la, sc);
    case 'same_day':
      return (sa, sc) => Math.floor(sa / p.nPeriods) === Math.floor(sc / p.nPeriods);
    case 'same_period':
      return (sa, sc) => sa % p.nPeriods === sc % p.nPeriods;
    case 'adjacent':
    case 'adjacent_across_break':
      return (sa, sc) => followsFor(kind, p, sa, la, sc) || followsFor(kind, p, sc, lc, sa);
    default:
      return null;
  }
}

/** `keep`: courses whose sessions the MIP numbered one by one (sessionRows.ts), never re-numbered. */
export function alignPairs(
  p: CompiledProblem,
  sessions: Int32Array,
  placement: Placement,
  keep: ReadonlySet<number> = new Set(),
): void {
  const mine = new Set(sessions);
  const named = pairingRulesOf(p);
  const movable = (c: number): boolean => {
    if (named.get(c) !== 1 || keep.has(c)) return false;
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (!mine.has(s) || placement.room[s] >= 0) return false;
    return true;
  };
  for (const rule of p.rules) {
    if (!rule.hard) continue;
    const cs = rule.courses;
    const fromFirst = rule.kind === 'same_time' || rule.kind === 'same_day' || rule.kind === 'same_period';
    for (let i = 1; i < cs.length; i++) {
      const a = fromFirst ? cs[0] : cs[i - 1];
      const c = cs[i];
      const fits = pairFits(p, rule.kind, a, c);
      if (a === c || !fits) continue;
      if (movable(c)) renumber(p, a, c, fits, placement);
      else if (cs.length === 2 && movable(a)) renumber(p, c, a, (sc, sa) => fits(sa, sc), placement);
    }
  }
}

/** Re-numbers course `moved`'s sessions so that session k pairs with `anchor`'s session k where it can. */
function renumber(
  p: CompiledProblem,
  anchor: number,
  moved: number,
  fits: (slotAnchor: number, slotMoved: number) => boolean,
  placement: Placement,
): void {
  const n = Math.min(p.courseSessionCount[anchor], p.courseSessionCount[moved]);
  const fa = p.courseFirstSession[anchor];
  const fc = p.courseFirstSession[moved];
  const slotsC = Array.from(placement.slot.subarray(fc, fc + p.courseSessionCount[moved]));
  const owner = new Int32Array(slotsC.length).fill(-1); // slotsC index -> anchor's session k
  const tryMatch = (k: number, seen: Uint8Array): boolean => {
    const sa = placement.slot[fa + k];
    for (let i = 0; i < slotsC.length; i++) {
      if (seen[i] || slotsC[i] < 0 || !fits(sa, slotsC[i])) continue;
      seen[i] = 1;
      if (owner[i] < 0 || tryMatch(owner[i], seen)) {
        owner[i] = k;
        return true;
      }
    }
    return false;
  };
  for (let k = 0; k < n; k++) if (placement.slot[fa + k] >= 0) tryMatch(k, new Uint8Array(slotsC.length));
  const out = new Int32Array(slotsC.length).fill(-2);
  for (let i = 0; i < slotsC.length; i++) if (owner[i] >= 0) out[owner[i]] = slotsC[i];
  const rest = slotsC.filter((_, i) => owner[i] < 0);
  let next = 0;
  for (let k = 0; k < out.length; k++) if (out[k] === -2) out[k] = rest[next++];
  placement.slot.set(out, fc);
}
