// ICS export: one calendar file per entity under `<out>/groups/`, `<out>/faculty/`, `<out>/rooms/`,
// plus the SEQUENCE manifest (see manifest.ts). `out` is a directory.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { College } from '../../../shared/model/index.ts';
import { writeFilesAtomically } from '../atomicWrite.ts';
import { recoverPublish } from '../publish.ts';
import type { ResolvedSession } from '../sessions.ts';
import type { ExportOptions } from '../types.ts';
import { selectedViews, viewEntities, VIEW_TITLES } from '../views.ts';
import { entityCalendar, type CalendarContext } from './entityCalendar.ts';
import { MANIFEST_FILE, readManifest, SequenceBook } from './manifest.ts';
import { termOf } from './termDates.ts';

/** A file name for an id: letters, digits, `.`, `_` and `-` kept, anything else becomes `_`. */
export function fileNameFor(id: string, taken: Set<string>): string {
  const base = id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || '_';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}`;
  taken.add(name.toLowerCase());
  return `${name}.ics`;
}

export async function exportIcs(
  college: College,
  sessions: readonly ResolvedSession[],
  opts: ExportOptions,
): Promise<{ files: string[]; calendars: number }> {
  const term = termOf(college.calendar);
  // An export killed while moving its calendars into place is finished first, so that the SEQUENCE
  // manifest read here is the one that goes with the calendars in the folder.
  await recoverPublish(opts.out);
  const sequences = new SequenceBook(opts.previous ?? (await readManifest(opts.out)));
  const ctx: CalendarContext = {
    college,
    term,
    sequences,
    stamp: opts.generatedAt ?? new Date(),
    sessionsPerWeek: new Map(college.courses.map((c) => [c.id, c.sessions])),
    names: {
      faculty: new Map(college.faculty.map((f) => [f.id, f.name])),
      groups: new Map(college.groups.map((g) => [g.id, g.name])),
      rooms: new Map(college.rooms.map((r) => [r.id, r.name])),
    },
  };
  let calendars = 0;
  const files = await writeFilesAtomically(opts.out, async (staging) => {
    const written: string[] = [];
    for (const view of selectedViews(opts.view)) {
      const entities = viewEntities(college, sessions, view, opts.only);
      if (entities.length === 0) continue;
      const folder = VIEW_TITLES[view].file;
      await mkdir(join(staging, folder));
      const taken = new Set<string>();
      for (const entity of entities) {
        const rel = join(folder, fileNameFor(entity.id, taken));
        await writeFile(join(staging, rel), entityCalendar(ctx, entity));
        written.push(rel);
        calendars++;
      }
    }
    await writeFile(join(staging, MANIFEST_FILE), JSON.stringify(sequences.manifest()));
    written.push(MANIFEST_FILE);
    return written;
  });
  return { files, calendars };
}
