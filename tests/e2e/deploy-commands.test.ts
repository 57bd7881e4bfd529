/**
 * `npm run deploy-commands` end to end: the real script (through tsx) registers the commands with the
 * Discord stand-in, and what it PUTs is something Discord would accept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type DiscordStandin, type JsonObject } from '../discord/standin.ts';
import { commands } from '../../commands/index.ts';
import { PassThrough } from 'node:stream';
import { runDeploy } from '../../src/cli/deploy-commands.ts';
import { TOKEN, TOKEN_PARTS, childEnv } from './helpers.ts';

const SLASH_NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Problems in a list of options, and in the options of its subcommands (type 1) and groups (type 2). */
function optionProblems(options: JsonObject[], at: string): string[] {
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${at}: ${options.length} options > 25`);
  let seenOptional = false;
  const optionNames = new Set<string>();
  for (const o of options) {
    const on = String(o['name']);
    const oat = `${at} option "${on}"`;
    if (!SLASH_NAME.test(on) || on !== on.toLowerCase()) problems.push(`${oat}: invalid name`);
    if (optionNames.has(on)) problems.push(`${oat}: duplicate`);
    optionNames.add(on);
    const od = o['description'];
    if (typeof od !== 'string' || od.length < 1 || od.length > 100) problems.push(`${oat}: description must be 1..100 chars`);
    if (o['required'] === true && seenOptional) problems.push(`${oat}: required option after an optional one`);
    if (o['required'] !== true) seenOptional = true;
    if (o['type'] === 3) {
      const max = o['max_length'] as number | undefined;
      const min = o['min_length'] as number | undefined;
      if (max !== undefined && (max < 1 || max > 6000)) problems.push(`${oat}: max_length ${max} outside 1..6000`);
      if (min !== undefined && (min < 0 || min > 6000 || (max !== undefined && min > max))) problems.push(`${oat}: bad min_length`);
    }
    if (o['autocomplete'] === true && Array.isArray(o['choices']) && o['choices'].length > 0) problems.push(`${oat}: autocomplete with choices`);
    if (Array.isArray(o['choices']) && o['choices'].length > 25) problems.push(`${oat}: > 25 choices`);
    if (o['type'] === 1 || o['type'] === 2) problems.push(...optionProblems((o['options'] ?? []) as JsonObject[], oat));
  }
  return problems;
}

/** Everything Discord's validation would reject in one command definition (as sent). */
function commandProblems(cmd: JsonObject): string[] {
  const problems: string[] = [];
  const name = String(cmd['name']);
  const type = (cmd['type'] as number | undefined) ?? 1;
  const at = `command "${name}"`;
  if (type === 1) {
    if (!SLASH_NAME.test(name) || name !== name.toLowerCase()) problems.push(`${at}: invalid slash command name`);
    const d = cmd['description'];
    if (typeof d !== 'string' || d.length < 1 || d.length > 100) problems.push(`${at}: description must be 1..100 chars`);
    const options = (cmd['options'] ?? []) as JsonObject[];
    problems.push(...optionProblems(options, at));
    // Discord caps a command's combined name, description and option text at 4000 characters.
    const text = (os: JsonObject[]): number => os.reduce((n, o) => n + String(o['name']).length + String(o['description'] ?? '').length + text((o['options'] ?? []) as JsonObject[]), 0);
    const size = name.length + String(d ?? '').length + text(options);
    if (size > 4000) problems.push(`${at}: ${size} characters > 4000`);
  } else if (type === 2 || type === 3) {
    if (name.length < 1 || name.length > 32) problems.push(`${at}: context-menu name must be 1..32 chars`);
    if (cmd['description'] !== undefined && cmd['description'] !== '') problems.push(`${at}: context-menu command with a description`);
    if (cmd['options'] !== undefined) problems.push(`${at}: context-menu command with options`);
  } else {
    problems.push(`${at}: unexpected type ${type}`);
  }
  return problems;
}

/** What a run printed, like a process's output. */
interface Printed {
  stdout(): string;
  stderr(): string;
}
interface Run {
  standin: DiscordStandin;
  process: Printed;
  exit: { code: number };
}

const collect = () => {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (d: string) => { text += d; });
  return { stream, text: () => text };
};

describe('deploy-commands (its main, in process; stand-in Discord)', () => {
  // The three runs are independent (one stand-in each), so they run in parallel.
  let guild: Run;
  let global: Run;
  let noClientId: Run;
  const standins: DiscordStandin[] = [];

  async function deploy(env: (s: DiscordStandin) => NodeJS.ProcessEnv): Promise<Run> {
    const standin = await startStandin({ token: TOKEN });
    standins.push(standin);
    const out = collect();
    const err = collect();
    const code = await runDeploy(env(standin), out.stream, err.stream);
    await new Promise((resolve) => setImmediate(resolve));
    return { standin, process: { stdout: out.text, stderr: err.text }, exit: { code } };
  }

  beforeAll(async () => {
    [guild, global, noClientId] = await Promise.all([
      deploy((s) => childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: s.applicationId, DISCORD_GUILD_ID: s.guildId, DISCORD_API_BASE: s.apiBase })),
      // a trailing slash on the base is tolerated
      deploy((s) => childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: s.applicationId, DISCORD_API_BASE: `${s.apiBase}/` })),
      deploy((s) => childEnv({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: s.guildId, DISCORD_API_BASE: s.apiBase })),
    ]);
  }, 30_000);

  afterAll(async () => {
    await Promise.all(standins.map((s) => s.close()));
  });

  it('registers every command in the guild with a body Discord would accept', () => {
    const { standin, process: p, exit } = guild;
    expect(exit.code, p.stderr()).toBe(0);
    expect(p.stdout()).toContain(`Registered ${commands.length} commands in guild ${standin.guildId}`);

    const puts = standin.requests.items.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(1);
    const put = puts[0]!;
    expect(put.path).toBe(`/applications/${standin.applicationId}/guilds/${standin.guildId}/commands`);
    expect(put.version).toBe(10);
    expect(put.headers['authorization']).toBe(`Bot ${TOKEN}`);
    expect(put.status).toBe(200);

    const body = put.body as JsonObject[];
    expect(Array.isArray(body)).toBe(true);
    expect(body.map((c) => c['name'])).toEqual(commands.map((c) => c.definition.name));
    expect(body.flatMap(commandProblems)).toEqual([]);
    // no two commands of the same type share a name
    const keys = body.map((c) => `${(c['type'] as number | undefined) ?? 1}:${String(c['name'])}`);
    expect(new Set(keys).size).toBe(keys.length);

    const slash = body.filter((c) => ((c['type'] as number | undefined) ?? 1) === 1).map((c) => c['name']);
    expect(slash).toEqual(['who', 'when', 'where', 'what', 'why', 'ask', 'sources', 'factcheck', 'story', 'help']);

    const menu = body.find((c) => c['name'] === 'Fact-check this');
    expect(menu).toBeDefined();
    expect(menu!['type']).toBe(3);
    expect(menu!['description']).toBeUndefined();

    expect(standin.registeredCommands(standin.guildId)).toHaveLength(commands.length);
    expect(standin.registeredCommands()).toHaveLength(0);
    for (const part of TOKEN_PARTS) expect(p.stdout() + p.stderr()).not.toContain(part);
  });

  it('registers globally when DISCORD_GUILD_ID is not set', () => {
    const { standin, process: p, exit } = global;
    expect(exit.code, p.stderr()).toBe(0);
    expect(p.stdout()).toContain(`Registered ${commands.length} commands globally`);

    const puts = standin.requests.items.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/applications/${standin.applicationId}/commands`]);
    expect((puts[0]!.body as JsonObject[]).flatMap(commandProblems)).toEqual([]);
    expect(standin.registeredCommands()).toHaveLength(commands.length);
    expect(standin.registeredCommands(standin.guildId)).toHaveLength(0);
  });

  it('exits non-zero naming DISCORD_CLIENT_ID when it is missing, without calling Discord', () => {
    const { standin, process: p, exit } = noClientId;
    expect(exit.code).toBe(1);
    expect(p.stderr()).toContain('DISCORD_CLIENT_ID');
    expect(p.stderr()).not.toContain('DISCORD_TOKEN'); // the token was given: only the missing key is named
    for (const part of TOKEN_PARTS) expect(p.stdout() + p.stderr()).not.toContain(part);
    expect(standin.requests.items).toHaveLength(0);
  });
});

describe('the command validator used above', () => {
  it('is not vacuous: it rejects what Discord rejects', () => {
    const long = 'x'.repeat(101);
    expect(commandProblems({ name: 'Ask', description: 'd' })).toHaveLength(1);
    expect(commandProblems({ name: 'has space', description: 'd' })).toHaveLength(1);
    expect(commandProblems({ name: 'ok', description: '' })).toHaveLength(1);
    expect(commandProblems({ name: 'ok', description: long })).toHaveLength(1);
    expect(commandProblems({ name: 'ok', description: 'd', options: [{ type: 3, name: 'q', description: long }] })).toHaveLength(1);
    expect(commandProblems({ name: 'ok', description: 'd', options: [{ type: 3, name: 'q', description: 'd', max_length: 6001 }] })).toHaveLength(1);
    expect(commandProblems({
      name: 'ok', description: 'd',
      options: [{ type: 5, name: 'a', description: 'd' }, { type: 3, name: 'b', description: 'd', required: true }],
    })).toHaveLength(1);
    expect(commandProblems({ name: 'ok', description: 'd', options: Array.from({ length: 26 }, (_, i) => ({ type: 5, name: `o${i}`, description: 'd' })) })).toHaveLength(1);
    expect(commandProblems({ name: 'Fact-check this', type: 3, description: 'no' })).toHaveLength(1);
    // inside subcommands too
    expect(commandProblems({ name: 'ok', description: 'd', options: [{ type: 1, name: 'sub', description: 'd', options: [{ type: 3, name: 'Bad', description: 'd' }] }] })).toHaveLength(1);
    expect(commandProblems({ name: 'ok', description: 'd', options: [{ type: 1, name: 'sub', description: 'd', options: [{ type: 3, name: 'q', description: long }] }] })).toHaveLength(1);
    expect(commandProblems({ name: 'Fact-check this', type: 3 })).toEqual([]);
  });
});
