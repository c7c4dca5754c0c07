// What went wrong with an export, in the words of someone saving a file: which path, why, and what
// to do. The system's own message (EEXIST, EISDIR, ...) is kept in the details for a bug report.
import { ExportError } from '../export/index.ts';
import { AppError } from '../../shared/ipc/envelope.ts';

/** The path a Node file-system error names (the rename target when there is one). */
function pathOf(err: NodeJS.ErrnoException, fallback: string): string {
  const dest = (err as { dest?: unknown }).dest;
  if (typeof dest === 'string') return dest;
  return typeof err.path === 'string' ? err.path : fallback;
}

export function exportErrorWords(err: unknown, out: string, format: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ExportError) return new AppError('export_failed', err.message);
  const e = err as NodeJS.ErrnoException;
  const raw = e instanceof Error ? e.message : String(err);
  const at = e instanceof Error ? pathOf(e, out) : out;
  const hidden = /[\\/]\.[^\\/]*\.tmp$|[\\/]\.slotwise-staging\./.test(at);
  const where = hidden ? out : at;
  const words: Record<string, string> = {
    EEXIST: `${where} is in the way: a file has that name where a folder is needed. Choose another place or name.`,
    EISDIR: `${out} is a folder: type a file name inside it, for example ${out.replace(/[\\/]+$/, '')}/timetable.${format === 'itc' ? 'sol' : format}.`,
    ENOTDIR: `A part of ${where} is a file, not a folder: choose another place.`,
    EACCES: `You may not write to ${where}: choose a folder you can write to, such as one in your Documents.`,
    EPERM: `${where} cannot be written (no permission, or the file is open in another program): close it there or choose another place.`,
    EBUSY: `${where} is open in another program: close it there, then export again.`,
    EROFS: `${where} is on a read-only disk: choose another place.`,
    ENOSPC: `The disk of ${where} is full: free some space or choose another disk.`,
    EDQUOT: `Your disk quota for ${where} is used up: free some space or choose another place.`,
    ENOENT: `${where} cannot be made here (its folder does not accept new files): choose another place.`,
    ENAMETOOLONG: `The path ${where} is too long: choose a shorter name or folder.`,
    EMFILE: 'Too many files are open: close other programs and export again.',
  };
  const plain = typeof e?.code === 'string' ? words[e.code] : undefined;
  if (plain) return new AppError('export_failed', `Could not export: ${plain}`, { system: raw });
  return new AppError('export_failed', `Could not export to ${out}: ${raw}`, { system: raw });
}
