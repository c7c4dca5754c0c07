// The Timetable screen before there is anything to edit: import the college first, or make a
// timetable on the Generate screen.
interface Props {
  noCollege: boolean;
  onImport: () => void;
  onGenerate?: () => void;
}

export function EmptyState({ noCollege, onImport, onGenerate }: Props): React.JSX.Element {
  return (
    <section className="screen">
      <div className="panel empty-state">
        <h2>No timetable yet</h2>
        {noCollege ? (
          <>
            <p>Import the college data first; a timetable is made from it.</p>
            <button type="button" className="primary" onClick={onImport}>
              Import college data
            </button>
          </>
        ) : (
          <>
            <p>
              This project has its college data but no timetable yet. Make one on the Generate screen: it
              opens here when it is ready.
            </p>
            {onGenerate && (
              <button type="button" className="primary" onClick={onGenerate}>
                Go to Generate
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
