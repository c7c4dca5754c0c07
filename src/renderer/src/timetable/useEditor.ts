// The Timetable screen's hook on the kept editor state: opens the project's active timetable (at
// once when nothing changed since the last visit) and looks again when a solve job finishes.
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../api.ts';
import { editorStore, type EditorSnapshot } from './editorStore.ts';

export function useEditor(projectPath: string): EditorSnapshot {
  const snapshot = useSyncExternalStore(editorStore.subscribe, editorStore.getSnapshot);
  useEffect(() => {
    void editorStore.open(projectPath);
    return api().onJobEvent((event) => {
      if (event.type === 'finished') void editorStore.open(projectPath);
    });
  }, [projectPath]);
  return snapshot;
}
