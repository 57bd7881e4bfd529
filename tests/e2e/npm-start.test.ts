/**
 * `npm start` end to end, as a real process (src/main.ts through tsx, cwd = repo root): with a token it
 * serves Discord (here: the stand-in) until SIGTERM and exits 0; without one it is the local console.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type DiscordStandin, type JsonObject } from '../discord/standin.ts';
import { TOKEN, TOKEN_PARTS, childEnv, exitWithin, messageOf, spawnTsx, str, type Spawned } from './helpers.ts';

const MAIN = 'src/main.ts';

/** pino JSON lines from stderr (non-JSON lines are kept as { raw }). */
function logLines(stderr: string): JsonObject[] {
  return stderr.split('\n').filter(Boolean).map((l) => {
    try {
      return JSON.parse(l) as JsonObject;
    } catch {
      return { raw: l };
    }
  });
}

describe('npm start with DISCORD_TOKEN: serves Discord, shuts down cleanly on SIGTERM', () => {
  let standin: DiscordStandin;
  let bot: Spawned;

  const dataDir = mkdtempSync(join(tmpdir(), 'story-bot-data-'));

  beforeAll(async () => {
    standin = await startStandin({ token: TOKEN });
  });
  afterAll(async () => {
    bot?.kill();
    await standin?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in, answers, and exits 0 on SIGTERM without logging the token', async () => {
    bot = spawnTsx(MAIN, childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, LOG_LEVEL: 'info', DATA_DIR: dataDir }));
    await standin.waitForReady(1, 15_000);
    await bot.waitForOutput('stderr', (s) => logLines(s).some((l) => l['msg'] === 'ready'), 10_000);

    const ready = logLines(bot.stderr()).find((l) => l['msg'] === 'ready')!;
    expect(ready['level']).toBe(30);
    expect(ready['stories']).toEqual(['putin-north-korea-visit']);
    const invite = new URL(String(ready['invite']));
    expect(invite.searchParams.get('client_id')).toBe(standin.applicationId);
    expect(invite.searchParams.get('scope')).toBe('bot applications.commands');
    expect(String(ready['invite'])).toContain('scope=bot+applications.commands');
    expect(`${invite.origin}${invite.pathname}`).toBe('https://discord.com/oauth2/authorize');

    const sent = standin.sendChatInput({ name: 'who', options: [str('question', 'greeted Putin at the airport')] });
    const cb = await sent.waitForCallback(5000);
    expect(cb.type).toBe(4);
    expect(messageOf(cb).embeds?.[0]?.title).toContain('Kim');
    await bot.waitForOutput('stderr', (s) => logLines(s).some((l) => l['msg'] === 'answered' && l['interactionId'] === sent.id), 5000);

    const signalledAt = Date.now();
    bot.child.kill('SIGTERM');
    const { code, signal } = await exitWithin(bot, 8000);
    expect({ code, signal }, bot.stderr()).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(6000);

    const logs = logLines(bot.stderr());
    const msgs = logs.map((l) => l['msg']);
    expect(msgs).toContain('shutting down');
    expect(msgs).toContain('stopped');
    expect(msgs.indexOf('stopped')).toBeGreaterThan(msgs.indexOf('shutting down'));
    expect(logs.filter((l) => 'raw' in l)).toEqual([]); // only JSON log lines on stderr
    expect(logs.filter((l) => typeof l['level'] === 'number' && l['level'] >= 50)).toEqual([]);
    for (const part of TOKEN_PARTS) {
      expect(bot.stderr()).not.toContain(part);
      expect(bot.stdout()).not.toContain(part);
    }
    // the client closed its gateway socket (no dangling session)
    expect(standin.connected).toBe(false);
  }, 25_000);
});

describe('npm start without DISCORD_TOKEN: the local console', () => {
  let p: Spawned | undefined;
  afterAll(() => p?.kill());

  it('answers piped lines and exits 0 at end of input', async () => {
    p = spawnTsx(MAIN, childEnv({ DISCORD_TOKEN: '' }), '/who greeted Putin\n/sources\n');
    const { code } = await exitWithin(p, 15_000);
    expect(code, p.stderr()).toBe(0);
    expect(p.stdout()).toContain('Kim Jong Un');
    expect(p.stdout()).toContain('Interfax');
    expect(p.stdout()).toContain('¶2');
  }, 20_000);
});
