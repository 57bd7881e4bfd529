import 'dotenv/config';
import { REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.ts';
import { ConfigError, parseConfig } from '../config.ts';

/**
 * `npm run deploy-commands`: registers every command with Discord, to DISCORD_GUILD_ID when set (instant,
 * for one server) else globally. Run it when commands change; the bot never does this on start.
 */
async function main(): Promise<void> {
  const config = parseConfig();
  const missing = (['DISCORD_TOKEN', 'DISCORD_CLIENT_ID'] as const).filter((k) => !config[k]);
  if (missing.length) throw new ConfigError(missing.map((k) => `${k}: required to deploy commands`));
  const rest = new REST(config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE.replace(/\/+$/, '') } : {}).setToken(config.DISCORD_TOKEN!);
  const body = commands.map((c) => c.definition);
  const route = config.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(config.DISCORD_CLIENT_ID!, config.DISCORD_GUILD_ID) : Routes.applicationCommands(config.DISCORD_CLIENT_ID!);
  const result = (await rest.put(route, { body })) as unknown[];
  process.stdout.write(`Registered ${result.length} commands ${config.DISCORD_GUILD_ID ? `in guild ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)'}.\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`deploy-commands failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
