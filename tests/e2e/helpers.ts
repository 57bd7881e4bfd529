/**
 * Shared helpers for the end-to-end tests: spawning the real npm scripts with a hermetic environment,
 * starting the in-process bot against the Discord stand-in, capturing logs, and checking Discord's limits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Events, type Client } from 'discord.js';
import { parseConfig } from '../../src/config.ts';
import type { Library } from '../../src/library.ts';
import { realLibrary, STORIES_DIR } from '../library.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { startBot, type BotHandle, type BotOptions } from '../../src/bot/run.ts';
import { LIMITS } from '../../src/render/discord.ts';
import { startStandin, type CallbackRecord, type DiscordStandin, type JsonObject } from '../discord/standin.ts';

/** Repository root (cwd for spawned entry points). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export { STORIES_DIR };

/** A fake bot token: long enough for the config schema, distinctive enough to grep logs for. */
export const TOKEN = 'MTE5ODc2NTQzMjEwOTg3NjU0Mw.Gx9e2e.e2e-secret-token-value-do-not-log';
/** Parts of the token that must never show up in output. */
export const TOKEN_PARTS = [TOKEN, 'e2e-secret-token-value-do-not-log'];

const CONFIG_KEYS = [
  'DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE', 'STORIES_DIR', 'DATA_DIR',
  'DEFAULT_STORY', 'LOG_LEVEL', 'COOLDOWN_SECONDS', 'SHUTDOWN_TIMEOUT_MS', 'LOGIN_TIMEOUT_MS', 'QUEUE_LIMIT', 'INDEX_CACHE_SIZE',
] as const;

/**
 * A child environment that only has what is given: every config key is present (empty = missing) so
 * neither the test runner's environment nor a developer's `.env` (dotenv never overrides) leaks in.
 */
export function childEnv(vars: Partial<Record<(typeof CONFIG_KEYS)[number], string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot']) if (process.env[k] !== undefined) env[k] = process.env[k];
  for (const k of CONFIG_KEYS) env[k] = '';
  return { ...env, ...vars };
}

export interface Spawned {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited and its streams are closed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when `stream` output satisfies `test` (rejects on timeout or exit first). */
  waitForOutput(stream: 'stdout' | 'stderr', test: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Kills the whole process group (tsx runs the script in a child of its own) if still running. */
  kill(): void;
}

/**
 * Runs `npm <args>` from the repo root exactly as a person or a process manager would (npm → sh →
 * node), in its own process group; `input` null keeps stdin open.
 */
export function spawnNpm(args: string[], env: NodeJS.ProcessEnv, input?: string | null): Spawned {
  return spawnWatched('npm', args, env, input);
}

/** The ids of a process's children (Linux /proc). */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** True while a process with this id exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function spawnWatched(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string | null): Spawned {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (s: string) => { out += s; for (const l of listeners) l(); });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { err += s; for (const l of listeners) l(); });
  let done = false;
  const exited = once(child, 'close').then(([code, signal]) => {
    done = true;
    for (const l of listeners) l();
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  child.stdin!.on('error', () => { /* the process may exit before reading everything */ });
  if (typeof input === 'string') child.stdin!.end(input);
  else if (input === undefined) child.stdin!.end();
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput(stream, test, timeoutMs = 10_000) {
      const text = () => (stream === 'stdout' ? out : err);
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          if (test(text())) finish(() => resolve(text()));
          else if (done) finish(() => reject(new Error(`process exited before the expected ${stream} output:\n--- stdout\n${out}\n--- stderr\n${err}`)));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${stream} output:\n--- stdout\n${out}\n--- stderr\n${err}`))), timeoutMs);
        const finish = (fn: () => void) => { clearTimeout(timer); listeners.delete(check); fn(); };
        listeners.add(check);
        check();
      });
    },
    kill() {
      if (done || child.pid === undefined) return;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    },
  };
}

/** Waits for the process to exit, failing after `timeoutMs` (and killing it then). */
export async function exitWithin(p: Spawned, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      p.kill();
      reject(new Error(`process did not exit within ${timeoutMs} ms:\n--- stdout\n${p.stdout()}\n--- stderr\n${p.stderr()}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([p.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves once the client has emitted ClientReady (now or already). */
export async function clientReady(client: Client): Promise<void> {
  if (client.isReady()) return;
  await once(client, Events.ClientReady);
}

export interface RunningBot {
  standin: DiscordStandin;
  bot: BotHandle;
  library: Library;
  close(): Promise<void>;
}

/** A stand-in plus the real bot (startBot) logged into it. Close destroys the client before the stand-in. */
export async function startBotOnStandin(
  env: Record<string, string> = {},
  library: Library = realLibrary(),
  logger: Logger = createLogger('silent'),
  options: BotOptions = {},
): Promise<RunningBot> {
  const standin = await startStandin({ token: TOKEN });
  // Each bot gets its own settings folder unless the test names one.
  const dataDir = env['DATA_DIR'] ? undefined : mkdtempSync(join(tmpdir(), 'story-bot-data-'));
  try {
    const config = parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.apiBase, LOG_LEVEL: 'silent', COOLDOWN_SECONDS: '0', ...(dataDir ? { DATA_DIR: dataDir } : {}), ...env });
    const bot = await startBot(config, library, logger, options);
    await clientReady(bot.client);
    await standin.waitForReady();
    return {
      standin,
      bot,
      library,
      async close() {
        await bot.stop();
        await standin.close();
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await standin.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Interaction option builders (gateway shape). */
export const str = (name: string, value: string, focused?: boolean): JsonObject => ({ name, type: 3, value, ...(focused ? { focused } : {}) });
export const bool = (name: string, value: boolean): JsonObject => ({ name, type: 5, value });

export interface MessageData {
  content?: string;
  embeds?: EmbedData[];
  flags?: number;
  allowed_mentions?: { parse?: string[]; users?: string[]; roles?: string[]; replied_user?: boolean };
}
export interface EmbedData {
  title?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
}

/** The message data of a type-4 callback. */
export function messageOf(cb: CallbackRecord): MessageData {
  return (cb.body['data'] ?? {}) as MessageData;
}

export const EPHEMERAL = 1 << 6;
export const isEphemeral = (m: MessageData): boolean => ((m.flags ?? 0) & EPHEMERAL) !== 0;

/** Every Discord limit a message can break; empty when the message is within all of them. */
export function limitProblems(m: MessageData): string[] {
  const problems: string[] = [];
  if ((m.content ?? '').length > LIMITS.content) problems.push(`content ${m.content!.length} > ${LIMITS.content}`);
  const embeds = m.embeds ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  for (const [i, e] of embeds.entries()) {
    const at = `embed ${i}`;
    if ((e.title?.length ?? 0) > LIMITS.title) problems.push(`${at} title ${e.title!.length} > ${LIMITS.title}`);
    if ((e.description?.length ?? 0) > LIMITS.description) problems.push(`${at} description ${e.description!.length} > ${LIMITS.description}`);
    if ((e.footer?.text.length ?? 0) > LIMITS.footer) problems.push(`${at} footer too long`);
    const fields = e.fields ?? [];
    if (fields.length > LIMITS.fields) problems.push(`${at} ${fields.length} fields > ${LIMITS.fields}`);
    for (const f of fields) {
      if (f.name.length === 0 || f.name.length > LIMITS.fieldName) problems.push(`${at} field name length ${f.name.length}`);
      if (f.value.length === 0 || f.value.length > LIMITS.fieldValue) problems.push(`${at} field value length ${f.value.length}`);
    }
    total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0)
      + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > LIMITS.embedTotal) problems.push(`embeds total ${total} > ${LIMITS.embedTotal}`);
  if (!m.content && embeds.length === 0) problems.push('empty message');
  return problems;
}

/** A logger writing JSON lines into an array. */
export function captureLogs(level = 'info') {
  const lines: JsonObject[] = [];
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as JsonObject);
      cb();
    },
  });
  return { logger: createLogger(level, dest), lines, about: (id: string) => lines.filter((l) => l['interactionId'] === id) };
}

