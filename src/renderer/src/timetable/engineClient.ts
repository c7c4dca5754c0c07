// The page's handle on the editor worker: one worker per window, started on first use and kept for
// the life of the page (its loaded college survives leaving and re-entering the Timetable screen).
import { wrap, type Remote } from 'comlink';
import type { EditorEngine } from '../../../shared/editor/EditorEngine.ts';

let remote: Remote<EditorEngine> | null = null;

export function engine(): Remote<EditorEngine> {
  if (!remote) {
    const worker = new Worker(new URL('./worker/editorWorker.ts', import.meta.url), {
      type: 'module',
      name: 'slotwise-editor',
    });
    remote = wrap<EditorEngine>(worker);
  }
  return remote;
}
