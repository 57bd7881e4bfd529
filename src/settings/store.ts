import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { openDatabase, type Db } from './db.ts';

/** Where a story setting applies: one channel, or every channel of the server without its own. */
export type Scope = 'channel' | 'server';

/** The stories set for a channel and its server (undefined when none). */
export interface StorySettings {
  channel?: string;
  server?: string;
}

/** A story a server added from Discord. */
export interface GuildStoryRecord {
  guildId: string;
  slug: string;
  title: string;
  /** sha256 of the article's paragraphs: the same text cannot be added twice to a server. */
  contentHash: string;
  paragraphs: number;
  bytes: number;
  addedAt: number;
}

/** A public answer, kept so a vote on it can say what was asked and answered. */
export interface AnswerRecord {
  guildId: string | null;
  channelId: string;
  story: string;
  command: string;
  question: string;
  answer: string;
}

/** An answer marked wrong, for `/story reports`. */
export interface WrongReport extends AnswerRecord {
  id: number;
  createdAt: number;
  wrong: number;
  helpful: number;
  /** When the latest 👎 was cast. */
  lastVoteAt: number;
}

/** What a vote did. */
export type VoteResult = 'recorded' | 'changed' | 'unchanged' | 'unknown-answer';

/** Answers older than this with no votes are deleted (they can no longer be rated usefully). */
export const ANSWER_RETENTION_MS = 30 * 86_400_000;

/**
 * The bot's settings in SQLite: which story each channel and server uses, the stories servers added, and
 * answers with their 👍/👎 votes. Every query is a prepared statement; every write is one transaction.
 */
export class SettingsStore {
  private readonly stmt: Record<string, Statement>;
  private readonly salt: string;
  private inserts = 0;

  constructor(readonly db: Db, private readonly now: () => number = Date.now) {
    const s = (sql: string) => db.prepare(sql);
    this.stmt = {
      getSetting: s('SELECT slug FROM story_setting WHERE guild_id = ? AND channel_id = ?'),
      setSetting: s(`INSERT INTO story_setting (guild_id, channel_id, slug, updated_at) VALUES (?, ?, ?, ?)
                     ON CONFLICT (guild_id, channel_id) DO UPDATE SET slug = excluded.slug, updated_at = excluded.updated_at`),
      clearSetting: s('DELETE FROM story_setting WHERE guild_id = ? AND channel_id = ?'),
      clearSlug: s('DELETE FROM story_setting WHERE guild_id = ? AND slug = ?'),
      countSlug: s('SELECT count(*) AS n FROM story_setting WHERE guild_id = ? AND slug = ?'),
      addStory: s(`INSERT INTO guild_story (guild_id, slug, title, content_hash, paragraphs, bytes, added_at)
                   VALUES (@guildId, @slug, @title, @contentHash, @paragraphs, @bytes, @addedAt)`),
      removeStory: s('DELETE FROM guild_story WHERE guild_id = ? AND slug = ?'),
      allStories: s('SELECT guild_id AS guildId, slug, title, content_hash AS contentHash, paragraphs, bytes, added_at AS addedAt FROM guild_story ORDER BY guild_id, added_at, slug'),
      storyByHash: s('SELECT slug FROM guild_story WHERE guild_id = ? AND content_hash = ?'),
      addAnswer: s(`INSERT INTO answer (guild_id, channel_id, story, command, question, answer, created_at)
                    VALUES (@guildId, @channelId, @story, @command, @question, @answer, @createdAt)`),
      getAnswer: s('SELECT guild_id AS guildId, channel_id AS channelId, story, command, question, answer FROM answer WHERE id = ?'),
      getVote: s('SELECT helpful FROM vote WHERE answer_id = ? AND voter = ?'),
      putVote: s(`INSERT INTO vote (answer_id, voter, helpful, voted_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT (answer_id, voter) DO UPDATE SET helpful = excluded.helpful, voted_at = excluded.voted_at`),
      wrong: s(`SELECT a.id, a.guild_id AS guildId, a.channel_id AS channelId, a.story, a.command, a.question, a.answer,
                       a.created_at AS createdAt,
                       sum(v.helpful = 0) AS wrong, sum(v.helpful = 1) AS helpful,
                       max(CASE WHEN v.helpful = 0 THEN v.voted_at END) AS lastVoteAt
                FROM answer a JOIN vote v ON v.answer_id = a.id
                WHERE a.guild_id = ?
                GROUP BY a.id HAVING wrong > 0
                ORDER BY lastVoteAt DESC, a.id DESC LIMIT ?`),
      countWrong: s(`SELECT count(DISTINCT v.answer_id) AS n FROM vote v JOIN answer a ON a.id = v.answer_id
                     WHERE v.helpful = 0 AND a.guild_id = ?`),
      prune: s('DELETE FROM answer WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM vote v WHERE v.answer_id = answer.id)'),
    };
    this.salt = (db.prepare("SELECT value FROM meta WHERE key = 'voter_salt'").get() as { value: string }).value;
  }

  /** Opens the settings file (creating and migrating it). */
  static open(file: string, now: () => number = Date.now): SettingsStore {
    return new SettingsStore(openDatabase(file), now);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** The stories set for a channel and for its server. */
  storySettings(guildId: string, channelId: string): StorySettings {
    const get = (channel: string) => (this.stmt['getSetting']!.get(guildId, channel) as { slug: string } | undefined)?.slug;
    return { channel: get(channelId), server: get('') };
  }

  /** Sets the story of a channel (scope `channel`) or of the server (scope `server`). */
  setStory(guildId: string, scope: Scope, channelId: string, slug: string): void {
    this.stmt['setSetting']!.run(guildId, scope === 'server' ? '' : channelId, slug, this.now());
  }

  /** Clears a channel's or the server's story; false when none was set. */
  clearStory(guildId: string, scope: Scope, channelId: string): boolean {
    return this.stmt['clearSetting']!.run(guildId, scope === 'server' ? '' : channelId).changes > 0;
  }

  /** Every story servers added, oldest first within each server. */
  guildStories(): GuildStoryRecord[] {
    return this.stmt['allStories']!.all() as GuildStoryRecord[];
  }

  /** The slug of this server's story with the same text, if any. */
  storyWithContent(guildId: string, contentHash: string): string | undefined {
    return (this.stmt['storyByHash']!.get(guildId, contentHash) as { slug: string } | undefined)?.slug;
  }

  /** Records a story a server added. Throws on a duplicate slug or text in that server. */
  addGuildStory(record: Omit<GuildStoryRecord, 'addedAt'>): GuildStoryRecord {
    const full = { ...record, addedAt: this.now() };
    this.stmt['addStory']!.run(full);
    return full;
  }

  /** Removes a server's story and every setting of that server pointing at it; returns how many settings went. */
  removeGuildStory(guildId: string, slug: string): { removed: boolean; settingsCleared: number } {
    return this.db.transaction(() => {
      const removed = this.stmt['removeStory']!.run(guildId, slug).changes > 0;
      const settingsCleared = this.stmt['clearSlug']!.run(guildId, slug).changes;
      return { removed, settingsCleared };
    }).immediate();
  }

  /** How many of a server's channels (and the server itself) use a story. */
  settingsUsing(guildId: string, slug: string): number {
    return (this.stmt['countSlug']!.get(guildId, slug) as { n: number }).n;
  }

  /** Keeps a public answer so votes on it can be reported; returns its id (for the buttons' custom_id). */
  recordAnswer(record: AnswerRecord): number {
    const id = Number(this.stmt['addAnswer']!.run({ ...record, createdAt: this.now() }).lastInsertRowid);
    if (++this.inserts % 500 === 0) this.stmt['prune']!.run(this.now() - ANSWER_RETENTION_MS);
    return id;
  }

  answer(id: number): AnswerRecord | undefined {
    return this.stmt['getAnswer']!.get(id) as AnswerRecord | undefined;
  }

  /** The stored stand-in for a user: a salted hash, so votes are one per user without keeping who voted. */
  voterHash(userId: string): string {
    return createHash('sha256').update(`${this.salt}:${userId}`).digest('hex').slice(0, 32);
  }

  /** One vote per user per answer; voting again replaces the earlier vote. */
  vote(answerId: number, userId: string, helpful: boolean): VoteResult {
    return this.db.transaction((): VoteResult => {
      if (!this.stmt['getAnswer']!.get(answerId)) return 'unknown-answer';
      const voter = this.voterHash(userId);
      const before = this.stmt['getVote']!.get(answerId, voter) as { helpful: number } | undefined;
      if (before && before.helpful === Number(helpful)) return 'unchanged';
      this.stmt['putVote']!.run(answerId, voter, Number(helpful), this.now());
      return before ? 'changed' : 'recorded';
    }).immediate();
  }

  /** The latest answers in a server marked wrong (most recent 👎 first), and how many there are in all. */
  wrongReports(guildId: string, limit = 10): { reports: WrongReport[]; total: number } {
    return {
      reports: this.stmt['wrong']!.all(guildId, limit) as WrongReport[],
      total: (this.stmt['countWrong']!.get(guildId) as { n: number }).n,
    };
  }
}
