import { useCallback, useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/ipc/contract.ts';
import { api, messageOf } from './api.ts';
import { DataScreen } from './screens/DataScreen.tsx';
import { ExportScreen } from './screens/ExportScreen.tsx';
import { GenerateScreen } from './screens/GenerateScreen.tsx';
import { VariantsScreen } from './screens/VariantsScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { ProjectScreen } from './screens/ProjectScreen.tsx';
import { TimetableScreen } from './timetable/TimetableScreen.tsx';
import type { TimetableFocus } from './timetable/focus.ts';
import { prefetchTimetable } from './timetable/editorStore.ts';
import './layout.css';

type Screen = 'project' | 'import' | 'data' | 'generate' | 'timetable' | 'variants' | 'export';

const SCREENS: Array<{ id: Screen; label: string; needsProject: boolean }> = [
  { id: 'project', label: 'Project', needsProject: false },
  { id: 'import', label: 'Import', needsProject: true },
  { id: 'data', label: 'Data', needsProject: true },
  { id: 'generate', label: 'Generate', needsProject: true },
  { id: 'timetable', label: 'Timetable', needsProject: true },
  { id: 'variants', label: 'Variants', needsProject: true },
  { id: 'export', label: 'Export', needsProject: true },
];

export function App(): React.JSX.Element {
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [screen, setScreen] = useState<Screen>('project');
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<TimetableFocus | undefined>(undefined);
  const openTimetable = (next?: TimetableFocus): void => {
    setFocus(next);
    setScreen('timetable');
  };

  const refresh = useCallback(async () => {
    try {
      setProject(await api().projectCurrent());
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The Timetable screen's data is loaded in the background, ready for its first visit.
  const prefetchPath = project?.hasCollege && project.timetables > 0 ? project.path : null;
  useEffect(() => (prefetchPath ? prefetchTimetable(prefetchPath) : undefined), [prefetchPath]);

  const opened = (info: ProjectInfo): void => {
    setProject(info);
    setScreen(info.hasCollege ? (info.timetables > 0 ? 'timetable' : 'data') : 'import');
  };

  const visible = SCREENS.filter((s) => !s.needsProject || project);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Slotwise</h1>
        <span className="muted" title={project?.path}>
          {project ? project.name : 'No project open'}
        </span>
      </header>
      <nav className="sidebar" aria-label="Screens">
        <ul>
          {visible.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={s.id === screen ? 'nav-item current' : 'nav-item'}
                aria-current={s.id === screen ? 'page' : undefined}
                onClick={() => {
                  setFocus(undefined);
                  setScreen(s.id);
                }}
              >
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {screen === 'project' && <ProjectScreen project={project} onOpened={opened} />}
        {screen === 'import' && project && (
          <ImportScreen onImported={() => void refresh()} onShowData={() => setScreen('data')} />
        )}
        {screen === 'data' && project && <DataScreen onImport={() => setScreen('import')} />}
        {screen === 'generate' && project && (
          <GenerateScreen onOpenTimetable={openTimetable} onOpenData={() => setScreen('data')} />
        )}
        {screen === 'variants' && project && <VariantsScreen onOpenTimetable={openTimetable} />}
        {screen === 'export' && project && <ExportScreen />}
        {screen === 'timetable' && project && (
          <TimetableScreen
            projectPath={project.path}
            focus={focus}
            onImport={() => setScreen('import')}
            onGenerate={() => setScreen('generate')}
          />
        )}
      </main>
    </div>
  );
}
