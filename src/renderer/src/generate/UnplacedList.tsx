// Sessions a finished timetable could not place, each with the reason we know of: a pre-check
// finding that names its course, otherwise the general one.
import { useEffect, useState } from 'react';
import { api, messageOf } from '../api.ts';

interface Row {
  courseId: string;
  session: number;
  reason: string;
}

const GENERAL =
  'No slot and room met every hard rule in the time given (try a longer time limit, or check the course on the Data screen).';

export function UnplacedList({ timetableId }: { timetableId: number }): React.JSX.Element | null {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [found, findings] = await Promise.all([
          api().timetableGet({ id: timetableId }),
          api().dataPrecheck(),
        ]);
        const unplaced = (found?.timetable.assignments ?? []).filter(
          (a) => a.day === null || a.period === null,
        );
        const list = unplaced.map((a) => {
          const finding = findings.find((f) => f.rows.some((r) => r.id === a.courseId));
          return { courseId: a.courseId, session: a.session, reason: finding ? finding.message : GENERAL };
        });
        if (live) setRows(list);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [timetableId]);

  if (error) return <p className="error">{error}</p>;
  if (!rows || rows.length === 0) return null;
  return (
    <div className="panel">
      <h3>Unplaced sessions ({rows.length})</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Course</th>
            <th scope="col">Session</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.courseId}-${r.session}`}>
              <td>{r.courseId}</td>
              <td>{r.session}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
