// One timetable version on the Variants screen: its name (renamed in place), marks for a version
// edited by hand or made for an earlier import, its costs and KPIs, and make active / delete.
import { useState } from 'react';
import type { TimetableInfo } from '../../../shared/ipc/contract.ts';
import type { TimetableKpis } from '../../../shared/model/timetableKpis.ts';

interface Props {
  t: TimetableInfo;
  kpis: TimetableKpis | undefined;
  onOpen: () => void;
  onMakeActive: () => void;
  /** Resolves when saved; rejects with the reason to show. */
  onRename: (name: string) => Promise<void>;
  onDelete: () => Promise<void>;
}

function topSoft(soft: Record<string, number>): string {
  const parts = Object.entries(soft)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k.replace(/_/g, ' ')} ${Math.round(n * 100) / 100}`);
  return parts.length ? parts.join(', ') : 'none';
}

const KIND_WORDS: Record<string, string> = {
  solution: 'made by Generate',
  variant: 'a variant made by Generate',
  manual: 'made by hand',
  import: 'imported',
};

export function VersionRow({ t, kpis, onOpen, onMakeActive, onRename, onDelete }: Props): React.JSX.Element {
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (): Promise<void> => {
    if (editing === null) return;
    try {
      await onRename(editing);
      setEditing(null);
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <tr data-id={t.id} className={t.active ? 'active-row' : undefined}>
      <td className="version-name">
        {editing === null ? (
          <>
            <span title={KIND_WORDS[t.kind] ?? t.kind}>{t.name}</span>
            {t.edited && (
              <span
                className="badge mark-edited"
                title={`Changed by hand, last on ${t.updatedAt.replace('T', ' ').slice(0, 16)}`}
              >
                hand-edited
              </span>
            )}
            {t.stale && (
              <span className="badge mark-stale" title="Made for an earlier import of the college data">
                earlier data
              </span>
            )}
          </>
        ) : (
          <form
            className="rename"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              aria-label={`New name for ${t.name}`}
              value={editing}
              maxLength={200}
              autoFocus
              onChange={(e) => setEditing(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') setEditing(null);
              }}
            />
            <button type="submit">Save</button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </form>
        )}
        {problem && (
          <p role="alert" className="error small">
            {problem}
          </p>
        )}
      </td>
      <td className="num">{t.hardTotal}</td>
      <td className="num">{Math.round(t.softTotal * 100) / 100}</td>
      <td className="small soft-kinds">{topSoft(t.soft)}</td>
      <td className="num">
        {t.placed}/{t.sessions}
      </td>
      <td className="num">{kpis?.facultyDaysOnCampus.toFixed(1) ?? ''}</td>
      <td className="num">{kpis ? `${Math.round(kpis.roomUse * 100)}%` : ''}</td>
      <td className="small">{t.createdAt.replace('T', ' ').slice(5, 16)}</td>
      <td className="row-actions">
        {t.active ? (
          <button type="button" onClick={onOpen}>
            Active &middot; open
          </button>
        ) : (
          <button type="button" onClick={onMakeActive}>
            Make active
          </button>
        )}
        <button type="button" onClick={() => setEditing(t.name)} aria-label={`Rename ${t.name}`}>
          Rename
        </button>
        {!t.active &&
          (confirming ? (
            <span className="confirm-delete" role="group" aria-label={`Delete ${t.name}?`}>
              Delete for good?{' '}
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void onDelete().catch((e: unknown) =>
                    setProblem(e instanceof Error ? e.message : String(e)),
                  )
                }
              >
                Delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" onClick={() => setConfirming(true)} aria-label={`Delete ${t.name}`}>
              Delete
            </button>
          ))}
      </td>
    </tr>
  );
}
