import { Fragment, useEffect, useState } from 'react';
import type { Finding, Page } from '../../../shared/ipc/contract.ts';
import { api, messageOf } from '../api.ts';
import { Findings } from './Findings.tsx';
import './data.css';

const KINDS = ['rooms', 'faculty', 'groups', 'courses', 'students'] as const;
type Kind = (typeof KINDS)[number];
const PAGE = 50;
const SHEETS: Record<Kind, string> = {
  rooms: 'Rooms',
  faculty: 'Faculty',
  groups: 'Groups',
  courses: 'Courses',
  students: 'Students',
};

/** `maxPerDay` -> `Max per day`, `id` -> `Id`. */
function header(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
    if (value.length === 0) return '';
    return value.every((v) => typeof v === 'object' && v !== null && 'day' in v && 'period' in v)
      ? `${value.length} ${value.length === 1 ? 'slot' : 'slots'}`
      : `${value.length} entries`;
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A cell: an id kept on one line; a list of ids wrapped between ids, never inside one. */
function Cell({ column, value }: { column: string; value: unknown }): React.JSX.Element {
  if (column === 'id') return <td className="id-cell">{show(value)}</td>;
  if (Array.isArray(value) && value.length > 1 && value.every((v) => typeof v === 'string'))
    return (
      <td className="ids-cell">
        {value.map((v, i) => (
          <Fragment key={i}>
            <span>{v}</span>
            {i < value.length - 1 ? ', ' : ''}
          </Fragment>
        ))}
      </td>
    );
  return <td>{show(value)}</td>;
}

interface Props {
  onImport: () => void;
}

export function DataScreen({ onImport }: Props): React.JSX.Element {
  const [kind, setKind] = useState<Kind>('courses');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<Record<string, unknown>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [findings, setFindings] = useState<Finding[] | null>(null);

  useEffect(() => {
    api()
      .dataPrecheck()
      .then(setFindings, (e: unknown) => setError(messageOf(e)));
  }, []);

  useEffect(() => {
    let live = true;
    api()
      .dataBrowse({ kind, search: search.trim() || undefined, offset, limit: PAGE })
      .then(
        (p) => {
          if (live) {
            setPage(p);
            setError(null);
          }
        },
        (e: unknown) => live && setError(messageOf(e)),
      );
    return () => {
      live = false;
    };
  }, [kind, search, offset]);

  const flagged = new Map<string, string[]>();
  for (const f of findings ?? [])
    for (const r of f.rows)
      if (r.sheet === SHEETS[kind]) flagged.set(r.id, [...(flagged.get(r.id) ?? []), f.message]);
  const showRow = (sheet: string, id: string): void => {
    const k = KINDS.find((x) => SHEETS[x] === sheet);
    if (!k) return;
    setKind(k);
    setSearch(id);
    setOffset(0);
  };
  const columns = page && page.rows.length > 0 ? Object.keys(page.rows[0]) : [];
  const last = page ? Math.min(offset + PAGE, page.total) : 0;
  return (
    <section className="screen">
      {findings && page && (page.total > 0 || search) && <Findings findings={findings} onShowRow={showRow} />}
      <div className="panel">
        <h2>College data</h2>
        <div role="tablist" aria-label="Kind of data" className="tabs">
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={k === kind}
              className={k === kind ? 'tab current' : 'tab'}
              onClick={() => {
                setKind(k);
                setOffset(0);
              }}
            >
              {k[0].toUpperCase() + k.slice(1)}
            </button>
          ))}
        </div>
        <label className="field inline">
          <span>Search id or name</span>
          <input
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
            placeholder={`Search ${kind}`}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {page && page.total === 0 && !search && (
          <div className="empty-state">
            <p>No {kind} in this project yet.</p>
            <button type="button" className="primary" onClick={onImport}>
              Import college data
            </button>
          </div>
        )}
        {page && page.total === 0 && search && (
          <p className="muted">Nothing matches &ldquo;{search}&rdquo;.</p>
        )}
        {page && page.total > 0 && (
          <>
            <div className="table-scroll">
              <table className="data-table data-browse">
                <thead>
                  <tr>
                    <th scope="col" className="flag-col">
                      <span className="visually-hidden">Pre-check</span>
                    </th>
                    {columns.map((c) => (
                      <th key={c} scope="col">
                        {header(c)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row, i) => (
                    <tr
                      key={typeof row['id'] === 'string' ? row['id'] : i}
                      className={
                        typeof row['id'] === 'string' && flagged.has(row['id']) ? 'flagged' : undefined
                      }
                    >
                      <td className="flag-col">
                        {typeof row['id'] === 'string' && flagged.has(row['id']) && (
                          <span className="flag" title={flagged.get(row['id'])?.join('\n')}>
                            !
                          </span>
                        )}
                      </td>
                      {columns.map((c) => (
                        <Cell key={c} column={c} value={row[c]} />
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="pager">
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                Previous
              </button>
              <span role="status">
                {offset + 1}&ndash;{last} of {page.total}
              </span>
              <button type="button" disabled={last >= page.total} onClick={() => setOffset(offset + PAGE)}>
                Next
              </button>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
