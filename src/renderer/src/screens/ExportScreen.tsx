// Export: write the active timetable as CSV, ITC-2007, PDF, ICS calendars, an Excel workbook or a FET file.
import { useEffect, useState } from 'react';
import type { ExportFormatName, ExportOutcome } from '../../../shared/ipc/contract.ts';
import { api, messageOf } from '../api.ts';

const FORMATS: Array<{ id: ExportFormatName; label: string; target: string; ext: string }> = [
  { id: 'csv', label: 'CSV (one row per session)', target: 'file', ext: '.csv' },
  { id: 'xlsx', label: 'Excel workbook', target: 'file', ext: '.xlsx' },
  { id: 'pdf', label: 'PDF timetables (one per group, faculty or room)', target: 'folder', ext: '' },
  { id: 'ics', label: 'Calendar files (ICS)', target: 'folder', ext: '' },
  { id: 'itc', label: 'ITC-2007 solution', target: 'file', ext: '.sol' },
  { id: 'fet', label: 'FET file (sessions locked at their times and rooms)', target: 'file', ext: '.fet' },
];

type View = '' | 'group' | 'faculty' | 'room';

export function ExportScreen(): React.JSX.Element {
  const [format, setFormat] = useState<ExportFormatName>('csv');
  const [view, setView] = useState<View>('');
  const [out, setOut] = useState('');
  const [busy, setBusy] = useState(false);
  const [waited, setWaited] = useState(0);
  const [done, setDone] = useState<ExportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = FORMATS.find((f) => f.id === format) ?? FORMATS[0];

  // Seconds spent on the running export (a big PDF booklet takes a while; the app gives up after 10 min).
  useEffect(() => {
    if (!busy) return;
    setWaited(0);
    const started = Date.now();
    const timer = setInterval(() => setWaited(Math.round((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  const browse = async (): Promise<void> => {
    try {
      const path = await api().dialogSave({
        title: `Export ${chosen.label}`,
        defaultName: `timetable${chosen.ext}`,
      });
      if (path) setOut(path);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const run = async (): Promise<void> => {
    setError(null);
    setDone(null);
    if (!out.trim()) return setError(`Type the ${chosen.target} to write to, or press Choose\u2026`);
    setBusy(true);
    try {
      setDone(await api().exportRun({ format, out: out.trim(), ...(view ? { view } : {}) }));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="screen">
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2>Export the active timetable</h2>
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormatName)}>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {(format === 'pdf' || format === 'ics' || format === 'xlsx') && (
          <label className="field">
            <span>Whose timetables</span>
            <select value={view} onChange={(e) => setView(e.target.value as View)}>
              <option value="">Groups, faculty and rooms</option>
              <option value="group">Student groups</option>
              <option value="faculty">Faculty</option>
              <option value="room">Rooms</option>
            </select>
          </label>
        )}
        <label className="field">
          <span>Save to ({chosen.target})</span>
          <input value={out} onChange={(e) => setOut(e.target.value)} spellCheck={false} />
        </label>
        <div className="actions">
          <button type="button" onClick={() => void browse()}>
            Choose&hellip;
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Exporting\u2026' : 'Export'}
          </button>
        </div>
        {busy && (
          <p role="status" className="muted">
            Writing {chosen.label.toLowerCase()}&hellip; {waited > 0 ? `${waited} s` : ''}
          </p>
        )}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {done && (
          <p aria-live="polite">
            Wrote {done.files.length} file{done.files.length === 1 ? '' : 's'}
            {done.pages ? ` (${done.pages} pages)` : ''}: {done.files.slice(0, 3).join(', ')}
            {done.files.length > 3 ? ', \u2026' : ''}
          </p>
        )}
      </form>
    </section>
  );
}
