import * as z from 'zod';

/** Empty strings count as missing. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

export const ConfigSchema = z.object({
  DISCORD_TOKEN: optional(z.string().min(20, 'looks too short for a bot token')),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_BASE: optional(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' })),
  STORIES_DIR: optional(z.string()).transform((v) => v ?? 'data/stories'),
  DATA_DIR: optional(z.string()).transform((v) => v ?? 'data/local'),
  DEFAULT_STORY: optional(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a story slug')),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform((v) => v ?? 'info'),
  COOLDOWN_SECONDS: optional(z.coerce.number().min(0).max(3600)).transform((v) => v ?? 3),
  SHUTDOWN_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(60_000)).transform((v) => v ?? 5000),
  LOGIN_TIMEOUT_MS: optional(z.coerce.number().int().min(0).max(3_600_000)).transform((v) => v ?? 60_000),
  QUEUE_LIMIT: optional(z.coerce.number().int().min(0).max(100_000)).transform((v) => v ?? 2000),
  INDEX_CACHE_SIZE: optional(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 100),
});

/** The bot's configuration, parsed once at start-up from the environment. */
export type Config = z.infer<typeof ConfigSchema>;

/** Bad configuration: every bad key is named. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment (after dotenv has loaded `.env`). Throws ConfigError naming every bad key. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  return parsed.data;
}
