import 'dotenv/config';
import { join } from 'node:path';
import { ConfigError, parseConfig, type Config } from './config.ts';
import { openLibrary, LibraryError, type Library } from './library.ts';
import { StoryDataError } from './story/load.ts';

/** Config and stories, loaded once at start-up. */
export interface Runtime {
  config: Config;
  library: Library;
}

/** Where built story indexes are stored (src/story/shelf.ts): under DATA_DIR. */
export const indexDir = (config: Config): string => join(config.DATA_DIR, 'index');

/** Parses the config from `env` and loads every story; throws ConfigError, StoryDataError or LibraryError. */
export function loadRuntime(env: NodeJS.ProcessEnv = process.env, overrides: { story?: string } = {}): Runtime {
  const config = parseConfig(env);
  const library = openLibrary(config.STORIES_DIR, overrides.story ?? config.DEFAULT_STORY, {}, { dir: indexDir(config), size: config.INDEX_CACHE_SIZE });
  return { config, library };
}

/** The message for a start-up failure the operator can fix (bad config or data), or null for anything else. */
export function startupProblem(err: unknown): string | null {
  return err instanceof ConfigError || err instanceof StoryDataError || err instanceof LibraryError ? `story-bot: cannot start.\n${err.message}\n` : null;
}

/**
 * Loads `.env`, parses the config and loads every story. A bad config or data file prints one clear
 * message (file, fact id, field; or every bad key) and exits non-zero.
 */
export function startup(overrides: { story?: string } = {}): Runtime {
  try {
    return loadRuntime(process.env, overrides);
  } catch (err) {
    const problem = startupProblem(err);
    if (problem === null) throw err;
    process.stderr.write(problem);
    process.exit(1);
  }
}
