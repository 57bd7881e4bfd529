import { pino, type Logger } from 'pino';

/** The structured logger (JSON lines on stderr). Tokens are redacted wherever they might appear. */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { app: 'story-bot' },
      // Interaction tokens ride in discord.js error URLs (err.url): redact those too.
      redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization', 'err.url', '*.err.url'], censor: '[redacted]' },
    },
    destination as pino.DestinationStream,
  );
}
export type { Logger };
