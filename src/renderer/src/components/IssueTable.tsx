import { useMemo, useState } from 'react';
import type { ImportIssue } from '../../../shared/model/issues.ts';
import { ISSUE_COLUMNS, issuesToTsv, sortIssues, type IssueColumn } from './issueTable.ts';

const LABELS: Record<IssueColumn, string> = {
  file: 'File',
  sheet: 'Sheet',
  row: 'Row',
  column: 'Column',
  message: 'Problem',
  hint: 'What to do',
};

interface Props {
  issues: ImportIssue[];
  caption: string;
}

export function IssueTable({ issues, caption }: Props): React.JSX.Element {
  const [sortBy, setSortBy] = useState<IssueColumn | null>(null);
  const [ascending, setAscending] = useState(true);
  const [copied, setCopied] = useState<string | null>(null);
  const rows = useMemo(
    () => (sortBy ? sortIssues(issues, sortBy, ascending) : issues),
    [issues, sortBy, ascending],
  );

  const sort = (column: IssueColumn): void => {
    if (column === sortBy) setAscending(!ascending);
    else {
      setSortBy(column);
      setAscending(true);
    }
  };

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(issuesToTsv(rows));
      setCopied(`Copied ${rows.length} ${rows.length === 1 ? 'row' : 'rows'} as tab-separated text.`);
    } catch {
      setCopied('The clipboard is not available: select the table and copy it instead.');
    }
  };

  return (
    <div className="issue-table" data-testid={caption.toLowerCase()}>
      <div className="table-tools">
        <button type="button" onClick={() => void copy()}>
          Copy {caption.toLowerCase()}
        </button>
        {copied && (
          <span role="status" className="muted">
            {copied}
          </span>
        )}
      </div>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {ISSUE_COLUMNS.map((c) => (
                <th
                  key={c}
                  scope="col"
                  aria-sort={sortBy === c ? (ascending ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" className="sort" onClick={() => sort(c)}>
                    {LABELS[c]}
                    {sortBy === c ? (ascending ? ' \u25B2' : ' \u25BC') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((issue, i) => (
              <tr key={i}>
                {ISSUE_COLUMNS.map((c) => (
                  <td key={c} className={`col-${c}`}>
                    {issue[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
