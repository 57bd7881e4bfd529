import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

/** An open better-sqlite3 connection. */
export type Db = Database.Database;

/** The settings file cannot be used: newer than this code, or a migration failed. The message says which. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

/**
 * Opens (creating it and its folder if needed) the SQLite file, in WAL mode with foreign keys on, and
 * applies the pending migrations. `synchronous=NORMAL` in WAL mode survives the process being killed at any
 * point (SIGKILL included); only a power cut can lose the last commits.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000'); // first: switching to WAL on a new file needs the lock another process may hold
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The schema version recorded in the file (0 for a new file). */
export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration above the file's version, each in its own IMMEDIATE transaction (so two processes
 * starting at once cannot both apply a step). Returns the versions applied.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new SettingsError(`migration ${i + 1} is numbered ${m.version}: versions must run 1, 2, 3 … without gaps`);
  });
  const latest = migrations.length;
  const found = schemaVersion(db);
  if (found > latest) throw new SettingsError(`the settings file is at schema version ${found}, newer than this bot (${latest}); upgrade the bot or use another DATA_DIR`);
  const applied: number[] = [];
  for (const m of migrations.slice(found)) {
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return; // another process got there first
      try {
        db.exec(m.sql);
      } catch (err) {
        throw new SettingsError(`settings migration ${m.version} (${m.description}) failed: ${(err as Error).message}`);
      }
      db.pragma(`user_version = ${m.version}`);
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
