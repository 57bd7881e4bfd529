/**
 * The bot's failure paths end to end (real discord.js Client against the stand-in): Discord failing the
 * reply, a handler throwing, and the per-user cooldown. Each describe has its own stand-in + bot.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflake, type JsonObject } from '../discord/standin.ts';
import type { Library } from '../../src/library.ts';
import { realLibrary } from '../library.ts';
import type { StoryIndex } from '../../src/search/index.ts';
import { createLogger } from '../../src/log.ts';
import { virtualClock } from '../../src/bot/clock.ts';
import {
  TOKEN_PARTS, isEphemeral, limitProblems, messageOf, startBotOnStandin, str, type RunningBot,
} from './helpers.ts';

/** A logger writing JSON lines into an array. */
function captureLogs(level = 'info') {
  const lines: JsonObject[] = [];
  const raw: string[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as JsonObject);
      }
      cb();
    },
  });
  return { logger: createLogger(level, dest), lines, raw };
}

/** The real library plus a story `broken` whose index throws on any use: a handler error for real. */
function libraryWithBrokenStory(): Library {
  const real = realLibrary();
  const broken = new Proxy({}, {
    get(_t, prop) {
      throw new Error(`broken story index (read ${String(prop)})`);
    },
  }) as StoryIndex;
  return { defaultSlug: real.defaultSlug, stories: new Map([...real.stories, ['broken', broken]]) };
}

const APOLOGY = /Something went wrong/;

describe('when answering fails, the user still gets a reply', () => {
  let run: RunningBot;
  const logs = captureLogs('info');

  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '0' }, libraryWithBrokenStory(), logs.logger);
  }, 15_000);
  afterAll(async () => {
    await run?.close();
  });

  const callbackAttempts = (id: string) =>
    run.standin.requests.items.filter((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`) && r.path.endsWith('/callback'));

  it('a transient 500 on the reply is retried and the answer arrives', async () => {
    const id = snowflake();
    run.standin.failNext((r) => r.path.startsWith(`/interactions/${id}/`), 500, undefined, 1);
    const cb = await run.standin.sendChatInput({ id, name: 'who', options: [str('question', 'greeted Putin at the airport')] }).waitForCallback(5000);
    const msg = messageOf(cb);
    expect(cb.type).toBe(4);
    expect(isEphemeral(msg)).toBe(false);
    expect(msg.embeds?.[0]?.title).toContain('Kim');
    expect(callbackAttempts(id).map((r) => r.status)).toEqual([500, 204]);
  });

  it('a reply Discord rejects outright (400) is a handler error: logged, then answered with an ephemeral apology', async () => {
    const id = snowflake();
    run.standin.failNext((r) => r.path.startsWith(`/interactions/${id}/`), 400, { message: 'Invalid Form Body', code: 50035 }, 1);
    const cb = await run.standin.sendChatInput({ id, name: 'who', options: [str('question', 'greeted Putin at the airport')] }).waitForCallback(5000);
    const msg = messageOf(cb);
    expect(cb.type).toBe(4);
    expect(isEphemeral(msg)).toBe(true);
    expect(msg.content).toMatch(APOLOGY);
    expect(msg.embeds ?? []).toHaveLength(0);
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(callbackAttempts(id).map((r) => r.status)).toEqual([400, 204]); // a 4xx is not retried
    const failed = logs.lines.find((l) => l['msg'] === 'command failed' && l['interactionId'] === id);
    expect(failed, logs.raw.join('\n')).toBeDefined();
    expect(failed!['command']).toBe('who');
  });

  it('a handler that throws (broken story index) answers with an ephemeral apology', async () => {
    const sent = run.standin.sendChatInput({ name: 'who', options: [str('question', 'greeted Putin'), str('story', 'broken')] });
    const cb = await sent.waitForCallback(5000);
    const msg = messageOf(cb);
    expect(cb.type).toBe(4);
    expect(msg.flags! & 64).toBe(64);
    expect(msg.content).toMatch(APOLOGY);
    expect(msg.content).not.toMatch(/broken story index/); // internals are logged, not shown
    expect(limitProblems(msg)).toEqual([]);
    const failed = logs.lines.find((l) => l['msg'] === 'command failed' && l['interactionId'] === sent.id);
    expect(JSON.stringify(failed)).toMatch(/broken story index/);
  });

  it('a failing autocomplete still answers (no choices) instead of timing out', async () => {
    // the story list includes the broken index, so listing stories throws
    const cb = await run.standin.sendAutocomplete({ name: 'who', options: [str('question', 'x'), str('story', '', true)] }).waitForCallback(5000);
    expect(cb.type).toBe(8);
    expect(cb.body['data']).toEqual({ choices: [] });
    expect(logs.lines.some((l) => l['msg'] === 'autocomplete failed')).toBe(true);
  });

  it('the other stories keep working, and the logs never contain the bot token', async () => {
    const cb = await run.standin.sendChatInput({ name: 'sources' }).waitForCallback(5000);
    expect(messageOf(cb).embeds?.[0]?.fields).toHaveLength(5);
    const all = logs.raw.join('\n');
    expect(all.length).toBeGreaterThan(0);
    for (const part of TOKEN_PARTS) expect(all).not.toContain(part);
  });
});

describe('cooldown (COOLDOWN_SECONDS=30), on a virtual clock so the wait is exact', () => {
  let run: RunningBot;

  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '30' }, undefined, undefined, { clock: virtualClock(Date.now()) });
  }, 15_000);
  afterAll(async () => {
    await run?.close();
  });

  it('a second quick command from the same user gets an ephemeral "slow down"; other users are not affected', async () => {
    const alice = { id: snowflake() };
    const bob = { id: snowflake() };
    const q = [str('question', 'greeted Putin at the airport')];
    const first = run.standin.sendChatInput({ name: 'who', options: q, user: alice });
    const second = run.standin.sendChatInput({ name: 'where', options: [str('question', 'did Putin arrive')], user: alice });
    const other = run.standin.sendChatInput({ name: 'who', options: q, user: bob });

    const m1 = messageOf(await first.waitForCallback(5000));
    expect(isEphemeral(m1)).toBe(false);
    expect(m1.embeds?.[0]?.title).toContain('Kim');

    const m2 = messageOf(await second.waitForCallback(5000));
    expect(isEphemeral(m2)).toBe(true);
    expect(m2.content).toMatch(/slow down/i);
    expect(m2.content).toMatch(/\b30 seconds\b/);
    expect(m2.allowed_mentions).toEqual({ parse: [] });

    const m3 = messageOf(await other.waitForCallback(5000));
    expect(isEphemeral(m3)).toBe(false);
    expect(m3.embeds?.[0]?.title).toContain('Kim');
  });

  it('the context menu shares the cooldown; autocomplete does not use it up', async () => {
    const carol = { id: snowflake() };
    const ac = await run.standin.sendAutocomplete({ name: 'who', options: [str('question', 'greeted', true)], user: carol }).waitForCallback(5000);
    expect(ac.type).toBe(8);
    expect((ac.body['data'] as { choices: unknown[] }).choices.length).toBeGreaterThan(0);

    const menu = await run.standin.sendMessageContextMenu({ name: 'Fact-check this', message: { content: 'Kim Jong Un greeted Putin at the airport' }, user: carol }).waitForCallback(5000);
    expect(isEphemeral(messageOf(menu))).toBe(false);

    const again = await run.standin.sendChatInput({ name: 'sources', user: carol }).waitForCallback(5000);
    expect(isEphemeral(messageOf(again))).toBe(true);
    expect(messageOf(again).content).toMatch(/slow down/i);
  });
});
