import type { Loaded } from './useEditor.ts';

interface Props {
  loaded: Loaded;
  session: number;
  selected: boolean;
  highlighted: boolean;
  onPick: (session: number) => void;
  onDragStart: (session: number) => void;
  onDragEnd: () => void;
  onToggleLock: (session: number) => void;
}

function listed(offsets: Int32Array, items: Int32Array, row: number, ids: string[]): string {
  const out: string[] = [];
  for (let i = offsets[row]; i < offsets[row + 1]; i++) out.push(ids[items[i]]);
  return out.join(', ');
}

export function SessionCard(props: Props): React.JSX.Element {
  const { loaded, session: s } = props;
  const { problem, state, college } = loaded;
  const c = problem.sessionCourse[s];
  const course = college.courses[c];
  const locked = loaded.locked[s] === 1;
  const room = state.room[s] >= 0 ? problem.roomIds[state.room[s]] : 'no room';
  const faculty = listed(problem.courseFaculty.offsets, problem.courseFaculty.items, c, problem.facultyIds);
  const groups = listed(problem.courseGroups.offsets, problem.courseGroups.items, c, problem.groupIds);
  const classes = ['card', props.selected && 'selected', props.highlighted && 'highlight', locked && 'locked']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      data-session={s}
      data-course={problem.courseIds[c]}
      role="button"
      tabIndex={0}
      aria-pressed={props.selected}
      aria-label={`${problem.courseIds[c]} ${course.name}, session ${problem.sessionIndex[s] + 1}${locked ? ', locked' : ''}`}
      draggable={!locked}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', String(s));
        e.dataTransfer.effectAllowed = 'move';
        props.onDragStart(s);
      }}
      onDragEnd={props.onDragEnd}
      onClick={(e) => {
        e.stopPropagation();
        props.onPick(s);
      }}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          props.onPick(s);
        }
      }}
    >
      <div className="card-title">
        <strong>{problem.courseIds[c]}</strong>
        <button
          type="button"
          className="lock"
          aria-label={locked ? 'Unlock session' : 'Lock session'}
          title={locked ? 'Locked: click to unlock' : 'Lock this session in place'}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggleLock(s);
          }}
        >
          {locked ? 'Locked' : 'Lock'}
        </button>
      </div>
      <div className="card-name">{course.name}</div>
      <div className="card-meta">
        <span title="Faculty">{faculty || 'no faculty'}</span> · <span title="Room">{room}</span>
      </div>
      <div className="card-meta muted" title="Groups">
        {groups}
      </div>
    </div>
  );
}
