import { join } from 'node:path';
import { Client, DiscordAPIError, Events, GatewayIntentBits, OAuth2Scopes, Options, type ClientOptions } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import type { Library } from '../library.ts';
import { createLogger, type Logger } from '../log.ts';
import { LIST_CAP } from '../lists.ts';
import { SettingsStore } from '../settings/store.ts';
import { StoryCatalog } from '../story/catalog.ts';
import { systemClock, type Clock } from './clock.ts';
import { Cooldown } from './cooldown.ts';
import { createRouter } from './router.ts';
import { PendingPicks } from './story-pick.ts';

/** A running bot and how to stop it. */
export interface BotHandle {
  client: Client;
  /**
   * Stops: new commands get an ephemeral "restarting" while those in flight finish (up to
   * SHUTDOWN_TIMEOUT_MS; how many were abandoned is logged), then the gateway is closed.
   */
  stop(): Promise<void>;
  /** Commands queued or being answered. */
  readonly inFlight: number;
}

/** What tests (and only tests) change. */
export interface BotOptions {
  clock?: Clock;
  /** An already open settings store (otherwise the file under DATA_DIR is opened, and closed at stop). */
  settings?: SettingsStore;
}

/** The settings file under DATA_DIR. */
export const settingsFile = (config: Config) => join(config.DATA_DIR, 'settings.sqlite');

/** Login failed for good: the message is one line for the operator. */
export class LoginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoginError';
  }
}

/** The REST base discord.js should use: DISCORD_API_BASE when set (a proxy, or the test stand-in). */
function restOptions(config: Config) {
  return config.DISCORD_API_BASE ? { api: config.DISCORD_API_BASE.replace(/\/+$/, '') } : {};
}

/**
 * discord.js options: Guilds intent only; no mentions parsed; REST retries off (replies are retried by
 * src/bot/deliver.ts, with growing delays bounded by the interaction's deadlines); no client-side global
 * request limit beyond Discord's own answers (429s are still honoured); and no user,
 * member, message or presence caches: the bot reads nothing from them, and unbounded they grow with
 * every new user.
 */
export function clientOptions(config: Config): ClientOptions {
  const own = (id: string, client: Client) => id === client.user?.id;
  return {
    intents: [GatewayIntentBits.Guilds],
    // Interaction endpoints are not bound by Discord's global rate limit (50/s), and they are all the bot
    // calls once logged in, so discord.js's client-side global limiter would only hold back answers in a burst.
    rest: { ...restOptions(config), retries: 0, timeout: 10_000, globalRequestsPerSecond: 1000 },
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: { maxSize: 0, keepOverLimit: (user) => own(user.id, user.client) },
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => own(member.id, member.client) },
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ThreadMemberManager: 0,
    }),
  };
}

const describeError = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!;

/** True when retrying cannot help: the token or the intents are refused. */
function fatalLogin(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (code === 'TokenInvalid' || code === 'DisallowedIntents' || code === 'TokenMissing') return true;
  return err instanceof DiscordAPIError && (err.status === 401 || err.status === 403);
}

/**
 * Logs in, retrying with growing delays (0.5 s, 1 s, 2 s… up to 10 s) while Discord is unreachable, for
 * at most LOGIN_TIMEOUT_MS; a refused token is not retried. Throws LoginError with one clear line.
 */
async function login(config: Config, make: () => Client, logger: Logger, clock: Clock): Promise<Client> {
  const until = clock.now() + config.LOGIN_TIMEOUT_MS;
  const where = config.DISCORD_API_BASE ?? 'https://discord.com/api';
  let delay = 500;
  for (let attempt = 1; ; attempt++) {
    const client = make();
    try {
      await client.login(config.DISCORD_TOKEN);
      return client;
    } catch (err) {
      await client.destroy().catch(() => undefined);
      if (fatalLogin(err)) throw new LoginError(`Discord refused the login (${describeError(err)}): check DISCORD_TOKEN.`);
      if (clock.now() + delay > until) {
        throw new LoginError(`could not log in to Discord at ${where} after ${attempt} attempt${attempt === 1 ? '' : 's'} over ${Math.round(config.LOGIN_TIMEOUT_MS / 1000)} s: ${describeError(err)}`);
      }
      logger.warn({ attempt, retryInMs: delay, reason: describeError(err) }, 'login failed; retrying');
      await clock.sleep(delay);
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

/** Logs in and serves interactions (intents: Guilds only). Resolves once logged in. */
export async function startBot(config: Config, library: Library, logger: Logger = createLogger(config.LOG_LEVEL), options: BotOptions = {}): Promise<BotHandle> {
  const clock = options.clock ?? systemClock;
  const store = options.settings ?? SettingsStore.open(settingsFile(config));
  const catalog = StoryCatalog.open(library, config.DATA_DIR, store, logger);
  const pruned = catalog.pruneIndexes();
  if (pruned) logger.info({ removed: pruned }, 'removed stored indexes no story uses any more');
  const router = createRouter(commands, { library, config, logger, settings: store, catalog, picks: new PendingPicks() }, new Cooldown(config.COOLDOWN_SECONDS, () => clock.now()), { clock, queueLimit: config.QUEUE_LIMIT });
  const make = () => {
    const client = new Client(clientOptions(config));
    client.on(Events.InteractionCreate, (interaction) => { void router.handle(interaction); });
    client.once(Events.ClientReady, (ready) => {
      // generateInvite builds on the REST base (DISCORD_API_BASE when set); an invite is opened in a browser, so always discord.com.
      const generated = new URL(ready.generateInvite({ scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands], permissions: [] }));
      generated.searchParams.set('permissions', '0');
      const invite = `https://discord.com/oauth2/authorize?${generated.searchParams.toString()}`;
      const stories: string[] = [];
      for (const slug of library.stories.keys()) if (stories.push(slug) >= LIST_CAP) break;
      logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, storyCount: library.stories.size, stories, invite }, 'ready');
    });
    client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
    client.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
    client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
    return client;
  };
  let client: Client;
  try {
    client = await login(config, make, logger, clock);
  } catch (err) {
    if (!options.settings) store.close(); // opened here: a failed start leaves no database handle open
    throw err;
  }

  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= (async () => {
    router.close();
    logger.info({ inFlight: router.inFlight }, 'draining');
    let timer: NodeJS.Timeout | undefined;
    const timeout = options.clock
      ? options.clock.sleep(config.SHUTDOWN_TIMEOUT_MS).then(() => false)
      : new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), config.SHUTDOWN_TIMEOUT_MS); });
    const drained = await Promise.race([router.drain().then(() => true), timeout]);
    clearTimeout(timer);
    const abandoned = drained ? 0 : router.inFlight;
    if (abandoned > 0) logger.warn({ abandoned, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timeout: abandoned answers still in flight');
    await client.destroy();
    if (!options.settings) store.close();
    logger.info({ abandoned }, 'stopped');
  })());
  return { client, stop, get inFlight() { return router.inFlight; } };
}

/** `npm start` with a token: runs until SIGINT/SIGTERM, then shuts down cleanly and exits 0. */
export async function runBot(config: Config, library: Library): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  let bot: BotHandle;
  try {
    bot = await startBot(config, library, logger);
  } catch (err) {
    if (!(err instanceof LoginError)) throw err;
    logger.flush();
    process.stderr.write(`story-bot: cannot start: ${err.message}\n`);
    process.exit(1);
  }
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'shutting down');
    bot.stop().then(() => process.exit(0), (err: unknown) => { logger.error({ err }, 'unclean shutdown'); process.exit(1); });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}
