// The Generate form: a new timetable (keeping the locked sessions of the active one) or an
// improvement of the active timetable, the time limit, variants, seed and stall time; and a
// warning before solving data that the pre-check shows cannot be fully satisfied.
import { useEffect, useRef, useState } from 'react';
import type { Finding, TimetableInfo } from '../../../shared/ipc/contract.ts';
import type { JobStartRequest } from '../../../shared/ipc/jobEvents.ts';
import { api, messageOf } from '../api.ts';
import { costWords } from './resultWords.ts';

interface Props {
  running: boolean;
  /** Changes when jobs start or end: the active timetable and its locks are read again. */
  refreshKey: string;
  onStart: (request: JobStartRequest) => Promise<void>;
  /** Shows the Data screen (where the pre-check findings are listed with their rows). */
  onOpenData?: () => void;
}

type Mode = 'new' | 'improve';

export function StartForm({ running, refreshKey, onStart, onOpenData }: Props): React.JSX.Element {
  const [mode, setMode] = useState<Mode>('new');
  const [timeLimit, setTimeLimit] = useState('60');
  const [variants, setVariants] = useState('1');
  const [seed, setSeed] = useState('1');
  const [stall, setStall] = useState('');
  const [active, setActive] = useState<TimetableInfo | null>(null);
  const [blocking, setBlocking] = useState<Finding[]>([]);
  const [confirm, setConfirm] = useState<JobStartRequest | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The blocking findings once the pre-check has answered: Start waits for it, so a click before
  // the answer arrives still gets the warning.
  const checked = useRef<Promise<Finding[]>>(Promise.resolve([]));

  useEffect(() => {
    let live = true;
    checked.current = Promise.all([api().timetableList(), api().dataPrecheck()]).then(
      ([list, findings]) => {
        const fatal = findings.filter((f) => f.fatal);
        if (live) {
          setActive(list.find((t) => t.active) ?? null);
          setBlocking(fatal);
        }
        return fatal;
      },
      (e: unknown) => {
        if (live) setError(messageOf(e));
        return [];
      },
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);

  const request = (): JobStartRequest | string => {
    const t = Number(timeLimit);
    const k = Number(variants);
    const s = Number(seed);
    if (!(t > 0 && t <= 86_400)) return 'The time limit is a number of seconds, from 1 to 86400.';
    if (!Number.isInteger(k) || k < 1 || k > 50)
      return 'The number of variants is a whole number from 1 to 50.';
    if (!Number.isInteger(s) || s < 0) return 'The seed is a whole number, 0 or more.';
    const st = stall.trim() === '' ? undefined : Number(stall);
    if (st !== undefined && !(st > 0 && st <= 600))
      return '"Stuck after" is a number of seconds from 1 to 600, or empty for the default (10 s).';
    const start = mode === 'improve' && active ? 'improve' : 'new';
    return { timeLimitS: t, variants: k, seed: s, start, ...(st ? { stallTimeoutS: st } : {}) };
  };

  const submit = async (req: JobStartRequest): Promise<void> => {
    setConfirm(null);
    try {
      await onStart(req);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const go = async (): Promise<void> => {
    setError(null);
    const req = request();
    if (typeof req === 'string') return setError(req);
    // Data the pre-check proves cannot be fully satisfied: say so before solving, let them choose.
    if ((await checked.current).length > 0) return setConfirm(req);
    await submit(req);
  };

  const locks = active?.locked ?? 0;
  return (
    <form
      className="panel generate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      <h2>Generate a timetable</h2>
      <p className="muted">
        The solver checks the data, splits the college into clusters, schedules them exactly where it can,
        then improves the week by local search until the time limit. Several variants use different seeds.
      </p>
      <fieldset className="start-mode">
        <legend>Start from</legend>
        <label>
          <input type="radio" name="start" checked={mode === 'new'} onChange={() => setMode('new')} />
          <span>
            <b>New timetable</b>{' '}
            <span className="muted">
              {locks > 0 && active
                ? `keeps the ${locks === 1 ? 'locked session' : `${locks} locked sessions`} of \u201c${active.name}\u201d and every pinned (Fixed sheet) session where they are`
                : 'keeps every pinned (Fixed sheet) session where it is'}
            </span>
          </span>
        </label>
        <label>
          <input
            type="radio"
            name="start"
            checked={mode === 'improve'}
            disabled={!active}
            onChange={() => setMode('improve')}
          />
          <span>
            <b>Improve the current timetable</b>{' '}
            <span className="muted">
              {active
                ? `starts from \u201c${active.name}\u201d (${costWords(active)}) and keeps its locks`
                : 'there is no timetable yet'}
            </span>
          </span>
        </label>
      </fieldset>
      <div className="field-row">
        <label className="field">
          <span>Time limit (seconds)</span>
          <input inputMode="numeric" value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} />
        </label>
        <label className="field">
          <span>Number of variants</span>
          <input inputMode="numeric" value={variants} onChange={(e) => setVariants(e.target.value)} />
        </label>
        <label className="field">
          <span>Seed</span>
          <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} />
        </label>
        <label className="field">
          <span>Stuck after (seconds of silence)</span>
          <input
            inputMode="numeric"
            value={stall}
            placeholder="10"
            onChange={(e) => setStall(e.target.value)}
          />
        </label>
      </div>
      <p className="small muted">
        The result becomes the active timetable only when it is at least as good as the active one; otherwise
        you choose.
      </p>
      {confirm ? (
        <div className="callout warn" role="alert">
          <h4>
            The data has{' '}
            {blocking.length === 1 ? '1 problem that blocks' : `${blocking.length} problems that block`} a
            timetable
          </h4>
          <ul>
            {blocking.slice(0, 3).map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
            {blocking.length > 3 && <li className="muted">and {blocking.length - 3} more</li>}
          </ul>
          <p>
            The solver will still try, but some sessions cannot be placed or some rules cannot hold until the
            data is fixed.
          </p>
          <div className="actions">
            {onOpenData && (
              <button type="button" onClick={onOpenData}>
                Show them on the Data screen
              </button>
            )}
            <button type="button" onClick={() => setConfirm(null)}>
              Cancel
            </button>
            <button type="button" className="primary" onClick={() => void submit(confirm)}>
              Generate anyway
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="submit" className="primary">
            {running ? 'Start another' : 'Start'}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
