import { useEffect, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../shared/ipc/contract.ts';
import { api, messageOf } from '../api.ts';
import { IssueTable } from '../components/IssueTable.tsx';

interface Props {
  onImported: () => void;
  onShowData: () => void;
}

/** The path of a file or folder dropped on the form (Electron gives real paths; text drops work anywhere). */
function droppedPath(data: DataTransfer): string {
  const file = data.files[0];
  const toPath = api().pathForFile;
  if (file && toPath) return toPath(file).trim();
  return data.getData('text/plain').trim();
}

export function ImportScreen({ onImported, onShowData }: Props): React.JSX.Element {
  const [path, setPath] = useState('');
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [templateOut, setTemplateOut] = useState('');
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  // The result's heading: brought into view and focused when an import ends (it is below the form).
  const resultHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!outcome) return;
    resultHeading.current?.scrollIntoView({ block: 'start' });
    resultHeading.current?.focus();
  }, [outcome]);

  const choose = async (folder: boolean): Promise<void> => {
    try {
      const picked = await api().dialogOpen({
        title: folder ? 'Choose a CSV folder' : 'Choose a workbook',
        folder,
      });
      if (picked) setPath(picked);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const saveTemplate = async (): Promise<void> => {
    setTemplateNote(null);
    try {
      let out = templateOut.trim();
      if (!out) {
        const picked = await api().dialogSave({
          title: 'Save the template workbook',
          defaultName: 'college.xlsx',
        });
        if (!picked) return;
        out = picked;
      }
      setTemplateNote(`Saved ${(await api().templateSave({ out })).file}`);
    } catch (e) {
      setTemplateNote(messageOf(e));
    }
  };

  const run = async (): Promise<void> => {
    if (!path.trim()) {
      setError(
        'Type the path of a workbook (.xlsx), a folder of CSV files, a FET .fet file, or a .ctt file.',
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api().importRun({ path: path.trim() });
      setOutcome(result);
      if (result.ok) onImported();
    } catch (e) {
      setOutcome(null);
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen">
      <form
        className={dragging ? 'panel drop-target' : 'panel'}
        aria-label="Import form: drop a workbook, a CSV folder, a .fet or a .ctt file here"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const dropped = droppedPath(e.dataTransfer);
          if (dropped) {
            setPath(dropped);
            setError(null);
          } else setError('Could not read the path of what was dropped: type it or choose it instead.');
        }}
      >
        <h2>Import college data</h2>
        <p className="muted">
          A workbook (.xlsx), a folder with one CSV file per sheet, a FET file (.fet, .fet.gz) or an ITC-2007
          .ctt file: type its path, choose it, or drop it here. FET constraints the college data cannot
          express exactly are listed below as warnings, per kind, with the activities they concern. Importing
          replaces the project&rsquo;s college data; nothing is kept from an import that has errors.
        </p>
        <label className="field">
          <span>Workbook, CSV folder, .fet or .ctt path</span>
          <input
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/me/college.xlsx"
            spellCheck={false}
          />
        </label>
        <div className="actions">
          <button type="button" onClick={() => void choose(false)}>
            Choose file&hellip;
          </button>
          <button type="button" onClick={() => void choose(true)}>
            Choose folder&hellip;
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Importing\u2026' : outcome && !outcome.ok ? 'Import again' : 'Import'}
          </button>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </form>
      {outcome?.ok === true && (
        <div className="panel" aria-live="polite">
          <h2 ref={resultHeading} tabIndex={-1}>
            Imported
          </h2>
          <table className="counts">
            <tbody>
              {Object.entries(outcome.counts).map(([sheet, n]) => (
                <tr key={sheet}>
                  <th scope="row">{sheet}</th>
                  <td>{n}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button type="button" onClick={onShowData}>
              Browse the data
            </button>
          </div>
          {outcome.warnings.length > 0 && <IssueTable issues={outcome.warnings} caption="Warnings" />}
        </div>
      )}
      {outcome?.ok === false && (
        <div className="panel">
          <h2 role="alert" ref={resultHeading} tabIndex={-1}>
            {outcome.errors.length === 1 ? '1 error' : `${outcome.errors.length} errors`}: nothing was
            imported
          </h2>
          <p className="muted">Fix these rows in the file, then press Import again.</p>
          <IssueTable issues={outcome.errors} caption="Errors" />
          {outcome.warnings.length > 0 && <IssueTable issues={outcome.warnings} caption="Warnings" />}
        </div>
      )}
      <div className="panel">
        <h3>No workbook yet?</h3>
        <p className="muted">
          Start from the template: every sheet with its columns, one example row each, and an Instructions
          sheet.
        </p>
        <label className="field">
          <span>Save the template to</span>
          <input
            value={templateOut}
            onChange={(e) => setTemplateOut(e.target.value)}
            placeholder="/home/me/college.xlsx (empty: choose in a dialog)"
            spellCheck={false}
          />
        </label>
        <div className="actions">
          <button type="button" onClick={() => void saveTemplate()}>
            Save the template workbook
          </button>
          {templateNote && <span className="muted">{templateNote}</span>}
        </div>
      </div>
    </section>
  );
}
