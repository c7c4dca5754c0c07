import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../../shared/ipc/contract.ts';
import { api, messageOf } from '../api.ts';

interface Props {
  project: ProjectInfo | null;
  onOpened: (info: ProjectInfo) => void;
}

export function ProjectScreen({ project, onOpened }: Props): React.JSX.Element {
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [backup, setBackup] = useState<string | null>(null);
  /** An existing file that "Create project" would have opened: offered to open instead. */
  const [existing, setExisting] = useState<string | null>(null);

  useEffect(() => {
    api()
      .projectRecent()
      .then(setRecent, (e: unknown) => setError(messageOf(e)));
  }, [project]);

  const run = async (action: 'create' | 'open', target: string): Promise<void> => {
    const file = target.trim();
    if (!file) {
      setError('Type the path of a project file first, e.g. /home/me/North College.slotwise');
      return;
    }
    setBusy(true);
    setError(null);
    setExisting(null);
    try {
      const info =
        action === 'create'
          ? await api().projectCreate({ path: file })
          : await api().projectOpen({ path: file });
      onOpened(info);
    } catch (e) {
      setError(messageOf(e));
      const found = (e as { code?: string }).code === 'project_exists';
      // The same name main checked: the one typed, with the extension it adds when missing.
      if (found) setExisting(/\.slotwise$/i.test(file) ? file : `${file}.slotwise`);
    } finally {
      setBusy(false);
    }
  };

  const backUp = async (): Promise<void> => {
    setError(null);
    try {
      setBackup((await api().projectBackup()).file);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  return (
    <section className="screen">
      {project ? (
        <div className="panel">
          <h2>{project.name}</h2>
          <p className="muted">{project.path}</p>
          <p>
            {project.hasCollege ? 'College data imported.' : 'No college data yet: go to Import next.'}{' '}
            {project.timetables === 1 ? '1 timetable.' : `${project.timetables} timetables.`}
          </p>
          <p>
            <button type="button" onClick={() => void backUp()}>
              Back up now
            </button>{' '}
            <span className="muted">
              {backup
                ? `Saved ${backup}`
                : 'A copy is also made before every upgrade; the newest 10 are kept.'}
            </span>
          </p>
        </div>
      ) : (
        <div className="panel">
          <h2>Start a project</h2>
          <p>
            Create a project file, then import your college workbook (.xlsx, a folder of CSVs, a FET .fet
            file, or an ITC-2007 .ctt).
          </p>
        </div>
      )}
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void run('open', path);
        }}
      >
        <h2>{project ? 'Open another project' : 'Create or open a project file'}</h2>
        <label className="field">
          <span>Project file path</span>
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/me/North College.slotwise"
            spellCheck={false}
          />
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void run('create', path)}>
            Create project
          </button>
          <button type="submit" disabled={busy}>
            Open project
          </button>
        </div>
        <p className="small muted">
          A new project gets the <code>.slotwise</code> extension when the name has none; an existing file is
          never replaced.
        </p>
        {error && (
          <div role="alert" className="error">
            <p>{error}</p>
            {existing && (
              <button type="button" onClick={() => void run('open', existing)}>
                Open {existing.split(/[\\/]/).pop()} instead
              </button>
            )}
          </div>
        )}
      </form>
      <div className="panel">
        <h2>Recent projects</h2>
        {recent.length === 0 ? (
          <p className="muted">No recent projects yet. Projects you create or open are listed here.</p>
        ) : (
          <ul className="recent">
            {recent.map((p) => (
              <li key={p}>
                <button type="button" className="link" onClick={() => void run('open', p)}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
