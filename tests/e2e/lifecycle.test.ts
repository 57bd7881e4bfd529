/**
 * Start-up and shutdown of the real bot (discord.js Client) against the stand-in: login retried with
 * growing delays while Discord is unreachable, then a clear error; a refused token is not retried;
 * shutdown keeps answering what is in flight, tells newcomers "restarting", and logs what it abandons.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { virtualClock } from '../../src/bot/clock.ts';
import { NOTICES } from '../../src/bot/router.ts';
import { LoginError, startBot } from '../../src/bot/run.ts';
import { parseConfig } from '../../src/config.ts';
import { realLibrary } from '../library.ts';
import { snowflake, startStandin, type DiscordStandin } from '../discord/standin.ts';
import { TOKEN, captureLogs, clientReady, isEphemeral, messageOf, startBotOnStandin, str, type RunningBot } from './helpers.ts';

const library = realLibrary();
const WHO = [str('question', 'greeted Putin at the airport')];
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanup.splice(0).reverse()) await c(); });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('login', () => {
  it('retries with growing delays while /gateway/bot fails, then logs in', async () => {
    const standin: DiscordStandin = await startStandin({ token: TOKEN });
    cleanup.push(() => standin.close());
    standin.failNext((r) => r.path === '/gateway/bot', 502, undefined, 3);
    const logs = captureLogs('info');
    const clock = virtualClock(Date.now());
    const start = clock.now();
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, LOG_LEVEL: 'info' });
    const bot = await startBot(config, library, logs.logger, { clock });
    cleanup.unshift(() => bot.stop());
    await clientReady(bot.client);
    const retries = logs.lines.filter((l) => l['msg'] === 'login failed; retrying');
    expect(retries.map((l) => l['retryInMs'])).toEqual([500, 1000, 2000]);
    expect(clock.now() - start).toBe(3500);
    expect(standin.requests.items.filter((r) => r.path === '/gateway/bot').map((r) => r.status)).toEqual([502, 502, 502, 200]);
    expect(logs.lines.some((l) => l['msg'] === 'ready')).toBe(true);
  });

  it('gives up after LOGIN_TIMEOUT_MS with one clear line naming where it tried', async () => {
    const port = await freePort();
    const clock = virtualClock(Date.now());
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `http://127.0.0.1:${port}/api`, LOGIN_TIMEOUT_MS: '5000' });
    const err = await startBot(config, library, captureLogs().logger, { clock }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(LoginError);
    // waits 500 + 1000 + 2000 ms; the next (4000 ms) would pass the 5 s limit
    expect((err as Error).message).toBe(`could not log in to Discord at http://127.0.0.1:${port}/api after 4 attempts over 5 s: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect((err as Error).message).not.toContain('\n');
  });

  it('does not retry a refused token', async () => {
    const standin = await startStandin({ token: TOKEN });
    cleanup.push(() => standin.close());
    const config = parseConfig({ DISCORD_TOKEN: `${TOKEN}-wrong`, DISCORD_API_BASE: standin.apiBase });
    const err = await startBot(config, library, captureLogs().logger, { clock: virtualClock(Date.now()) }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(LoginError);
    expect((err as Error).message).toMatch(/refused the login.*check DISCORD_TOKEN/);
    expect(standin.requests.items.filter((r) => r.path === '/gateway/bot')).toHaveLength(1);
  });
});

describe('shutdown', () => {
  async function botWith(env: Record<string, string>) {
    const logs = captureLogs('info');
    const run: RunningBot = await startBotOnStandin({ COOLDOWN_SECONDS: '0', ...env }, library, logs.logger);
    cleanup.push(() => run.close());
    return { run, logs };
  }

  it('finishes the answer in flight, tells a newcomer "restarting" (ephemeral), then closes the gateway', async () => {
    const { run, logs } = await botWith({ SHUTDOWN_TIMEOUT_MS: '20000' });
    // The first answer is held at the stand-in until the newcomers have been told: it is in flight throughout.
    const firstId = snowflake();
    const held = run.standin.hold((r) => r.path.startsWith(`/interactions/${firstId}/`));
    const first = run.standin.sendChatInput({ id: firstId, name: 'who', options: WHO });
    await held.arrived;
    expect(run.bot.inFlight).toBe(1);
    const stopped = run.bot.stop();
    const late = run.standin.sendChatInput({ name: 'who', options: WHO });
    const lateClick = run.standin.sendButton({ customId: 'fb1:1:n' }); // a 👎 on an earlier answer, too
    for (const sent of [late, lateClick]) {
      const msg = messageOf(await sent.waitForCallback(5000));
      expect(isEphemeral(msg)).toBe(true);
      expect(msg.content).toBe(NOTICES.restarting);
    }
    expect(run.standin.callbacks.items.filter((c) => c.interactionId === firstId)).toEqual([]);
    held.release();
    const firstMsg = messageOf(await first.waitForCallback(5000));
    expect(isEphemeral(firstMsg)).toBe(false);
    expect(firstMsg.embeds?.[0]?.title).toContain('Kim');
    await stopped;
    expect(logs.lines.find((l) => l['msg'] === 'stopped')?.['abandoned']).toBe(0);
    await expect.poll(() => run.standin.connected, { timeout: 3000 }).toBe(false);
  });

  it('at the timeout, logs how many answers in flight it abandoned', async () => {
    const { run, logs } = await botWith({ SHUTDOWN_TIMEOUT_MS: '100' });
    run.standin.hold((r) => r.path.includes('/callback')); // never released: the stand-in closes with them held
    run.standin.sendChatInput({ name: 'who', options: WHO });
    run.standin.sendChatInput({ name: 'where', options: [str('question', 'did Putin arrive')] });
    await expect.poll(() => run.bot.inFlight, { timeout: 5000 }).toBe(2);
    await run.bot.stop();
    const warn = logs.lines.find((l) => l['msg'] === 'shutdown timeout: abandoned answers still in flight');
    expect(warn?.['abandoned']).toBe(2);
    expect(logs.lines.find((l) => l['msg'] === 'stopped')?.['abandoned']).toBe(2);
  });
});
