// After the solve: the MIP gives a course's free sessions its starts in time order, which pairs
// "session k with session k" right for same_time, consecutive, same_day and ordered, but not always
// for same_period and adjacent (the MIP only balanced their counts per period or day). Here the
// sessions of the second course of each pair are re-numbered to a maximum matching with the first
// course's sessions (augmenting paths). A course is re-numbered only when all its sessions were
// placed by this MIP and no other hard pairing rule names it, so no other pairing is disturbed.
import type { CompiledProblem, CompiledRule } from '../../shared/compiled/types.ts';
import { followsDirectly } from '../../shared/eval/followsDirectly.ts';
import type { Placement } from '../../shared/eval/types.ts';

const PAIRING: ReadonlySet<CompiledRule['kind']> = new Set([
  'same_time',
  'same_day',
  'same_period',
  'consecutive',
  'ordered',
  'adjacent',
]);

export function alignPairs(p: CompiledProblem, sessions: Int32Array, placement: Placement): void {
  const mine = new Set(sessions);
  const named = new Map<number, number>();
  for (const rule of p.rules) {
    if (!rule.hard || !PAIRING.has(rule.kind)) continue;
    for (const c of new Set(rule.courses)) named.set(c, (named.get(c) ?? 0) + 1);
  }
  const movable = (c: number): boolean => {
    if (named.get(c) !== 1) return false;
    for (let s = p.courseFirstSession[c]; s < p.courseFirstSession[c] + p.courseSessionCount[c]; s++)
      if (!mine.has(s) || placement.room[s] >= 0) return false;
    return true;
  };
  for (const rule of p.rules) {
    if (!rule.hard || (rule.kind !== 'same_period' && rule.kind !== 'adjacent')) continue;
    const cs = rule.courses;
    for (let i = 1; i < cs.length; i++) {
      const a = rule.kind === 'same_period' ? cs[0] : cs[i - 1];
      const c = cs[i];
      if (a === c || !movable(c)) continue;
      const la = p.courseLength[a];
      const lc = p.courseLength[c];
      const fits =
        rule.kind === 'same_period'
          ? (sa: number, sc: number): boolean => sa % p.nPeriods === sc % p.nPeriods
          : (sa: number, sc: number): boolean =>
              followsDirectly(p, sa, la, sc) || followsDirectly(p, sc, lc, sa);
      renumber(p, a, c, fits, placement);
    }
  }
}

function renumber(
  p: CompiledProblem,
  a: number,
  c: number,
  fits: (slotA: number, slotC: number) => boolean,
  placement: Placement,
): void {
  const n = Math.min(p.courseSessionCount[a], p.courseSessionCount[c]);
  const fa = p.courseFirstSession[a];
  const fc = p.courseFirstSession[c];
  const slotsC = Array.from(placement.slot.subarray(fc, fc + p.courseSessionCount[c]));
  const owner = new Int32Array(slotsC.length).fill(-1); // slotsC index -> a's session k
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
