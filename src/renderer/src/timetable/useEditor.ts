// The Timetable screen's hook on the kept editor state: opens the project's active timetable (at
// once when nothing changed since the last visit) and looks again when a solve job finishes.
// `checked` turns true once this visit's open has settled: until then the kept state may be out of
// date (a re-import or a solve since the last visit), and the screen does not show it.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../api.ts';
import { editorStore, type EditorSnapshot } from './editorStore.ts';

export function useEditor(projectPath: string): EditorSnapshot & { checked: boolean } {
  const snapshot = useSyncExternalStore(editorStore.subscribe, editorStore.getSnapshot);
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    let live = true;
    setChecked(false);
    void editorStore.open(projectPath).finally(() => {
      if (live) setChecked(true);
    });
    const off = api().onJobEvent((event) => {
      if (event.type === 'finished') void editorStore.open(projectPath);
    });
    return () => {
      live = false;
      off();
    };
  }, [projectPath]);
  return { ...snapshot, checked };
}
