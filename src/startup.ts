import 'dotenv/config';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { openLibrary, LibraryError, type Library } from './library.ts';
import { StoryDataError } from './story/load.ts';

/** Config and stories, loaded once at start-up. */
export interface Runtime {
  config: Config;
  library: Library;
}

/**
 * Loads `.env`, parses the config and loads every story. A bad config or data file prints one clear
 * message (file, fact id, field; or every bad key) and exits non-zero.
 */
export function startup(overrides: { story?: string } = {}): Runtime {
  try {
    const config = parseConfig();
    const library = openLibrary(config.STORIES_DIR, overrides.story ?? config.DEFAULT_STORY);
    return { config, library };
  } catch (err) {
    if (err instanceof ConfigError || err instanceof StoryDataError || err instanceof LibraryError) {
      process.stderr.write(`story-bot: cannot start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
