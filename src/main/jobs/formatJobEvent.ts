// One line per job event for the CLI's progress output, e.g.
// `job 3 search 62% hard 0 soft 143 12.4s eta 7.1s`.
import type { JobEvent } from '../../shared/ipc/jobEvents.ts';
import { assertNever } from '../../shared/solver/messages.ts';
import { remainingWords } from '../../shared/eval/studentClashes.ts';

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;
const cost = (v: number | null): string => (v === null ? '-' : String(Math.round(v * 100) / 100));

export function formatJobEvent(e: JobEvent): string {
  const head = `job ${e.jobId}`;
  const tail = `${secs(e.elapsedMs)}${e.etaMs === null ? '' : ` eta ${secs(e.etaMs)}`}`;
  switch (e.type) {
    case 'queued':
      return `${head} queued: ${e.name}`;
    case 'started': {
      const from = e.resumedFrom ? `, resuming from ${e.resumedFrom} checkpoint` : '';
      const skip = e.skipStages.length ? `, skipping ${e.skipStages.join(', ')}` : '';
      return `${head} attempt ${e.attempt} started (pid ${e.pid ?? '?'}${from}${skip})`;
    }
    case 'progress':
      return `${head} ${e.stage} ${Math.round(e.percent)}% hard ${cost(e.bestHard)} soft ${cost(e.bestSoft)} ${tail}`;
    case 'stuck':
      return `${head} attempt ${e.attempt} stuck: no progress for ${secs(e.silentMs)}`;
    case 'retrying':
      return `${head} attempt ${e.attempt} failed (${e.failure}${e.failedStage ? ` in ${e.failedStage}` : ''}): ${e.reason} Retrying.`;
    case 'finished': {
      const students = e.studentClashTotals ? remainingWords(e.studentClashTotals) : '';
      return `${head} finished: hard ${cost(e.hardTotal)} soft ${cost(e.softTotal)}${students ? `, ${students}` : ''} -> timetable ${e.timetableId} in ${secs(e.elapsedMs)}${e.note ? ` (${e.note})` : ''}`;
    }
    case 'failed':
      return `${head} failed after ${secs(e.elapsedMs)}: ${e.reason}`;
    case 'cancelled':
      return `${head} cancelled after ${secs(e.elapsedMs)}`;
    default:
      return assertNever(e);
  }
}
