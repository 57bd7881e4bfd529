import { join } from 'node:path';
import type { StoryIndex } from './search/index.ts';
import { checkSlug, storyFolders } from './story/load.ts';
import { IndexCache, StoryShelf, type IndexCacheOptions } from './story/shelf.ts';
import { routeQuestion, RoutingTable, routingTerms, type RouteResult } from './story/route.ts';
import { answer, blank } from './answer/answer.ts';
import { COMMANDS, type Answer, type Command } from './answer/types.ts';
import { DEFAULT_OPTIONS, engineOptions, type EngineOptions } from './answer/options.ts';
import { capList } from './lists.ts';

/**
 * Every loaded story, and which one answers when a command names none. `openLibrary` gives a `StoryShelf`
 * (indexes built on first use); tests may give any map of built indexes.
 */
export interface Library {
  stories: ReadonlyMap<string, StoryIndex>;
  defaultSlug: string;
  /** The engine options the stories' indexes answer with (DEFAULT_OPTIONS when not given). */
  options?: EngineOptions;
}

/** Thrown for a default story that is not among the loaded ones. */
export class LibraryError extends Error {}

/**
 * Loads every story under `dir`: each is read (confined), validated (a broken one throws StoryDataError)
 * and kept as an entry with its routing terms; its index is built on first use (`cache`: how many are kept
 * in memory, and where they are stored). The default is `defaultSlug`, else the first annotated story, else the first.
 */
export function openLibrary(dir: string, defaultSlug?: string, options: Partial<EngineOptions> = {}, cache: IndexCacheOptions = {}): Library {
  const opts = engineOptions(options);
  const stories = new StoryShelf(new IndexCache(opts, cache));
  for (const name of storyFolders(dir)) checkSlug(stories.putFolder(join(dir, name), dir), dir, name);
  stories.cache.saveEntries();
  const slugs = [...stories.keys()];
  if (defaultSlug && !stories.has(defaultSlug)) throw new LibraryError(`DEFAULT_STORY "${defaultSlug}" is not loaded (loaded: ${capList(slugs)})`);
  const fallback = stories.entryList().find((e) => e.annotated)?.slug ?? slugs[0]!;
  return { stories, defaultSlug: defaultSlug ?? fallback, options: opts };
}

/** A request as the console, the JSONL contract and Discord make it. */
export interface Ask {
  command: unknown;
  query?: unknown;
  story?: unknown;
}

/** Looks up a story by slug (default when none given); undefined when there is no such story. */
export function findStory(library: Library, slug?: unknown): StoryIndex | undefined {
  if (slug === undefined || slug === null || slug === '') return library.stories.get(library.defaultSlug);
  return typeof slug === 'string' ? library.stories.get(slug.trim().toLowerCase()) : undefined;
}

/** Answers a request against the library: unknown commands and stories get a clear not-found answer, never an exception. */
export function ask(library: Library, request: Ask): Answer {
  const story = findStory(library, request.story);
  const command = typeof request.command === 'string' ? request.command.trim().replace(/^\//, '').toLowerCase() : '';
  const known = (COMMANDS as readonly string[]).includes(command);
  if (!story) {
    const slug = (typeof request.story === 'string' || typeof request.story === 'number' ? String(request.story) : '(not a story name)').slice(0, 60);
    return {
      ...blank(library.stories.get(library.defaultSlug)!, (known ? command : 'ask') as Command, typeof request.query === 'string' ? request.query.slice(0, 500) : ''),
      story: slug,
      usage: true,
      message: `There is no story called “${slug}”. Loaded: ${capList([...library.stories.keys()])}.`,
    };
  }
  if (!known) {
    return {
      ...blank(story, 'ask', typeof request.query === 'string' ? request.query.slice(0, 500) : ''),
      usage: true,
      message: `Unknown command “${command.slice(0, 40)}”. Commands: ${COMMANDS.join(', ')}.`,
    };
  }
  return answer(story, command as Command, request.query ?? '');
}

/** The routing table of a library's stories: the shelf's own, or (for a map of built indexes) made once from them. */
const tablesOfMaps = new WeakMap<ReadonlyMap<string, StoryIndex>, RoutingTable>();
export function libraryRouting(stories: ReadonlyMap<string, StoryIndex>): RoutingTable {
  if (stories instanceof StoryShelf) return stories.routing;
  let table = tablesOfMaps.get(stories);
  if (!table) {
    table = new RoutingTable();
    for (const slug of stories.keys()) {
      try {
        table.add(slug, routingTerms(stories.get(slug)!.story));
      } catch {
        // a story whose data cannot be read is reported when it is used, not here
      }
    }
    tablesOfMaps.set(stories, table);
  }
  return table;
}

/** Routes a question across every story of the library (src/story/route.ts), as Discord does for a server with none pinned. */
export function routeLibrary(library: Library, command: Command | null, query: string): RouteResult {
  return routeQuestion({ tables: [libraryRouting(library.stories)], index: (slug) => library.stories.get(slug) }, command, query, library.options ?? DEFAULT_OPTIONS);
}
