/** One step of the settings schema: applied once, in order, inside a transaction. */
export interface Migration {
  /** The `user_version` the database has once this step is applied (1, 2, 3 …, no gaps). */
  version: number;
  /** What the step adds, for logs and errors. */
  description: string;
  sql: string;
}

/**
 * The settings schema, as an ordered list of steps. Never edit a released step: add a new one. The database's
 * `PRAGMA user_version` records how many have been applied.
 */
export const MIGRATIONS = [
  {
    version: 1,
    description: 'the story each channel or server uses',
    sql: `
      CREATE TABLE story_setting (
        guild_id   TEXT NOT NULL,
        channel_id TEXT NOT NULL,          -- '' for the whole server
        slug       TEXT NOT NULL,
        updated_at INTEGER NOT NULL,       -- ms since the epoch
        PRIMARY KEY (guild_id, channel_id)
      ) WITHOUT ROWID;`,
  },
  {
    version: 2,
    description: 'stories added from Discord, owned by a server',
    sql: `
      CREATE TABLE guild_story (
        guild_id     TEXT NOT NULL,
        slug         TEXT NOT NULL,
        title        TEXT NOT NULL,
        content_hash TEXT NOT NULL,        -- sha256 of the article's paragraphs, to refuse duplicates
        paragraphs   INTEGER NOT NULL,
        bytes        INTEGER NOT NULL,
        added_at     INTEGER NOT NULL,
        PRIMARY KEY (guild_id, slug)
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX guild_story_content ON guild_story (guild_id, content_hash);`,
  },
  {
    version: 3,
    description: 'public answers and the votes on them',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      INSERT INTO meta (key, value) VALUES ('voter_salt', lower(hex(randomblob(16))));
      CREATE TABLE answer (
        id         INTEGER PRIMARY KEY,
        guild_id   TEXT,                   -- null in DMs
        channel_id TEXT NOT NULL,
        story      TEXT NOT NULL,
        command    TEXT NOT NULL,
        question   TEXT NOT NULL,
        answer     TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX answer_created ON answer (created_at);
      CREATE INDEX answer_guild ON answer (guild_id);
      CREATE TABLE vote (
        answer_id INTEGER NOT NULL REFERENCES answer (id) ON DELETE CASCADE,
        voter     TEXT NOT NULL,           -- salted hash of the user id, never the id or name
        helpful   INTEGER NOT NULL CHECK (helpful IN (0, 1)),
        voted_at  INTEGER NOT NULL,
        PRIMARY KEY (answer_id, voter)
      ) WITHOUT ROWID;
      CREATE INDEX vote_by_time ON vote (helpful, voted_at);`,
  },
] as const satisfies readonly Migration[];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;
