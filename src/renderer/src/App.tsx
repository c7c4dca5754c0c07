import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/ipc/contract.ts';

export function App(): React.JSX.Element {
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    window.api.projectCurrent().then(setProject, (e: unknown) => setError(String(e)));
  }, []);

  return (
    <main className="app">
      <header className="app-header">
        <h1>Slotwise</h1>
        <span className="muted">{project ? project.name : 'No project open'}</span>
      </header>
      {error && <p role="alert">{error}</p>}
      {!project && (
        <section className="empty">
          <h2>Start a project</h2>
          <p>
            Create a project file, then import your college workbook (.xlsx, a folder of CSVs, or an ITC-2007
            .ctt).
          </p>
        </section>
      )}
    </main>
  );
}
