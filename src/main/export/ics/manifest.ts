// SEQUENCE across exports: the ICS export leaves `slotwise-ics.json` next to the calendars, mapping
// each event UID to its SEQUENCE and where it was (day, first period, room). The next export reads
// it back (or takes `previous` from the caller): a session whose place changed gets SEQUENCE + 1,
// an unchanged one keeps its number, a new one starts at 0. Calendar apps then update the entry in
// place instead of duplicating it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IcsManifest } from '../types.ts';

export const MANIFEST_FILE = 'slotwise-ics.json';

export async function readManifest(dir: string): Promise<IcsManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<IcsManifest>;
    if (parsed.version === 1 && parsed.events && typeof parsed.events === 'object')
      return parsed as IcsManifest;
  } catch {
    // A damaged manifest only costs the SEQUENCE history: start afresh.
  }
  return undefined;
}

export class SequenceBook {
  private readonly previous: IcsManifest | undefined;
  private readonly next: IcsManifest;

  constructor(previous: IcsManifest | undefined) {
    this.previous = previous;
    this.next = { version: 1, events: { ...(previous?.events ?? {}) } };
  }

  /** SEQUENCE for `uid` now at `placement`; records it for the next export. */
  sequenceOf(uid: string, placement: string): number {
    const done = this.next.events[uid];
    if (done && done !== this.previous?.events[uid]) return done.sequence;
    const before = this.previous?.events[uid];
    const sequence = !before ? 0 : before.placement === placement ? before.sequence : before.sequence + 1;
    this.next.events[uid] = { sequence, placement };
    return sequence;
  }

  manifest(): IcsManifest {
    return this.next;
  }
}
