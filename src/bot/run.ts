import { join } from 'node:path';
import { Client, Events, GatewayIntentBits, OAuth2Scopes } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Library } from '../library.ts';
import { createLogger, type Logger } from '../log.ts';
import { LIST_CAP } from '../lists.ts';
import { SettingsStore } from '../settings/store.ts';
import { StoryCatalog } from '../story/catalog.ts';
import { Cooldown } from './cooldown.ts';
import { createRouter } from './router.ts';

/** A running bot and how to stop it. */
export interface BotHandle {
  client: Client;
  /** Stops taking interactions, finishes those in flight (up to the timeout), destroys the client. */
  stop(): Promise<void>;
}

/** The REST base discord.js should use: DISCORD_API_BASE when set (a proxy, or the test stand-in). */
function restOptions(config: Config) {
  return config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE.replace(/\/+$/, '') } : {};
}

/** The settings file under DATA_DIR. */
export const settingsFile = (config: Config) => join(config.DATA_DIR, 'settings.sqlite');

/**
 * Logs in and serves interactions (intents: Guilds only). Resolves once logged in. Opens the settings file
 * under DATA_DIR (migrating it) and the stories servers added, unless `settings` is given.
 */
export async function startBot(config: Config, library: Library, logger: Logger = createLogger(config.LOG_LEVEL), settings?: SettingsStore): Promise<BotHandle> {
  const store = settings ?? SettingsStore.open(settingsFile(config));
  const catalog = StoryCatalog.open(library, config.DATA_DIR, store, logger);
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: restOptions(config), allowedMentions: { parse: [] } });
  const router = createRouter(commands, { library, config, logger, settings: store, catalog }, new Cooldown(config.COOLDOWN_SECONDS));
  client.on(Events.InteractionCreate, (interaction) => { void router.handle(interaction); });
  client.once(Events.ClientReady, (ready) => {
    // generateInvite builds on the REST base (DISCORD_API_BASE when set); an invite is opened in a browser, so always discord.com.
    const invite = `https://discord.com/oauth2/authorize${new URL(ready.generateInvite({ scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands], permissions: [] })).search}`;
    const stories = [...library.stories.keys()];
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, storyCount: stories.length, stories: stories.slice(0, LIST_CAP), invite }, 'ready');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  await client.login(config.DISCORD_TOKEN);

  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= (async () => {
    router.close();
    const timeout = new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_TIMEOUT_MS).unref());
    await Promise.race([router.drain(), timeout]);
    await client.destroy();
    if (!settings) store.close();
    logger.info('stopped');
  })());
  return { client, stop };
}

/** `npm start` with a token: runs until SIGINT/SIGTERM, then shuts down cleanly and exits 0. */
export async function runBot(config: Config, library: Library): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  const bot = await startBot(config, library, logger);
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    void bot.stop().then(() => process.exit(0), (err: unknown) => { logger.error({ err }, 'unclean shutdown'); process.exit(1); });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
