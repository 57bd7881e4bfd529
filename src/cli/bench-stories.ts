import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { answer } from '../answer/answer.ts';
import { openLibrary } from '../library.ts';
import { routeQuestion } from '../story/route.ts';
import { DEFAULT_INDEX_CACHE_SIZE, IndexCache, type StoryShelf } from '../story/shelf.ts';
import { prng, writeSyntheticStories } from './synthetic.ts';

/**
 * `npm run bench -- --stories N`: N synthetic stories (src/cli/synthetic.ts) in a temporary folder, then
 * - start-up in a fresh process, cold (no stored indexes) and warm (after the cold run): time to every story
 *   loaded and to the first routed answer, and RSS then;
 * - routing in this process over up to 200 questions, each naming one story, after a full warm-up pass:
 *   p50/p99 per question (shortlist + the engine on the shortlisted stories), with every index asked about in
 *   memory and with the default LRU (the questions cycle over more stories than it holds, so indexes are
 *   loaded from DATA_DIR), and how often it picked the story the question names; `story:` for comparison;
 * - loading a stored index against building it.
 */

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** Times `fn` once, in ms. */
function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

interface StartRun { stories: number; importedMs: number; readyMs: number; firstAnswerMs: number; routed: string; rssMB: number; heapMB: number }

function startRun(storiesDir: string, cacheDir: string, question: string): StartRun {
  const script = fileURLToPath(new URL('./bench-start.ts', import.meta.url));
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, storiesDir, cacheDir, question], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench start-up run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as StartRun;
}

/** Routing timings over `questions` with an LRU of `size` indexes (a fresh library on the same folders). */
function measureRouting(storiesDir: string, cacheDir: string, questions: { slug: string; query: string }[], size: number) {
  const library = openLibrary(storiesDir, undefined, {}, { dir: cacheDir, size });
  const shelf = library.stories as StoryShelf;
  const space = { tables: [shelf.routing], index: (slug: string) => shelf.get(slug) };
  const options = library.options!;
  for (const q of questions) routeQuestion(space, 'ask', q.query, options); // warm-up: builds or loads what is asked
  const before = { ...shelf.cache.stats };
  const samples: number[] = [];
  const kinds = { right: 0, wrong: 0, tie: 0, none: 0 };
  for (let pass = 0; pass < 3; pass++) {
    for (const q of questions) {
      const [routed, t] = timed(() => routeQuestion(space, 'ask', q.query, options));
      samples.push(t);
      if (pass > 0) continue;
      if (routed.kind === 'one') kinds[routed.slug === q.slug ? 'right' : 'wrong']++;
      else kinds[routed.kind]++;
    }
  }
  const after = shelf.cache.stats;
  const direct = questions.map((q) => timed(() => answer(shelf.get(q.slug)!, 'ask', q.query))[1]).sort((a, b) => a - b);
  return {
    size, options, stories: shelf.size, entries: shelf.entryList(), samples: samples.sort((a, b) => a - b), kinds, direct,
    hits: after.hits - before.hits, loaded: after.loaded - before.loaded, built: after.built - before.built,
  };
}

/** Runs the many-stories bench and prints its figures. */
export function benchStories(count: number, baseDir: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'story-bot-bench-'));
  try {
    const storiesDir = join(tmp, 'stories');
    const cacheDir = join(tmp, 'index');
    const [made, genMs] = timed(() => writeSyntheticStories(baseDir, storiesDir, count));
    const random = prng(11);
    const targets = made.filter((s) => s.questions.length).sort(() => random() - 0.5).slice(0, 200);
    const questions = targets.map((s) => ({ slug: s.slug, query: s.questions[Math.floor(random() * s.questions.length)]! }));
    console.log(`${count} synthetic stories written in ${ms(genMs)} (${tmp}); ${questions.length} routing questions, node ${process.version}`);

    const first = questions[0]?.query ?? 'who greeted Putin';
    const cold = startRun(storiesDir, cacheDir, first);
    const warm = startRun(storiesDir, cacheDir, first);
    console.log('\nstart-up (fresh process; ms since the process started; imports include tsx compiling the sources)');
    console.log('run    imports   stories loaded   first routed answer   RSS      heap');
    for (const [name, r] of [['cold', cold], ['warm', warm]] as const) {
      console.log(`${name.padEnd(6)} ${ms(r.importedMs).padStart(8)} ${ms(r.readyMs - r.importedMs).padStart(12)} (+)  ${ms(r.firstAnswerMs - r.readyMs).padStart(12)} (+)   ${r.rssMB.toFixed(0).padStart(4)} MB ${r.heapMB.toFixed(0).padStart(5)} MB`);
    }

    // Indexes all in memory (the LRU holds every story asked about), then the default LRU, where a question
    // cycling over more stories than it holds loads its indexes from DATA_DIR every time.
    const held = measureRouting(storiesDir, cacheDir, questions, Math.max(DEFAULT_INDEX_CACHE_SIZE, questions.length * 4));
    const cycled = measureRouting(storiesDir, cacheDir, questions, DEFAULT_INDEX_CACHE_SIZE);
    const { options } = held;
    console.log(`\nrouting over ${held.stories} stories (shortlist ${options.routeShortlist}, share ${options.routeShortlistShare}, tie margin ${options.routeTieMargin}); ${questions.length} questions, each naming one story, 3 passes after a warm-up pass`);
    console.log('indexes kept       p50        p99        max       from memory / loaded / built   picked the named story');
    for (const r of [held, cycled]) {
      console.log(`${String(r.size).padEnd(12)} ${ms(pct(r.samples, 50)).padStart(9)} ${ms(pct(r.samples, 99)).padStart(10)} ${ms(r.samples.at(-1) ?? NaN).padStart(10)}       ${r.hits} / ${r.loaded} / ${r.built}`.padEnd(82) + `${r.kinds.right}/${questions.length} (other ${r.kinds.wrong}, tie ${r.kinds.tie}, none ${r.kinds.none})`);
    }
    console.log(`answering with story: (no routing, indexes in memory): p50 ${ms(pct(held.direct, 50))} · p99 ${ms(pct(held.direct, 99))}`);

    const sample = held.entries.slice(0, 10);
    const build = sample.map((e) => timed(() => new IndexCache(options).index(e))[1]).sort((a, b) => a - b);
    for (const e of sample) new IndexCache(options, { dir: cacheDir }).index(e); // stored, if it was not yet
    const load = sample.map((e) => timed(() => new IndexCache(options, { dir: cacheDir }).index(e))[1]).sort((a, b) => a - b);
    console.log(`\nindex of one story: build p50 ${ms(pct(build, 50))} · load from DATA_DIR p50 ${ms(pct(load, 50))} (${(pct(build, 50) / pct(load, 50)).toFixed(0)}× faster)`);
    console.log(`memory now (this process, after routing): RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
