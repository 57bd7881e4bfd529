/**
 * What a moderator decided survives the bot being killed: `npm start` (src/main.ts as a real process) against
 * the stand-in; a story is added from an attachment and set for a channel, each acknowledged; the process is
 * killed with SIGKILL right after the last acknowledgement; a new process answers from that story there.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS, snowflake, startStandin, type DiscordStandin, type JsonObject } from '../discord/standin.ts';
import { STORIES_DIR, TOKEN, childEnv, exitWithin, messageOf, spawnNpm, str, type MessageData, type Spawned } from './helpers.ts';

const PUTIN = 'putin-north-korea-visit';
const GARDEN = [
  'Lakeside library opens a reading garden on its roof',
  'The Lakeside public library opened a rooftop reading garden on Saturday, after two years of fundraising by local volunteers.',
  'Head librarian Tomas Okafor said the garden would host free poetry readings every Sunday in summer.',
].join('\n');
const MOD = (BigInt(DEFAULT_PERMISSIONS) | PermissionFlagsBits.ManageChannels | PermissionFlagsBits.ManageGuild).toString();
const sub = (name: string, options: JsonObject[] = []): JsonObject => ({ type: 1, name, options });

describe('settings survive SIGKILL', () => {
  let standin: DiscordStandin;
  let storiesDir: string;
  let dataDir: string;
  const procs: Spawned[] = [];

  beforeAll(async () => {
    // dist/ is up to date (tests/global-setup.ts): the waits for "ready" below time the bot starting, not the compiler.
    standin = await startStandin({ token: TOKEN });
    storiesDir = mkdtempSync(join(tmpdir(), 'story-bot-stories-'));
    dataDir = mkdtempSync(join(tmpdir(), 'story-bot-data-'));
    cpSync(join(STORIES_DIR, PUTIN), join(storiesDir, PUTIN), { recursive: true });
  });
  afterAll(async () => {
    for (const p of procs) p.kill();
    await standin?.close();
    rmSync(storiesDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = () => {
    const p = spawnNpm(['start', '--silent'], childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, STORIES_DIR: storiesDir, DATA_DIR: dataDir, LOG_LEVEL: 'info', COOLDOWN_SECONDS: '0' }));
    procs.push(p);
    return p;
  };
  const ready = (p: Spawned) => p.waitForOutput('stderr', (s) => s.includes('"msg":"ready"'), 15_000);

  it('a channel\'s story and an added story hold after the process is killed and restarted', async () => {
    const channelId = snowflake();
    const first = start();
    await ready(first);

    const file = standin.hostAttachment({ filename: 'garden.txt', data: GARDEN, contentType: 'text/plain; charset=utf-8' });
    const added = standin.sendChatInput({
      name: 'story', memberPermissions: MOD, channelId,
      options: [sub('add', [{ name: 'file', type: 11, value: file['id'] }, str('slug', 'garden')])],
      resolved: { attachments: { [String(file['id'])]: file } },
    });
    const addDone = await added.waitForWebhook((w) => w.method === 'PATCH', 15_000);
    expect((addDone.body as MessageData).content).toMatch(/Added/);

    const set = standin.sendChatInput({ name: 'story', memberPermissions: MOD, channelId, options: [sub('set', [str('story', 'garden')])] });
    const ack = await set.waitForCallback(10_000);
    expect(messageOf(ack).content).toContain('This channel now uses');
    first.kill(); // SIGKILL to the whole process group, right after the acknowledgement
    const killed = await exitWithin(first, 5000);
    expect(killed.signal).toBe('SIGKILL');

    const second = start();
    await ready(second);
    const asked = standin.sendChatInput({ name: 'who', channelId, options: [str('question', 'said the garden would host poetry readings')] });
    const answer = messageOf(await asked.waitForCallback(10_000));
    expect(answer.embeds?.[0]?.title).toContain('Tomas Okafor');
    const elsewhere = messageOf(await standin.sendChatInput({ name: 'who', options: [str('question', 'greeted Putin at the airport')] }).waitForCallback(10_000));
    expect(elsewhere.embeds?.[0]?.title).toContain('Kim');

    second.child.kill('SIGTERM');
    expect((await exitWithin(second, 8000)).code).toBe(0);
  }, 60_000);
});
