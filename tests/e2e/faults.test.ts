/**
 * Replies that get through: the real bot (discord.js Client) against the stand-in with injected REST
 * faults. The bot runs on a virtual clock and each interaction is created at that clock's "now" (its
 * snowflake carries the time), so deadlines, retries and defers are decided deterministically: no
 * assertion depends on how fast this machine is.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/bot/clock.ts';
import { NOTICES } from '../../src/bot/router.ts';
import { snowflake, snowflakeAt, type JsonObject, type RecordedRequest } from '../discord/standin.ts';
import { captureLogs, isEphemeral, messageOf, startBotOnStandin, str, type MessageData, type RunningBot } from './helpers.ts';

const WHO = [str('question', 'greeted Putin at the airport')];
const callbacksOf = (run: RunningBot, id: string): RecordedRequest[] =>
  run.standin.requests.items.filter((r) => r.method === 'POST' && r.path.startsWith(`/interactions/${id}/`));
const webhooksOf = (run: RunningBot, token: string): RecordedRequest[] =>
  run.standin.requests.items.filter((r) => r.path.startsWith(`/webhooks/${run.standin.applicationId}/${token}`));

describe('REST faults on the reply, on a virtual clock', () => {
  const clock = virtualClock(Date.now());
  const logs = captureLogs();
  let run: RunningBot;
  const undo: (() => void)[] = [];

  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '0' }, undefined, logs.logger, { clock });
  }, 15_000);
  afterEach(() => { for (const u of undo.splice(0)) u(); });
  afterAll(async () => {
    await run?.close();
  });

  /** An interaction created `ageMs` before the bot's "now". */
  const created = (ageMs = 0) => snowflakeAt(clock.now() - ageMs);

  it('502 four times, then the answer gets through: retried with growing delays inside the 3 s window', async () => {
    const id = created();
    run.standin.failNext((r) => r.path.startsWith(`/interactions/${id}/`), 502, undefined, 4);
    const before = clock.now();
    const cb = await run.standin.sendChatInput({ id, name: 'who', options: WHO }).waitForCallback(5000);
    expect(cb.type).toBe(4);
    expect(messageOf(cb).embeds?.[0]?.title).toContain('Kim');
    expect(callbacksOf(run, id).map((r) => r.status)).toEqual([502, 502, 502, 502, 204]);
    expect(clock.now() - before).toBe(100 + 200 + 400 + 800); // the waits between attempts
  });

  it('502 for good: attempts stop at the 3 s deadline, and no apology is tried after it', async () => {
    const id = created();
    const sent = run.standin.sendChatInput({ id, name: 'who', options: WHO });
    run.standin.failNext((r) => r.path.startsWith(`/interactions/${id}/`), 502, undefined, 1000);
    await expect.poll(() => logs.about(id).map((l) => l['msg']), { timeout: 5000 }).toContain('reply not delivered');
    // attempts at 0, 100, 300, 700, 1500 ms; the next would start at 3100 ms, past the deadline
    expect(callbacksOf(run, id).map((r) => r.status)).toEqual([502, 502, 502, 502, 502]);
    expect(logs.about(id).some((l) => l['msg'] === 'command failed')).toBe(false);
    expect(sent.original()).toBeUndefined();
  });

  it('10062 (unknown interaction): one attempt, then it stops; no apology', async () => {
    const id = created();
    run.standin.failNext((r) => r.path.startsWith(`/interactions/${id}/`), 404, { message: 'Unknown interaction', code: 10062 }, 1);
    run.standin.sendChatInput({ id, name: 'who', options: WHO });
    await expect.poll(() => logs.about(id).map((l) => l['msg']), { timeout: 5000 }).toContain('reply not delivered');
    expect(callbacksOf(run, id).map((r) => r.status)).toEqual([404]);
    expect(logs.about(id).filter((l) => (l['level'] as number) >= 50)).toEqual([]);
  });

  it('a lost response then 40060 (already acknowledged) counts as done: answered once, nothing logged as an error', async () => {
    const id = created();
    run.standin.loseResponseNext((r) => r.path.startsWith(`/interactions/${id}/`), 1);
    const sent = run.standin.sendChatInput({ id, name: 'who', options: WHO });
    const cb = await sent.waitForCallback(5000);
    expect(messageOf(cb).embeds?.[0]?.title).toContain('Kim');
    await expect.poll(() => logs.about(id).map((l) => l['msg']), { timeout: 5000 }).toContain('answered');
    expect(callbacksOf(run, id).map((r) => r.status)).toEqual([204, 400]);
    expect((callbacksOf(run, id)[1]!.responseBody as { code: number }).code).toBe(40060);
    expect(run.standin.callbacks.items.filter((c) => c.interactionId === id)).toHaveLength(1);
    expect(logs.about(id).filter((l) => (l['level'] as number) >= 50)).toEqual([]);
  });

  it('an interaction already 2.5 s old is deferred first, then the answer is edited in', async () => {
    const id = created(2500);
    const sent = run.standin.sendChatInput({ id, name: 'who', options: WHO });
    const cb = await sent.waitForCallback(5000);
    expect(cb.type).toBe(5);
    expect(isEphemeral(messageOf(cb))).toBe(false);
    const edit = await sent.waitForWebhook((w) => w.method === 'PATCH' && w.messageId === '@original', 5000);
    const msg = edit.body as MessageData;
    expect(msg.embeds?.[0]?.title).toContain('Kim');
    expect(msg.allowed_mentions).toEqual({ parse: [] });
  });

  it('a deferred answer that must be private (not in the story) becomes an ephemeral follow-up; the public "thinking" message is deleted', async () => {
    const id = created(2500);
    const sent = run.standin.sendChatInput({ id, name: 'who', options: [str('question', 'who is the president of Brazil')] });
    expect((await sent.waitForCallback(5000)).type).toBe(5);
    const follow = await sent.waitForWebhook((w) => w.method === 'POST', 5000);
    expect(isEphemeral(follow.body as MessageData)).toBe(true);
    await sent.waitForWebhook((w) => w.method === 'DELETE' && w.messageId === '@original', 5000);
  });

  it('a deferred answer whose edit fails transiently is retried until it gets through', async () => {
    const id = created(2500);
    const sent = run.standin.sendChatInput({ id, name: 'who', options: WHO });
    run.standin.failNext((r) => r.method === 'PATCH' && r.path.includes(sent.token), 503, undefined, 3);
    await sent.waitForWebhook((w) => w.method === 'PATCH', 5000);
    expect(webhooksOf(run, sent.token).filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([503, 503, 503, 200]);
  });

  it('a slow REST (latency) on the callback still ends in exactly one answer', async () => {
    const id = created();
    undo.push(run.standin.addLatency((r) => r.path.startsWith(`/interactions/${id}/`), 300));
    const cb = await run.standin.sendChatInput({ id, name: 'who', options: WHO }).waitForCallback(5000);
    expect(cb.type).toBe(4);
    expect(callbacksOf(run, id).map((r) => r.status)).toEqual([204]);
  });

  it('keeps no user or member in discord.js caches, however many users write', async () => {
    const sends = Array.from({ length: 60 }, () => run.standin.sendChatInput({ id: created(), name: 'help', user: { id: snowflake() } }));
    await Promise.all(sends.map((s) => s.waitForCallback(10_000)));
    const { client } = run.bot;
    expect([...client.users.cache.keys()].filter((id) => id !== client.user?.id)).toEqual([]);
    const guild = client.guilds.cache.get(run.standin.guildId)!;
    expect([...guild.members.cache.keys()].filter((id) => id !== client.user?.id)).toEqual([]);
  });
});

describe('load shedding: a hopeless queue answers "busy, try again" at once', () => {
  let run: RunningBot;
  beforeAll(async () => {
    run = await startBotOnStandin({ COOLDOWN_SECONDS: '0', QUEUE_LIMIT: '0' });
  }, 15_000);
  afterAll(async () => {
    await run?.close();
  });

  it('with no room in the queue every command gets an ephemeral busy notice, never silence', async () => {
    const sends = Array.from({ length: 20 }, () => run.standin.sendChatInput({ name: 'who', options: WHO }));
    for (const s of sends) {
      const cb = await s.waitForCallback(5000);
      const msg = messageOf(cb);
      expect(cb.type).toBe(4);
      expect(isEphemeral(msg)).toBe(true);
      expect(msg.content).toBe(NOTICES.busy);
    }
  });
});
