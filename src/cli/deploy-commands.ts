import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.ts';
import { ConfigError, parseConfig } from '../config.ts';

/**
 * `npm run deploy-commands`: registers every command with Discord, to DISCORD_GUILD_ID when set (instant,
 * for one server) else globally. Run it when commands change; the bot never does this on start.
 * Returns the exit code; messages go to `out` and `err`.
 */
export async function runDeploy(env: NodeJS.ProcessEnv, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    const config = parseConfig(env);
    const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((k) => !config[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: required to deploy commands`));
    const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE.replace(/\/+$/, '') } : {}).setToken(config.DISCORD_TOKEN!);
    const body = commands.map((c) => c.definition);
    const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID!, config.DISCORD_GUILD_ID) : Routes.applicationCommands(config.DISCORD_CLIENT_ID!);
    const result = (await rest.put(route, { body })) as unknown[];
    out.write(`Registered ${result.length} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)'}.\n`);
    return 0;
  } catch (e) {
    err.write(`deploy-commands failed: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runDeploy(process.env, process.stdout, process.stderr);
}
