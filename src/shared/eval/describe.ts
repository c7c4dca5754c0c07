// Names for explanations: sessions, slots and days as a scheduler reads them.
import type { CompiledProblem } from '../compiled/types.ts';

export function sessionName(p: CompiledProblem, s: number): string {
  const c = p.sessionCourse[s];
  return p.courseSessionCount[c] > 1
    ? `${p.courseIds[c]} (session ${p.sessionIndex[s] + 1})`
    : p.courseIds[c];
}

export function slotName(p: CompiledProblem, slot: number): string {
  const d = Math.floor(slot / p.nPeriods);
  return `${p.dayNames[d] ?? `day ${d + 1}`} period ${p.periodLabels[slot % p.nPeriods] ?? slot % p.nPeriods}`;
}

export function dayName(p: CompiledProblem, d: number): string {
  return p.dayNames[d] ?? `day ${d + 1}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
