/**
 * `npm start` end to end, as a real process tree (npm → sh → node dist/src/main.js, compiled by the
 * prestart step, cwd = repo root): with a token it serves Discord (here: the stand-in) until SIGTERM or
 * SIGINT, sent to the npm process the way Docker and process managers send them, and exits 0; without
 * one it is the local console; with Discord unreachable it says so in one line and exits 1. Long-running
 * npm scripts (`ask --jsonl`) pass signals on too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type DiscordStandin, type JsonObject } from '../discord/standin.ts';
import { STORIES_DIR, TOKEN, TOKEN_PARTS, alive, childEnv, childPids, exitWithin, messageOf, spawnNpm, str, type Spawned } from './helpers.ts';

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

/** The node process at the end of npm → sh (exec) → node. */
function botPid(npm: Spawned): number {
  const kids = childPids(npm.child.pid!);
  expect(kids, 'npm has one child').toHaveLength(1);
  return kids[0]!;
}

const spawned: Spawned[] = [];
afterEach(() => { for (const p of spawned.splice(0)) p.kill(); });

describe('npm start with DISCORD_TOKEN: serves Discord, stops cleanly on a signal to npm', () => {
  let standin: DiscordStandin;
  const dataDir = mkdtempSync(join(tmpdir(), 'story-bot-data-'));
  beforeAll(async () => {
    standin = await startStandin({ token: TOKEN });
  });
  afterAll(async () => {
    await standin?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  for (const [n, signal] of [[1, 'SIGTERM'], [2, 'SIGINT']] as const) {
    it(`logs in, answers, and exits 0 on ${signal} to the npm process, without logging the token`, async () => {
      const npm = spawnNpm(['start', '--silent'], childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, LOG_LEVEL: 'info', DATA_DIR: dataDir }));
      spawned.push(npm);
      await npm.waitForOutput('stderr', (s) => logLines(s).filter((l) => l['msg'] === 'ready').length > 0, 45_000);
      await standin.waitForReady(n, 5000);

      const ready = logLines(npm.stderr()).find((l) => l['msg'] === 'ready')!;
      expect(ready['level']).toBe(30);
      expect(ready['stories']).toEqual(['putin-north-korea-visit']);
      // exactly the URL the README documents
      expect(ready['invite']).toBe(`https://discord.com/oauth2/authorize?client_id=${standin.applicationId}&scope=bot+applications.commands&permissions=0`);

      const sent = standin.sendChatInput({ name: 'who', options: [str('question', 'greeted Putin at the airport')] });
      const cb = await sent.waitForCallback(5000);
      expect(cb.type).toBe(4);
      expect(messageOf(cb).embeds?.[0]?.title).toContain('Kim');
      await npm.waitForOutput('stderr', (s) => logLines(s).some((l) => l['msg'] === 'answered' && l['interactionId'] === sent.id), 5000);

      const bot = botPid(npm);
      npm.child.kill(signal); // to npm only, not its process group
      const { code, signal: killedBy } = await exitWithin(npm, 10_000);
      expect({ code, killedBy }, npm.stderr()).toEqual({ code: 0, killedBy: null });
      expect(alive(bot)).toBe(false);

      const logs = logLines(npm.stderr());
      const msgs = logs.map((l) => l['msg']);
      expect(logs.find((l) => l['msg'] === 'shutting down')?.['signal']).toBe(signal);
      expect(msgs.indexOf('stopped')).toBeGreaterThan(msgs.indexOf('shutting down'));
      expect(logs.find((l) => l['msg'] === 'stopped')?.['abandoned']).toBe(0);
      expect(logs.filter((l) => 'raw' in l)).toEqual([]); // only JSON log lines on stderr
      expect(logs.filter((l) => typeof l['level'] === 'number' && l['level'] >= 50)).toEqual([]);
      for (const part of TOKEN_PARTS) {
        expect(npm.stderr()).not.toContain(part);
        expect(npm.stdout()).not.toContain(part);
      }
      await expect.poll(() => standin.connected, { timeout: 3000 }).toBe(false);
    }, 60_000);
  }
});

describe('npm start without Discord', () => {
  it('without DISCORD_TOKEN: the console answers piped lines and exits 0 at end of input', async () => {
    const npm = spawnNpm(['start', '--silent'], childEnv({ DISCORD_TOKEN: '' }), '/who greeted Putin\n/sources\n');
    spawned.push(npm);
    const { code } = await exitWithin(npm, 45_000);
    expect(code, npm.stderr()).toBe(0);
    expect(npm.stdout()).toContain('Kim Jong Un');
    expect(npm.stdout()).toContain('Interfax');
  }, 50_000);

  it('with Discord unreachable: one clear line on stderr, no stack trace, exit 1', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const npm = spawnNpm(['start', '--silent'], childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `http://127.0.0.1:${port}/api`, LOGIN_TIMEOUT_MS: '0', LOG_LEVEL: 'silent' }));
    spawned.push(npm);
    const { code } = await exitWithin(npm, 45_000);
    expect(code).toBe(1);
    const lines = npm.stderr().trim().split('\n');
    expect(lines, npm.stderr()).toHaveLength(1);
    expect(lines[0]).toMatch(/^story-bot: cannot start: could not log in to Discord at http:\/\/127\.0\.0\.1:\d+\/api after 1 attempt/);
    expect(npm.stderr()).not.toMatch(/\n\s+at /);
  }, 50_000);
});

describe('long-running npm scripts pass signals on', () => {
  it('npm run ask -- --jsonl: SIGTERM to npm ends the node process too', async () => {
    const npm = spawnNpm(['run', '--silent', 'ask', '--', '--jsonl'], { ...childEnv({ STORIES_DIR }) }, null);
    spawned.push(npm);
    npm.child.stdin!.write(`${JSON.stringify({ command: 'who', query: 'greeted Putin' })}\n`);
    await npm.waitForOutput('stdout', (s) => s.includes('Kim Jong Un'), 30_000);
    const node = botPid(npm);
    npm.child.kill('SIGTERM');
    await exitWithin(npm, 10_000);
    await expect.poll(() => alive(node), { timeout: 3000 }).toBe(false);
  }, 40_000);
});
