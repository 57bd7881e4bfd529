import { performance } from 'node:perf_hooks';
import { openLibrary } from '../library.ts';
import { routeQuestion } from '../story/route.ts';
import type { StoryShelf } from '../story/shelf.ts';

/**
 * One start of the bot's story loading, as `npm run bench -- --stories N` runs it in a fresh process:
 * `<stories dir> <index cache dir> <question>`. Prints one JSON line: when the modules were imported,
 * when every story was loaded (entries and routing terms), when the first routed answer was ready (ms
 * since the process started), and the memory then.
 */
const importedMs = performance.now();
const [storiesDir = 'data/stories', cacheDir, question = 'who greeted Putin'] = process.argv.slice(2);
const library = openLibrary(storiesDir, undefined, {}, { dir: cacheDir });
const readyMs = performance.now();
const shelf = library.stories as StoryShelf;
const routed = routeQuestion({ tables: [shelf.routing], index: (slug) => shelf.get(slug) }, 'ask', question, library.options!);
const firstAnswerMs = performance.now();
const mem = process.memoryUsage();
console.log(JSON.stringify({
  stories: shelf.size, importedMs, readyMs, firstAnswerMs, routed: routed.kind === 'one' ? routed.slug : routed.kind,
  rssMB: mem.rss / 2 ** 20, heapMB: mem.heapUsed / 2 ** 20, cache: shelf.cache.stats,
}));
