/**
 * The settings store on a real SQLite file (better-sqlite3): migrations from an empty file and from the
 * previous version, WAL mode, two connections writing at once, durability of each write, votes.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SettingsError, migrate, openDatabase, schemaVersion } from '../../src/settings/db.ts';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/settings/migrations.ts';
import { SettingsStore } from '../../src/settings/store.ts';
import { ROOT, cleanupTemp, tempDir } from './helpers.ts';

afterAll(cleanupTemp);

const G = '111111111111111111';
const C1 = '222222222222222222';
const C2 = '333333333333333333';

/** A clock the test moves by hand. */
function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => { t += ms; } };
}

const tables = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('bring an empty file to the latest version, in WAL mode', () => {
    const file = join(tempDir(), 'nested', 'settings.sqlite');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['answer', 'guild_story', 'meta', 'story_setting', 'vote']);
    db.close();
    // opening again applies nothing
    const again = openDatabase(file);
    expect(migrate(again)).toEqual([]);
    again.close();
  });

  it('upgrade a file from the previous version, keeping its data', () => {
    const file = join(tempDir(), 'settings.sqlite');
    const old = openDatabase(file, MIGRATIONS.slice(0, SCHEMA_VERSION - 1));
    expect(schemaVersion(old)).toBe(SCHEMA_VERSION - 1);
    old.prepare("INSERT INTO story_setting VALUES (?, ?, 'kept-story', 1)").run(G, C1);
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const store = new SettingsStore(db);
    expect(store.storySettings(G, C1)).toEqual({ channel: 'kept-story', server: undefined });
    // the latest step's tables work
    const id = store.recordAnswer({ guildId: G, channelId: C1, story: 'kept-story', command: 'who', question: 'q', answer: 'a' });
    expect(store.vote(id, 'u1', false)).toBe('recorded');
    store.close();
  });

  it('apply each step in order, and only once', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuse a file from a newer bot, and a broken step, with a clear error and nothing half-applied', () => {
    const file = join(tempDir(), 'settings.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(SettingsError);
    expect(() => openDatabase(file)).toThrow(/newer than this bot/);

    const mem = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'broken', sql: 'CREATE TABLE extra (x); CREATE TABLE answer (y);' }];
    expect(() => migrate(mem, broken)).toThrow(/migration 4 \(broken\) failed/);
    expect(schemaVersion(mem)).toBe(SCHEMA_VERSION);
    expect(tables(mem)).not.toContain('extra'); // rolled back with its step
    expect(() => migrate(mem, [{ version: 2, description: 'gap', sql: '' }])).toThrow(/without gaps/);
    mem.close();
  });
});

describe('the store', () => {
  it('sets, reads and clears channel and server stories', () => {
    const store = SettingsStore.open(join(tempDir(), 's.sqlite'));
    expect(store.storySettings(G, C1)).toEqual({ channel: undefined, server: undefined });
    store.setStory(G, 'channel', C1, 'alpha');
    store.setStory(G, 'server', C1, 'beta');
    expect(store.storySettings(G, C1)).toEqual({ channel: 'alpha', server: 'beta' });
    expect(store.storySettings(G, C2)).toEqual({ channel: undefined, server: 'beta' });
    store.setStory(G, 'channel', C1, 'gamma');
    expect(store.storySettings(G, C1).channel).toBe('gamma');
    expect(store.clearStory(G, 'channel', C1)).toBe(true);
    expect(store.clearStory(G, 'channel', C1)).toBe(false);
    expect(store.storySettings(G, C1)).toEqual({ channel: undefined, server: 'beta' });
    expect(store.storySettings('999999999999999999', C1)).toEqual({ channel: undefined, server: undefined });
    store.close();
  });

  it('two connections writing at once: every write lands', () => {
    const file = join(tempDir(), 's.sqlite');
    const a = SettingsStore.open(file);
    const b = SettingsStore.open(file);
    for (let i = 0; i < 200; i++) {
      (i % 2 ? a : b).setStory(G, 'channel', `1000000000000${String(i).padStart(5, '0')}`, `story-${i}`);
      (i % 2 ? b : a).recordAnswer({ guildId: G, channelId: C1, story: 's', command: 'who', question: `q${i}`, answer: 'a' });
    }
    const count = (s: SettingsStore, sql: string) => (s.db.prepare(sql).get() as { n: number }).n;
    expect(count(a, 'SELECT count(*) AS n FROM story_setting')).toBe(200);
    expect(count(b, 'SELECT count(*) AS n FROM answer')).toBe(200);
    // both see each other's latest writes
    expect(a.storySettings(G, '100000000000000198').channel).toBe('story-198');
    expect(b.storySettings(G, '100000000000000199').channel).toBe('story-199');
    a.close();
    b.close();
  });

  it('two processes writing at the same time: no write is lost, none fails with SQLITE_BUSY', async () => {
    const dir = tempDir();
    const file = join(dir, 's.sqlite');
    SettingsStore.open(file).close(); // both start from a migrated file
    // Plain node on the compiled store (dist/ is up to date: tests/global-setup.ts), no TypeScript loader to start twice.
    const script = join(dir, 'writer.mjs');
    writeFileSync(script, [
      `import { SettingsStore } from ${JSON.stringify(join(ROOT, 'dist/src/settings/store.js'))};`,
      'const [file, who] = process.argv.slice(2);',
      'const store = SettingsStore.open(file);',
      'for (let i = 0; i < 1000; i++) {',
      "  store.setStory('111111111111111111', 'channel', `${who}-${i}`, `story-${i}`);",
      "  store.recordAnswer({ guildId: null, channelId: who, story: 's', command: 'who', question: String(i), answer: 'a' });",
      '}',
      'store.close();',
    ].join('\n'));
    const run = (who: string) => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [script, file, who], { stdio: ['ignore', 'ignore', 'inherit'] });
      child.on('close', resolve);
    });
    expect(await Promise.all([run('p1'), run('p2')])).toEqual([0, 0]);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM story_setting').get()).toEqual({ n: 2000 });
    expect(db.prepare('SELECT channel_id AS c, count(*) AS n FROM answer GROUP BY channel_id ORDER BY c').all()).toEqual([{ c: 'p1', n: 1000 }, { c: 'p2', n: 1000 }]);
    db.close();
  }, 30_000);

  it('a write is in the file as soon as the call returns (another connection reads it without a close)', () => {
    const file = join(tempDir(), 's.sqlite');
    const writer = SettingsStore.open(file);
    writer.setStory(G, 'channel', C1, 'durable');
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT slug FROM story_setting').get()).toEqual({ slug: 'durable' });
    reader.close();
    writer.close();
  });

  it('votes: one per user per answer, changeable, stored without the user id; reports list the wrong ones newest first', () => {
    const t = clock();
    const store = SettingsStore.open(join(tempDir(), 's.sqlite'), t.now);
    const rec = (question: string, guildId: string | null = G) => store.recordAnswer({ guildId, channelId: C1, story: 'alpha', command: 'who', question, answer: `answer to ${question}` });
    const [q1, q2, q3, dm] = [rec('q1'), rec('q2'), rec('q3'), rec('dm', null)];
    expect(store.answer(q1)).toEqual({ guildId: G, channelId: C1, story: 'alpha', command: 'who', question: 'q1', answer: 'answer to q1' });
    expect(store.vote(q1, 'user-a', false)).toBe('recorded');
    t.advance(1000);
    expect(store.vote(q1, 'user-a', false)).toBe('unchanged');
    expect(store.vote(q2, 'user-a', true)).toBe('recorded');
    expect(store.vote(q3, 'user-a', false)).toBe('recorded');
    t.advance(1000);
    expect(store.vote(q1, 'user-b', false)).toBe('recorded');
    expect(store.vote(q3, 'user-b', true)).toBe('recorded');
    expect(store.vote(dm, 'user-b', false)).toBe('recorded');
    expect(store.vote(999_999, 'user-b', false)).toBe('unknown-answer');

    const { reports, total } = store.wrongReports(G);
    expect(total).toBe(2);
    expect(reports.map((r) => [r.question, r.wrong, r.helpful])).toEqual([['q1', 2, 0], ['q3', 1, 1]]);
    // changing a vote moves it
    t.advance(1000);
    expect(store.vote(q1, 'user-a', true)).toBe('changed');
    expect(store.wrongReports(G).reports.map((r) => [r.question, r.wrong, r.helpful])).toEqual([['q1', 1, 1], ['q3', 1, 1]]);
    expect(store.wrongReports(G, 1).reports).toHaveLength(1);
    // no user id is stored anywhere
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM vote').all());
    expect(dump).not.toContain('user-a');
    expect(store.voterHash('user-a')).not.toBe(store.voterHash('user-b'));
    store.close();
  });

  it('server stories: recorded, refused twice (slug or text), removed with the settings that used them', () => {
    const store = SettingsStore.open(join(tempDir(), 's.sqlite'));
    const rec = { guildId: G, slug: 'local', title: 'Local', contentHash: 'h1', paragraphs: 3, bytes: 100 };
    store.addGuildStory(rec);
    expect(() => store.addGuildStory(rec)).toThrow();
    expect(() => store.addGuildStory({ ...rec, slug: 'other' })).toThrow(); // same text
    store.addGuildStory({ ...rec, guildId: '444444444444444444' }); // another server may hold the same
    expect(store.storyWithContent(G, 'h1')).toBe('local');
    store.setStory(G, 'channel', C1, 'local');
    store.setStory(G, 'server', C1, 'local');
    store.setStory(G, 'channel', C2, 'else');
    expect(store.settingsUsing(G, 'local')).toBe(2);
    expect(store.removeGuildStory(G, 'local')).toEqual({ removed: true, settingsCleared: 2 });
    expect(store.storySettings(G, C1)).toEqual({ channel: undefined, server: undefined });
    expect(store.storySettings(G, C2).channel).toBe('else');
    expect(store.guildStories().map((s) => s.guildId)).toEqual(['444444444444444444']);
    store.close();
  });
});
