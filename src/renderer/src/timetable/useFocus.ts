// Honours the `focus` another screen passes (Generate, Variants): highlights its sessions with its
// label and opens the week that holds them, or opens the compare mode on two versions. Applied
// once per focus, as soon as the timetable is loaded.
import { useEffect, useRef } from 'react';
import type { CompiledProblem } from '../../../shared/compiled/types.ts';
import type { EditorModel } from './editorStore.ts';
import type { SessionRef, TimetableFocus } from './focus.ts';

/** Session indices of the references that name a course and session of the loaded college. */
export function resolveRefs(p: CompiledProblem, refs: readonly SessionRef[]): number[] {
  const index = new Map(p.courseIds.map((id, c) => [id, c]));
  const out: number[] = [];
  for (const r of refs) {
    const c = index.get(r.courseId);
    if (c !== undefined && r.session >= 1 && r.session <= p.courseSessionCount[c])
      out.push(p.courseFirstSession[c] + r.session - 1);
  }
  return out;
}

export function useFocus(
  focus: TimetableFocus | undefined,
  model: EditorModel | null,
  show: (sessions: number[], label: string | null) => void,
  compare: (versions: { a: number; b: number }) => void,
): void {
  const applied = useRef<TimetableFocus | undefined>(undefined);
  useEffect(() => {
    if (!focus || !model || applied.current === focus) return;
    applied.current = focus;
    if (focus.compare) compare(focus.compare);
    const sessions = resolveRefs(model.problem, focus.sessions);
    if (sessions.length > 0 || focus.label) show(sessions, focus.label || null);
  }, [focus, model, show, compare]);
}
