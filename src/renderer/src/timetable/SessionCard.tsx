import { memo } from 'react';
import type { Positions } from '../../../shared/editor/engineTypes.ts';
import type { EditorModel } from './editorStore.ts';
import { cardText } from './viewModel.ts';

export interface CardHandlers {
  onPick: (session: number) => void;
  onDragStart: (session: number) => void;
  onDragEnd: () => void;
  onToggleLock: (session: number) => void;
}

interface Props {
  model: EditorModel;
  positions: Positions;
  session: number;
  selected: boolean;
  highlighted: boolean;
  /** Placed differently in the version compared with. */
  changed?: boolean;
  /** One line per card, when several share a cell. */
  compact?: boolean;
  /** No drag, pick-up or lock (a version only looked at). */
  handlers?: CardHandlers;
  /** The second line names the groups instead of the teachers (in a teacher's own week). */
  showGroups?: boolean;
}

export const SessionCard = memo(function SessionCard(props: Props): React.JSX.Element {
  const { model, positions, session: s, handlers } = props;
  const t = cardText(model, positions, s);
  const locked = positions.locked[s] === 1;
  const classes = [
    'card',
    props.compact && 'compact',
    props.selected && 'selected',
    props.highlighted && 'highlight',
    props.changed && 'changed',
    locked && 'locked',
  ]
    .filter(Boolean)
    .join(' ');
  const label = `${t.courseId} ${t.courseName}, session ${t.session}, ${t.teachers || 'no teacher'}, room ${t.room}${locked ? ', locked' : ''}`;
  return (
    <div
      className={classes}
      data-session={s}
      data-course={t.courseId}
      role={handlers ? 'button' : undefined}
      tabIndex={handlers ? 0 : undefined}
      aria-pressed={handlers ? props.selected : undefined}
      aria-label={label}
      title={`${t.courseId} ${t.courseName} (session ${t.session})\n${t.teachers}${t.teacherIds ? ` (${t.teacherIds})` : ''}\nRoom ${t.room}\nGroups ${t.groups}`}
      draggable={Boolean(handlers) && !locked}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', String(s));
        e.dataTransfer.effectAllowed = 'move';
        handlers?.onDragStart(s);
      }}
      onDragEnd={handlers?.onDragEnd}
      onClick={(e) => {
        if (!handlers) return;
        e.stopPropagation();
        handlers.onPick(s);
      }}
      onKeyDown={(e) => {
        if (!handlers || e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          handlers.onPick(s);
        } else if (e.key.toLowerCase() === 'l' && !e.ctrlKey && !e.metaKey && !e.altKey) {
          e.preventDefault();
          handlers.onToggleLock(s);
        }
      }}
    >
      <div className="card-title">
        <strong>{t.courseId}</strong>
        {props.compact && <span className="card-room">{t.room}</span>}
        {handlers && (
          <button
            type="button"
            className="lock"
            tabIndex={-1}
            aria-label={locked ? 'Unlock session' : 'Lock session'}
            title={locked ? 'Locked: click (or press L) to unlock' : 'Lock this session in place (L)'}
            onClick={(e) => {
              e.stopPropagation();
              handlers.onToggleLock(s);
            }}
          >
            {locked ? 'Locked' : 'Lock'}
          </button>
        )}
      </div>
      {!props.compact && <div className="card-name">{t.courseName}</div>}
      <div className="card-meta">
        {props.showGroups ? (
          <span className="card-groups">{t.groups}</span>
        ) : (
          <span className="card-teacher">{t.teachers || 'no teacher'}</span>
        )}
        {!props.compact && (
          <>
            {' · '}
            <span className="card-room">{t.room}</span>
          </>
        )}
      </div>
    </div>
  );
});
