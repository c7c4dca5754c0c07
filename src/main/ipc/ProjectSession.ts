// Owns the open project's database connection and remembers the last project opened.
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { hasCollege, listTimetables, openProject } from '../db/index.ts';
import type { ProjectInfo } from '../../shared/ipc/contract.ts';

export class ProjectSession {
  private db: Database.Database | null = null;
  private path: string | null = null;
  private readonly recentFile: string;
  private readonly closeListeners: Array<() => void> = [];

  constructor(userDataDir: string) {
    mkdirSync(userDataDir, { recursive: true });
    this.recentFile = join(userDataDir, 'recent.json');
  }

  open(path: string, create: boolean): ProjectInfo {
    const db = openProject(path, { create });
    this.close();
    this.db = db;
    this.path = path;
    this.remember(path);
    return this.describe();
  }

  /** The open project, reopening the last one after a restart when it still exists. */
  info(): ProjectInfo | null {
    if (!this.db) {
      const last = this.recent()[0];
      if (!last || !existsSync(last)) return null;
      try {
        return this.open(last, false);
      } catch {
        return null;
      }
    }
    return this.describe();
  }

  connection(): Database.Database {
    if (!this.db) throw new Error('No project is open.');
    return this.db;
  }

  /** Runs before the project's connection closes (the job runner shuts down there). */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    if (this.db) for (const listener of this.closeListeners) listener();
    this.db?.close();
    this.db = null;
    this.path = null;
  }

  recent(): string[] {
    try {
      const list: unknown = JSON.parse(readFileSync(this.recentFile, 'utf8'));
      return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  private remember(path: string): void {
    const list = [path, ...this.recent().filter((p) => p !== path)].slice(0, 10);
    writeFileSync(this.recentFile, JSON.stringify(list));
  }

  private describe(): ProjectInfo {
    const db = this.connection();
    return {
      path: this.path ?? '',
      name: basename(this.path ?? '').replace(/\.slotwise$/i, ''),
      hasCollege: hasCollege(db),
      timetables: listTimetables(db).length,
    };
  }
}
