/**
 * Moderation end to end on the real discord.js Client against the stand-in: a story per channel and per
 * server set by moderators (permissions declared and checked), stories added from a .txt attachment the
 * stand-in serves on 127.0.0.1 and removed, visible only in their server, 👍/👎 feedback stored and
 * reported, and help, autocomplete and "Fact-check this" following the story in use.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS, snowflake, snowflakeAt, type CallbackRecord, type JsonObject } from '../discord/standin.ts';
import { openLibrary } from '../../src/library.ts';
import { ingestStory } from '../../src/story/ingest.ts';
import { definition as storyDefinition } from '../../commands/story.ts';
import { isEphemeral, limitProblems, messageOf, startBotOnStandin, str, STORIES_DIR, type MessageData, type RunningBot } from './helpers.ts';

const PUTIN = 'putin-north-korea-visit';
const HARBOR = 'harbor-bridge';
const HARBOR_TITLE = 'Riverton council approves new harbor bridge after long debate';
const HARBOR_FILE = fileURLToPath(new URL('../fixtures/harbor-bridge/article.txt', import.meta.url));
const GARDEN = [
  'Lakeside library opens a reading garden on its roof',
  'The Lakeside public library opened a rooftop reading garden on Saturday, after two years of fundraising by local volunteers.',
  'Head librarian Tomas Okafor said the garden would host free poetry readings every Sunday in summer.',
  'The project cost 350,000 dollars, most of it raised by the Friends of Lakeside Library.',
].join('\n');

const MOD = (perm: bigint) => (BigInt(DEFAULT_PERMISSIONS) | perm).toString();
const CHANNEL_MOD = MOD(PermissionFlagsBits.ManageChannels);
const SERVER_MOD = MOD(PermissionFlagsBits.ManageGuild);
const ADMIN_ALL = MOD(PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageChannels);
const OTHER_GUILD = snowflake();

const sub = (name: string, options: JsonObject[] = []): JsonObject => ({ type: 1, name, options });
const embedText = (m: MessageData) => JSON.stringify(m.embeds ?? []);

describe('moderation on the real discord.js Client', () => {
  let run: RunningBot;
  let storiesDir: string;
  let dataDir: string;
  const otherChannel = snowflake();

  beforeAll(async () => {
    storiesDir = mkdtempSync(join(tmpdir(), 'story-bot-stories-'));
    dataDir = mkdtempSync(join(tmpdir(), 'story-bot-data-'));
    cpSync(join(STORIES_DIR, PUTIN), join(storiesDir, PUTIN), { recursive: true });
    ingestStory({ storiesDir, slug: HARBOR, articleFile: HARBOR_FILE });
    run = await startBotOnStandin({ DATA_DIR: dataDir, DEFAULT_STORY: PUTIN }, openLibrary(storiesDir, PUTIN));
  }, 20_000);
  afterAll(async () => {
    await run?.close();
    rmSync(storiesDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  type Ctx = { channelId?: string; memberPermissions?: string; user?: { id: string }; guild?: string };
  const extra = (c: Ctx) => (c.guild ? { extra: { guild_id: c.guild, guild: { id: c.guild, locale: 'en-US', features: [] } } } : {});
  async function slash(name: string, options: JsonObject[], c: Ctx = {}): Promise<{ cb: CallbackRecord; msg: MessageData }> {
    const sent = run.standin.sendChatInput({ name, options, channelId: c.channelId, memberPermissions: c.memberPermissions, user: c.user, ...extra(c) });
    const cb = await sent.waitForCallback(5000);
    if (cb.type === 5) {
      const edit = await sent.waitForWebhook((w) => w.method === 'PATCH' && w.messageId === '@original', 10_000);
      return { cb, msg: { ...(edit.body as MessageData), flags: messageOf(cb).flags } };
    }
    return { cb, msg: messageOf(cb) };
  }
  async function choices(name: string, options: JsonObject[], c: Ctx = {}): Promise<{ name: string; value: string }[]> {
    const cb = await run.standin.sendAutocomplete({ name, options, channelId: c.channelId, memberPermissions: c.memberPermissions, ...extra(c) }).waitForCallback(5000);
    expect(cb.type).toBe(8);
    return (cb.body['data'] as { choices: { name: string; value: string }[] }).choices;
  }
  /** The channel's and the server's settings rows, read from the real file through a second connection. */
  function storySettings(channelId: string) {
    return import('better-sqlite3').then(({ default: Database }) => {
      const db = new Database(join(dataDir, 'settings.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT channel_id AS channel, slug FROM story_setting WHERE guild_id = ? AND channel_id IN (?, \'\') ORDER BY channel_id').all(run.standin.guildId, channelId);
      } finally {
        db.close();
      }
    });
  }

  describe('/story is declared for moderators', () => {
    it('needs Manage Channels by default, is server-only, and has the six actions', () => {
      expect(storyDefinition.default_member_permissions).toBe(String(PermissionFlagsBits.ManageChannels));
      expect(storyDefinition.contexts).toEqual([0]);
      expect(storyDefinition.options.map((o) => o.name)).toEqual(['show', 'set', 'clear', 'add', 'remove', 'reports']);
    });
  });

  describe('a story per channel', () => {
    it('a member without Manage Channels is refused (ephemeral) and nothing changes', async () => {
      const { msg } = await slash('story', [sub('set', [str('story', HARBOR)])]);
      expect(isEphemeral(msg)).toBe(true);
      expect(msg.content).toMatch(/Manage Channels/);
      expect(await storySettings(run.standin.channelId)).toEqual([]);
    });

    it('a moderator sets the channel\'s story: acknowledged, stored, and /who here answers from it; another channel still uses the default', async () => {
      const { msg } = await slash('story', [sub('set', [str('story', HARBOR)])], { memberPermissions: CHANNEL_MOD });
      expect(isEphemeral(msg)).toBe(true);
      expect(msg.content).toContain('This channel now uses');
      expect(msg.content).toContain(HARBOR);
      expect(await storySettings(run.standin.channelId)).toEqual([{ channel: run.standin.channelId, slug: HARBOR }]);

      const here = await slash('who', [str('question', 'called the vote a turning point')]);
      expect(here.msg.embeds?.[0]?.title).toContain('Elena Marsh');
      expect(here.msg.embeds?.[0]?.footer?.text).toContain(HARBOR_TITLE);

      const elsewhere = await slash('who', [str('question', 'greeted Putin at the airport')], { channelId: otherChannel });
      expect(elsewhere.msg.embeds?.[0]?.title).toContain('Kim');
      // the story option still wins over the channel's story
      const picked = await slash('who', [str('question', 'greeted Putin at the airport'), str('story', PUTIN)]);
      expect(picked.msg.embeds?.[0]?.title).toContain('Kim');
    });

    it('/story show says which story the channel uses and why', async () => {
      const { msg } = await slash('story', [sub('show')], { memberPermissions: CHANNEL_MOD });
      expect(msg.embeds?.[0]?.title).toBe(HARBOR_TITLE);
      const used = msg.embeds?.[0]?.fields?.find((f) => f.name === 'Used in this channel');
      expect(used?.value).toMatch(/set for this channel by a moderator/);
      const other = await slash('story', [sub('show')], { memberPermissions: CHANNEL_MOD, channelId: otherChannel });
      expect(other.msg.embeds?.[0]?.fields?.find((f) => f.name === 'Used in this channel')?.value).toMatch(/default story/);
    });

    it('help, autocomplete and "Fact-check this" follow the channel\'s story, never the default story\'s text', async () => {
      const help = await slash('help', []);
      const text = embedText(help.msg);
      expect(text).toContain(HARBOR_TITLE);
      expect(text).toContain("`/who approved new harbor bridge`");
      expect(text).toContain("`/why did Riverton council approve new harbor bridge`");
      expect(text).not.toMatch(/Putin|Korea|Kim/);
      const otherHelp = embedText((await slash('help', [], { channelId: otherChannel })).msg);
      expect(otherHelp).toMatch(/Putin|Kim/); // the default story's own examples, there
      expect(otherHelp).not.toMatch(/Riverton/);

      const suggested = await choices('who', [str('question', '', true)]);
      expect(suggested.length).toBeGreaterThan(0);
      expect(suggested.length).toBeLessThanOrEqual(25);
      expect(JSON.stringify(suggested)).toMatch(/Riverton/);
      expect(JSON.stringify(suggested)).not.toMatch(/Putin|Korea/);

      const cb = await run.standin.sendMessageContextMenu({ name: 'Fact-check this', message: { content: 'The Riverton council voted 7 to 2 to build the bridge' } }).waitForCallback(5000);
      const fc = messageOf(cb);
      expect(fc.embeds?.[0]?.title).toMatch(/Supported/);
      expect(fc.embeds?.[0]?.footer?.text).toContain(HARBOR_TITLE);
    });

    it('server scope needs Manage Server; a server story reaches channels without their own', async () => {
      const refused = await slash('story', [sub('set', [str('story', HARBOR), str('scope', 'server')])], { memberPermissions: CHANNEL_MOD });
      expect(refused.msg.content).toMatch(/Manage Server/);
      const third = snowflake();
      expect((await slash('who', [str('question', 'greeted Putin at the airport')], { channelId: third })).msg.embeds?.[0]?.title).toContain('Kim');

      const ok = await slash('story', [sub('set', [str('story', HARBOR), str('scope', 'server')])], { memberPermissions: SERVER_MOD, channelId: otherChannel });
      expect(ok.msg.content).toContain('This server now uses');
      const now = await slash('who', [str('question', 'called the vote a turning point')], { channelId: third });
      expect(now.msg.embeds?.[0]?.title).toContain('Elena Marsh');
      const show = await slash('story', [sub('show')], { memberPermissions: CHANNEL_MOD, channelId: third });
      expect(show.msg.embeds?.[0]?.fields?.[0]?.value).toMatch(/set for this server/);

      // clear the server's story again; the channel keeps its own
      const cleared = await slash('story', [sub('clear', [str('scope', 'server')])], { memberPermissions: SERVER_MOD });
      expect(cleared.msg.content).toMatch(/This server no longer has a story of its own/);
      expect(cleared.msg.content).toContain(HARBOR);
      expect((await slash('who', [str('question', 'greeted Putin at the airport')], { channelId: third })).msg.embeds?.[0]?.title).toContain('Kim');
    });

    it('/story clear returns the channel to the default story', async () => {
      const { msg } = await slash('story', [sub('clear')], { memberPermissions: CHANNEL_MOD });
      expect(msg.content).toMatch(/This channel no longer has a story of its own/);
      expect(msg.content).toContain(PUTIN);
      expect((await slash('who', [str('question', 'greeted Putin at the airport')])).msg.embeds?.[0]?.title).toContain('Kim');
      expect(await storySettings(run.standin.channelId)).toEqual([]);
    });

    it('refuses an unknown story and works only in a server', async () => {
      const { msg } = await slash('story', [sub('set', [str('story', 'no-such-story')])], { memberPermissions: CHANNEL_MOD });
      expect(msg.content).toContain('no-such-story');
      expect(msg.content).toContain(PUTIN);
      const dm = await run.standin.sendChatInput({ name: 'story', options: [sub('set', [str('story', HARBOR)])], dm: true }).waitForCallback(5000);
      expect(messageOf(dm).content).toMatch(/server/);
    });
  });

  describe('stories added from Discord', () => {
    const attach = (file: JsonObject, options: JsonObject[] = []) => ({
      options: [sub('add', [{ name: 'file', type: 11, value: file['id'] }, ...options])],
      resolved: { attachments: { [String(file['id'])]: file } },
    });
    async function add(file: JsonObject, options: JsonObject[] = [], c: Ctx = { memberPermissions: SERVER_MOD }) {
      const { options: opts, resolved } = attach(file, options);
      const sent = run.standin.sendChatInput({ name: 'story', options: opts, resolved, memberPermissions: c.memberPermissions, channelId: c.channelId, ...extra(c) });
      const cb = await sent.waitForCallback(5000);
      if (cb.type === 5) return { cb, msg: (await sent.waitForWebhook((w) => w.method === 'PATCH', 10_000)).body as MessageData };
      return { cb, msg: messageOf(cb) };
    }
    const text = (data: string, filename = 'garden.txt') => run.standin.hostAttachment({ filename, data, contentType: 'text/plain; charset=utf-8' });

    it('a moderator adds a .txt story: acknowledged, answerable at once, with the date and outlet given', async () => {
      const file = text(GARDEN);
      const { cb, msg } = await add(file, [str('date', '2025-05-17'), str('outlet', 'Lakeside Courier'), str('slug', 'garden')]);
      expect(cb.type).toBe(5); // deferred (ephemeral) while the file downloads
      expect(isEphemeral(messageOf(cb))).toBe(true);
      expect(msg.content).toMatch(/Added \*\*Lakeside library/);
      expect(msg.content).toContain('garden');
      expect(run.standin.attachmentDownloads.items.filter((d) => d.path.endsWith('/garden.txt')).length).toBe(1);

      const answer = await slash('who', [str('question', 'said the garden would host poetry readings'), str('story', 'garden')]);
      expect(answer.msg.embeds?.[0]?.title).toContain('Tomas Okafor');
      const show = await slash('story', [sub('show', [str('story', 'garden')])], { memberPermissions: CHANNEL_MOD });
      const fields = Object.fromEntries((show.msg.embeds?.[0]?.fields ?? []).map((f) => [f.name, f.value]));
      expect(fields['Published']).toContain('2025-05-17');
      expect(fields['Outlet']).toContain('Lakeside Courier');
      expect(show.msg.embeds?.[0]?.footer?.text).toContain('added in this server');
      // autocomplete lists it here
      expect((await choices('who', [str('question', 'x'), str('story', 'gard', true)])).map((c) => c.value)).toContain('garden');
    });

    it('another server never sees it: not answerable, not in autocomplete, not settable, not removable', async () => {
      const other = { guild: OTHER_GUILD, memberPermissions: ADMIN_ALL };
      const asked = await slash('who', [str('question', 'said the garden would host poetry readings'), str('story', 'garden')], other);
      expect(isEphemeral(asked.msg)).toBe(true);
      expect(embedText(asked.msg)).toMatch(/no story called “garden”/);
      expect(embedText(asked.msg)).not.toMatch(/Okafor/);
      expect((await choices('who', [str('question', 'x'), str('story', '', true)], other)).map((c) => c.value)).not.toContain('garden');
      expect((await choices('story', [sub('set', [str('story', '', true)])], other)).map((c) => c.value)).not.toContain('garden');
      expect((await slash('story', [sub('set', [str('story', 'garden')])], other)).msg.content).toMatch(/no story called “garden”/);
      expect((await slash('story', [sub('remove', [str('story', 'garden')])], other)).msg.content).toMatch(/no story called “garden”/);
      // and it is still there in its own server
      expect((await choices('story', [sub('remove', [str('story', '', true)])], { memberPermissions: SERVER_MOD })).map((c) => c.value)).toEqual(['garden']);
    });

    it('refuses a file that is not text, empty, a duplicate, or from a member without Manage Server, changing nothing', async () => {
      const cases: [JsonObject, RegExp][] = [
        [run.standin.hostAttachment({ filename: 'photo.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), contentType: 'image/png' }), /\.txt file/],
        [run.standin.hostAttachment({ filename: 'fake.txt', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), contentType: 'text/plain' }), /not (UTF-8|plain) text/],
        [text('', 'empty.txt'), /empty/],
        [text('Just one line', 'one.txt'), /only one line/],
        [text(GARDEN, 'again.txt'), /already here, as “garden”/],
        [text(readFileSync(HARBOR_FILE, 'utf8'), 'harbor.txt'), /already here, as “harbor-bridge”/],
        [text(`Head\nSee https://evil.example for more`, 'link.txt'), /web link/],
      ];
      for (const [file, why] of cases) {
        const { msg } = await add(file);
        expect(msg.content, String(file['filename'])).toMatch(why);
      }
      const refused = await add(text('Another headline\nAnother paragraph.', 'member.txt'), [], { memberPermissions: CHANNEL_MOD });
      expect(refused.msg.content).toMatch(/Manage Server/);
      expect((await choices('story', [sub('remove', [str('story', '', true)])], { memberPermissions: SERVER_MOD })).map((c) => c.value)).toEqual(['garden']);
    });

    it('enforces the size cap while reading: an over-size stream that declares a small size is cut off early', async () => {
      const big = run.standin.hostAttachment({ filename: 'huge.txt', streamBytes: 20 * 1024 * 1024, declaredSize: 1000, contentType: 'text/plain' });
      const { msg } = await add(big);
      expect(msg.content).toMatch(/over the limit of 200 KB/);
      const dl = await run.standin.attachmentDownloads.waitFor((d) => d.path.endsWith('/huge.txt'), 5000);
      expect(dl.aborted).toBe(true);
      expect(dl.bytesSent).toBeLessThan(8 * 1024 * 1024);
      // a declared size over the cap is refused before any download
      const declared = run.standin.hostAttachment({ filename: 'declared.txt', data: 'x', declaredSize: 300 * 1024, contentType: 'text/plain' });
      expect((await add(declared)).msg.content).toMatch(/limit is 200 KB/);
      expect(run.standin.attachmentDownloads.items.some((d) => d.path.endsWith('/declared.txt'))).toBe(false);
    });

    it('never fetches from any other address', async () => {
      let hits = 0;
      const elsewhere: Server = createServer((_req, res) => { hits++; res.end('Headline\nParagraph.'); });
      await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', r));
      try {
        const port = (elsewhere.address() as { port: number }).port;
        for (const url of [`http://127.0.0.1:${port}/attachments/x/y/a.txt`, 'https://example.com/a.txt', 'http://cdn.discordapp.com/attachments/1/2/a.txt']) {
          const file = { id: snowflake(), filename: 'a.txt', size: 20, url, proxy_url: url, content_type: 'text/plain' };
          const { msg } = await add(file);
          expect(msg.content, url).toMatch(/only read from Discord attachments/);
        }
        expect(hits).toBe(0);
      } finally {
        await new Promise<void>((r) => elsewhere.close(() => r()));
      }
    });

    it('without a file, /story add opens a modal; the pasted article is added the same way', async () => {
      const refused = await slash('story', [sub('add')], { memberPermissions: CHANNEL_MOD });
      expect(refused.cb.type).toBe(4);
      expect(refused.msg.content).toMatch(/Manage Server/);

      const opened = await run.standin.sendChatInput({ name: 'story', options: [sub('add')], memberPermissions: SERVER_MOD }).waitForCallback(5000);
      expect(opened.type).toBe(9);
      const modal = opened.body['data'] as { custom_id: string; title: string; components: { components: { custom_id: string; style: number; required: boolean; max_length: number }[] }[] };
      expect(modal.custom_id).toBe('story-add1');
      expect(modal.title.length).toBeLessThanOrEqual(45);
      expect(modal.components.map((r) => r.components[0]!.custom_id)).toEqual(['text', 'title', 'date', 'outlet', 'slug']);
      expect(modal.components[0]!.components[0]).toMatchObject({ style: 2, required: true, max_length: 4000 });

      const pasted = 'Harbor ferry adds a night service\nThe city ferry will run every hour after 10 p.m. from June, the transport office said.';
      const submit = (fields: Record<string, string>, memberPermissions = SERVER_MOD) =>
        run.standin.sendModalSubmit({ customId: 'story-add1', fields, memberPermissions }).waitForCallback(5000).then(messageOf);
      expect((await submit({ text: pasted, slug: 'ferry' }, CHANNEL_MOD)).content).toMatch(/Manage Server/);
      expect((await submit({ text: 'only a headline', slug: 'ferry' })).content).toMatch(/only one line/);
      expect((await submit({ text: pasted, slug: 'ferry', date: '2025-13-01' })).content).toMatch(/not a date/);
      const ok = await submit({ text: pasted, slug: 'ferry', date: '2025-06-01', outlet: 'City Desk', title: '' });
      expect(isEphemeral(ok)).toBe(true);
      expect(ok.content).toMatch(/Added \*\*Harbor ferry adds a night service\*\* \(`ferry`\)/);
      const answer = await slash('when', [str('question', 'will the ferry run every hour'), str('story', 'ferry')]);
      expect(answer.msg.embeds?.[0]?.description).toContain('every hour after 10 p.m.');
      expect((await run.standin.sendModalSubmit({ customId: 'story-add0', fields: {} }).waitForCallback(5000).then(messageOf)).content).toMatch(/no longer works/);
      await slash('story', [sub('remove', [str('story', 'ferry')])], { memberPermissions: SERVER_MOD });
    });

    it('/story remove takes it away (and the settings that used it); shared stories can\'t be removed', async () => {
      await slash('story', [sub('set', [str('story', 'garden')])], { memberPermissions: CHANNEL_MOD, channelId: otherChannel });
      expect((await slash('story', [sub('remove', [str('story', PUTIN)])], { memberPermissions: SERVER_MOD })).msg.content).toMatch(/shared stories/);
      expect((await slash('story', [sub('remove', [str('story', 'garden')])], { memberPermissions: CHANNEL_MOD })).msg.content).toMatch(/Manage Server/);
      const { msg } = await slash('story', [sub('remove', [str('story', 'garden')])], { memberPermissions: SERVER_MOD });
      expect(msg.content).toMatch(/Removed `garden`\. 1 channel or server setting that used it was cleared/);
      expect(embedText((await slash('who', [str('question', 'x'), str('story', 'garden')])).msg)).toMatch(/no story called/);
      expect((await slash('who', [str('question', 'greeted Putin at the airport')], { channelId: otherChannel })).msg.embeds?.[0]?.title).toContain('Kim');
    });
  });

  describe('feedback on answers', () => {
    let customIds: string[] = [];

    it('public answers carry 👍 and 👎 buttons with small versioned ids; private and not-found replies do not', async () => {
      const { msg } = await slash('who', [str('question', 'greeted Putin at the airport')]);
      const row = (msg as { components?: { type: number; components: { custom_id: string; emoji?: { name: string }; label?: string }[] }[] }).components;
      expect(row).toHaveLength(1);
      expect(row![0]!.components.map((b) => b.emoji?.name)).toEqual(['👍', '👎']);
      expect(row![0]!.components[1]!.label).toMatch(/Wrong answer/);
      customIds = row![0]!.components.map((b) => b.custom_id);
      for (const id of customIds) {
        expect(id).toMatch(/^fb1:[0-9a-z]+:[yn]$/);
        expect(id.length).toBeLessThanOrEqual(20);
      }
      const priv = await slash('who', [str('question', 'greeted Putin at the airport'), { name: 'private', type: 5, value: true }]);
      expect((priv.msg as { components?: unknown[] }).components ?? []).toEqual([]);
      const notFound = await slash('who', [str('question', 'won the 1998 football world cup final')]);
      expect((notFound.msg as { components?: unknown[] }).components ?? []).toEqual([]);
    });

    it('an answer deferred first (its interaction already 2.5 s old) keeps its buttons when edited in', async () => {
      const sent = run.standin.sendChatInput({ id: snowflakeAt(Date.now() - 2500), name: 'who', options: [str('question', 'greeted Putin at the airport')] });
      expect((await sent.waitForCallback(5000)).type).toBe(5);
      const edit = (await sent.waitForWebhook((w) => w.method === 'PATCH' && w.messageId === '@original', 10_000)).body as MessageData & { components?: { components: { custom_id: string }[] }[] };
      expect(edit.embeds?.[0]?.title).toContain('Kim');
      expect(edit.components?.[0]?.components.map((b) => b.custom_id)).toEqual([expect.stringMatching(/^fb1:[0-9a-z]+:y$/), expect.stringMatching(/^fb1:[0-9a-z]+:n$/)]);
    });

    it('a 👎 is stored (acknowledged ephemerally), one vote per user, and /story reports lists it for moderators', async () => {
      const [up, down] = customIds as [string, string];
      const click = async (customId: string, userId: string) => messageOf(await run.standin.sendButton({ customId, user: { id: userId } }).waitForCallback(5000));
      const first = await click(down, '500000000000000001');
      expect(isEphemeral(first)).toBe(true);
      expect(first.content).toMatch(/marked as a wrong answer/);
      expect((await click(down, '500000000000000001')).content).toMatch(/already voted/);
      expect((await click(down, '500000000000000002')).content).toMatch(/marked as a wrong answer/);
      expect((await click(up, '500000000000000003')).content).toMatch(/helpful/);
      expect((await click('fb1:zzzzzzz:n', '500000000000000003')).content).toMatch(/too old/);
      expect((await click('something-else', '500000000000000003')).content).toMatch(/no longer works/);

      const refused = await slash('story', [sub('reports')]);
      expect(refused.msg.content).toMatch(/Manage Channels/);
      const { msg } = await slash('story', [sub('reports')], { memberPermissions: CHANNEL_MOD });
      expect(isEphemeral(msg)).toBe(true);
      const e = msg.embeds![0]!;
      expect(e.title).toMatch(/latest 1 of 1/);
      expect(e.fields![0]!.name).toMatch(/👎 2 · 👍 1 · \/who · putin-north-korea-visit/);
      expect(e.fields![0]!.value).toContain('greeted Putin at the airport');
      expect(e.fields![0]!.value).toContain('Kim Jong Un');
      expect(e.fields![0]!.value).toContain(`<#${run.standin.channelId}>`);
      // another server's reports are its own
      expect((await slash('story', [sub('reports')], { memberPermissions: CHANNEL_MOD, guild: OTHER_GUILD })).msg.content).toMatch(/No answers have been marked wrong/);
    });
  });

  it('every reply pings nobody and is within Discord\'s limits', () => {
    const messages = [
      ...run.standin.callbacks.items.filter((c) => c.type === 4).map(messageOf),
      ...run.standin.webhooks.items.filter((w) => w.method === 'PATCH').map((w) => w.body as MessageData),
    ];
    expect(messages.length).toBeGreaterThan(40);
    for (const m of messages) {
      expect(m.allowed_mentions, JSON.stringify(m)).toEqual({ parse: [] });
      expect(limitProblems(m), JSON.stringify(m)).toEqual([]);
    }
  });
});
