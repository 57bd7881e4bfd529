import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { answer } from '../answer/answer.ts';
import { openLibrary } from '../library.ts';
import { createBaselineIndex } from '../search/options.ts';
import { ingestStory } from '../story/ingest.ts';
import { parseArticle } from '../story/load.ts';
import { routeQuestion, type RouteResult } from '../story/route.ts';
import { DEFAULT_INDEX_CACHE_SIZE, IndexCache, type StoryShelf } from '../story/shelf.ts';
import { prng, writeSyntheticStories, type SyntheticStory } from './synthetic.ts';

/**
 * `npm run bench -- --stories N`: runs every count of 1, 100, 1,000 and 10,000 stories up to N (and N itself),
 * each over that many synthetic stories (src/cli/synthetic.ts: the bundled dev story recombined and renamed)
 * in a temporary folder of its own. For each count it prints
 * - start-up in a fresh process (src/cli/bench-start.ts, compiled and run with plain node as `npm start` runs the
 *   bot), cold (no stored indexes) and warm (after the cold run): time to every story loaded and to the first
 *   routed answer, and RSS then;
 * - up to 200 questions, each naming one story (spread over the stories, several a story below 200 stories),
 *   timed after a full warm-up pass over 3 passes (more when there are few questions: 600 samples at least),
 *   the engine and its plain-MiniSearch baseline alternated question by question (which goes first swaps
 *   every pass): answering with `story:` (baseline: a plain MiniSearch over the named story's paragraphs, as
 *   `npm run bench` uses), and routing (shortlist + the engine on the shortlisted stories; baseline: one plain
 *   MiniSearch over every story's paragraphs) with every index asked about in memory and with the default LRU
 *   (when the questions cycle over more stories than it holds, indexes are loaded from DATA_DIR), and how
 *   often routing picked the story the question names; p50/p99 of each and engine/baseline at p50 and p99;
 * - loading a stored index against building it.
 * Then ingest throughput, once (it does not depend on how many stories there are): 10 synthetic articles
 * ingested raw (`ingestStory`: facts drafted, files written, the story loaded back) after one untimed ingest,
 * in stories/s and KB/s of article text. Last, one summary table, a row per count: ready cold and warm (stories
 * loaded and first routed answer, ms after the imports), RSS warm, `story:` and routed p50/p99 with their
 * ratios against the baselines, and routing p99 with the default LRU.
 */

/** Story counts run by `--stories N`: these up to N, then N itself. */
export const STORY_COUNTS = [1, 100, 1000, 10000] as const;
const MAX_QUESTIONS = 200;
/** Timed passes: at least 3, and enough for 600 samples when there are few questions (one story: ~10). */
const passesFor = (questions: number) => Math.max(3, Math.ceil(600 / Math.max(1, questions)));
const INGESTED = 10;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const times = (x: number) => `${x.toFixed(1)}×`;
const byValue = (a: number, b: number) => a - b;

/** The counts `--stories max` runs: every one of STORY_COUNTS up to `max`, and `max` itself. */
export function storyCounts(max: number): number[] {
  const counts: number[] = STORY_COUNTS.filter((c) => c <= max);
  return counts.includes(max) ? counts : [...counts, max];
}

/** Times `fn` once, in ms. */
function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

interface Question { slug: string; query: string }
type Baseline = ReturnType<typeof createBaselineIndex>;

/** A plain MiniSearch (default options) over `paragraphs`. */
function baselineOver(paragraphs: string[]): Baseline {
  const baseline = createBaselineIndex();
  baseline.addAll(paragraphs.map((text, id) => ({ id, text })));
  return baseline;
}
const baselineSearch = (baseline: Baseline, query: string) => baseline.search(query, { fuzzy: 0.2 });

/**
 * Up to MAX_QUESTIONS questions that name their story: the stories shuffled, then one question of each in
 * turn (its questions shuffled too) until there are enough or none is left, so a large library gives one
 * question a story and a small one several.
 */
function pickQuestions(made: SyntheticStory[], random: () => number): Question[] {
  const shuffle = <T>(xs: T[]) => xs.map((x) => [random(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
  const pools = shuffle(made.filter((s) => s.questions.length)).map((s) => ({ slug: s.slug, queries: shuffle(s.questions) }));
  const out: Question[] = [];
  for (let turn = 0; out.length < MAX_QUESTIONS && pools.some((p) => turn < p.queries.length); turn++) {
    for (const p of pools) if (turn < p.queries.length && out.length < MAX_QUESTIONS) out.push({ slug: p.slug, query: p.queries[turn]! });
  }
  return out;
}

/** Engine and baseline samples (ms, sorted), and what the engine gave on the first timed pass. */
interface Paired<T> { engine: number[]; baseline: number[]; first: T[] }

/**
 * Times `engine` and `baseline` on every question: a full warm-up pass of both first, then `passesFor` passes with
 * the two alternated question by question (which of them goes first swaps every pass), so both see the same
 * machine at the same moments.
 */
function alternated<T>(questions: Question[], engine: (q: Question) => T, baseline: (q: Question) => unknown, warmedUp?: () => void): Paired<T> {
  for (const q of questions) {
    engine(q);
    baseline(q);
  }
  warmedUp?.();
  const out: Paired<T> = { engine: [], baseline: [], first: [] };
  for (let pass = 0, passes = passesFor(questions.length); pass < passes; pass++) {
    for (const q of questions) {
      if (pass % 2) out.baseline.push(timed(() => baseline(q))[1]);
      const [result, t] = timed(() => engine(q));
      out.engine.push(t);
      if (pass === 0) out.first.push(result);
      if (!(pass % 2)) out.baseline.push(timed(() => baseline(q))[1]);
    }
  }
  out.engine.sort(byValue);
  out.baseline.sort(byValue);
  return out;
}

const ratio = (p: Paired<unknown>, at: number) => pct(p.engine, at) / pct(p.baseline, at);

interface StartRun { stories: number; importedMs: number; readyMs: number; firstAnswerMs: number; routed: string; rssMB: number; heapMB: number }

/**
 * How a start-up run is started: the compiled script with plain node, as `npm start` runs the bot (`npm run bench`
 * builds it first when the sources are newer), else the TypeScript through tsx.
 */
function startCommand(): string[] {
  const here = fileURLToPath(import.meta.url);
  const compiled = here.endsWith('.js') ? fileURLToPath(new URL('./bench-start.js', import.meta.url)) : fileURLToPath(new URL('../../dist/src/cli/bench-start.js', import.meta.url));
  return existsSync(compiled) ? [compiled] : ['--import', 'tsx', fileURLToPath(new URL('./bench-start.ts', import.meta.url))];
}

function startRun(storiesDir: string, cacheDir: string, question: string): StartRun {
  const child = spawnSync(process.execPath, [...startCommand(), storiesDir, cacheDir, question], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`bench start-up run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as StartRun;
}

/** Ready: every story loaded and the first routed answer out, in ms after the imports. */
const readyOf = (r: StartRun) => r.firstAnswerMs - r.importedMs;

/** A fresh library on the folders with an LRU of `size` indexes, and what routing needs of it. */
function openShelf(storiesDir: string, cacheDir: string, size: number) {
  const library = openLibrary(storiesDir, undefined, {}, { dir: cacheDir, size });
  const shelf = library.stories as StoryShelf;
  return { shelf, options: library.options!, space: { tables: [shelf.routing], index: (slug: string) => shelf.get(slug) } };
}

type Shelf = ReturnType<typeof openShelf>;

/** Routing timings over `questions` on `at`, alternated with the all-stories baseline, and what it picked. */
function measureRouting(at: Shelf, questions: Question[], everything: Baseline) {
  let before = { ...at.shelf.cache.stats };
  const timing = alternated(questions, (q) => routeQuestion(at.space, 'ask', q.query, at.options), (q) => baselineSearch(everything, q.query), () => {
    before = { ...at.shelf.cache.stats }; // the timed passes only: the warm-up pass builds or loads what is asked
  });
  const after = at.shelf.cache.stats;
  const kinds = { right: 0, wrong: 0, tie: 0, none: 0 };
  timing.first.forEach((routed: RouteResult, i) => {
    if (routed.kind === 'one') kinds[routed.slug === questions[i]!.slug ? 'right' : 'wrong']++;
    else kinds[routed.kind]++;
  });
  return {
    size: at.shelf.cache.size, timing, kinds,
    hits: after.hits - before.hits, loaded: after.loaded - before.loaded, built: after.built - before.built,
  };
}

type Routing = ReturnType<typeof measureRouting>;

/** `story:` answers (no routing) on `at`, alternated with a plain MiniSearch over the named story's paragraphs. */
function measureDirect(at: Shelf, questions: Question[]): Paired<unknown> {
  const own = new Map([...new Set(questions.map((q) => q.slug))].map((slug) => [slug, baselineOver(at.shelf.get(slug)!.story.paragraphs)]));
  return alternated(questions, (q) => answer(at.shelf.get(q.slug)!, 'ask', q.query), (q) => baselineSearch(own.get(q.slug)!, q.query));
}

/** One plain MiniSearch over every story's paragraphs (read from the article files, no index built). */
function baselineOverAll(at: Shelf): { baseline: Baseline; paragraphs: number } {
  const paragraphs = at.shelf.entryList().flatMap((e) => parseArticle(readFileSync(join(e.dir, 'article.txt'), 'utf8')));
  return { baseline: baselineOver(paragraphs), paragraphs: paragraphs.length };
}

/** One story's index: build against load from DATA_DIR, p50 over 10 stories. */
function buildVersusLoad(at: Shelf, cacheDir: string) {
  const sample = at.shelf.entryList().slice(0, 10);
  const build = sample.map((e) => timed(() => new IndexCache(at.options).index(e))[1]).sort(byValue);
  for (const e of sample) new IndexCache(at.options, { dir: cacheDir }).index(e); // stored, if it was not yet
  const load = sample.map((e) => timed(() => new IndexCache(at.options, { dir: cacheDir }).index(e))[1]).sort(byValue);
  return { build: pct(build, 50), load: pct(load, 50) };
}

/** What one count gave: the summary table's row. */
interface CountRow { count: number; cold: StartRun; warm: StartRun; direct: Paired<unknown>; held: Routing; cycled: Routing }

/** Runs one count in `dir` (removed after), prints its figures and returns its summary row. */
function benchCount(count: number, baseDir: string, dir: string): CountRow {
  try {
    const storiesDir = join(dir, 'stories');
    const cacheDir = join(dir, 'index');
    const [made, genMs] = timed(() => writeSyntheticStories(baseDir, storiesDir, count));
    const questions = pickQuestions(made, prng(11));
    console.log(`\n=== ${count} stories ===\n${count} synthetic stories written in ${ms(genMs)} (${dir}); ${questions.length} questions over ${new Set(questions.map((q) => q.slug)).size} stories`);

    const first = questions[0]?.query ?? 'who greeted Putin';
    const cold = startRun(storiesDir, cacheDir, first);
    const warm = startRun(storiesDir, cacheDir, first);
    printStartUp(cold, warm);

    // Indexes all in memory (the LRU holds every story asked about), then the default LRU, where questions
    // cycling over more stories than it holds load their indexes from DATA_DIR every time.
    const heldShelf = openShelf(storiesDir, cacheDir, Math.max(DEFAULT_INDEX_CACHE_SIZE, questions.length * 4));
    const all = baselineOverAll(heldShelf);
    const held = measureRouting(heldShelf, questions, all.baseline);
    const direct = measureDirect(heldShelf, questions);
    const cycled = measureRouting(openShelf(storiesDir, cacheDir, DEFAULT_INDEX_CACHE_SIZE), questions, all.baseline);
    printRouting(heldShelf, all.paragraphs, questions.length, [held, cycled], direct);

    const { build, load } = buildVersusLoad(heldShelf, cacheDir);
    console.log(`index of one story: build p50 ${ms(build)} · load from DATA_DIR p50 ${ms(load)} (${(build / load).toFixed(0)}× faster)`);
    console.log(`memory now (this process, after routing): RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
    return { count, cold, warm, direct, held, cycled };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function printStartUp(cold: StartRun, warm: StartRun): void {
  const how = startCommand().includes('tsx') ? 'TypeScript through tsx, imports include compiling the sources' : 'the compiled build with plain node, as npm start';
  console.log(`\nstart-up (fresh process, ${how}; ms since the process started)`);
  console.log('run    imports   stories loaded   first routed answer   RSS      heap');
  for (const [name, r] of [['cold', cold], ['warm', warm]] as const) {
    console.log(`${name.padEnd(6)} ${ms(r.importedMs).padStart(8)} ${ms(r.readyMs - r.importedMs).padStart(12)} (+)  ${ms(r.firstAnswerMs - r.readyMs).padStart(12)} (+)   ${r.rssMB.toFixed(0).padStart(4)} MB ${r.heapMB.toFixed(0).padStart(5)} MB`);
  }
}

/** The detailed tables' timing columns: engine p50, p99, baseline p50, p99, ratio p50, p99. */
const PAIR_WIDTHS = [11, 9, 11, 9, 11, 7];
const pairCells = (cells: string[]) => cells.map((c, i) => c.padStart(PAIR_WIDTHS[i]!)).join('');
const PAIR_HEADER = pairCells(['engine p50', 'p99', 'base p50', 'p99', 'ratio p50', 'p99']);
const pairLine = (p: Paired<unknown>) =>
  pairCells([ms(pct(p.engine, 50)), ms(pct(p.engine, 99)), ms(pct(p.baseline, 50)), ms(pct(p.baseline, 99)), times(ratio(p, 50)), times(ratio(p, 99))]);

function printRouting(at: Shelf, paragraphs: number, asked: number, runs: Routing[], direct: Paired<unknown>): void {
  const { options } = at;
  console.log(`\nrouting over ${at.shelf.size} stories (shortlist ${options.routeShortlist}, share ${options.routeShortlistShare}, tie margin ${options.routeTieMargin}); ${asked} questions, each naming one story, ${passesFor(asked)} passes after a warm-up pass`);
  console.log(`baseline: one plain MiniSearch (default options, fuzzy 0.2) over every story's paragraphs (${paragraphs}), the same question, alternated with the engine`);
  console.log(`indexes kept${PAIR_HEADER}${'max'.padStart(10)}   ${'memory / loaded / built'.padEnd(25)} picked the named story`);
  for (const r of runs) {
    console.log(`${String(r.size).padEnd(12)}${pairLine(r.timing)}${ms(r.timing.engine.at(-1) ?? NaN).padStart(10)}   ${`${r.hits} / ${r.loaded} / ${r.built}`.padEnd(25)} ${r.kinds.right}/${asked} (other ${r.kinds.wrong}, tie ${r.kinds.tie}, none ${r.kinds.none})`);
  }
  console.log('\nanswering with story: (no routing, indexes in memory); baseline: a plain MiniSearch over the named story\'s paragraphs, as in npm run bench');
  console.log(`${''.padEnd(12)}${PAIR_HEADER}\n${'story:'.padEnd(12)}${pairLine(direct)}`);
}

/** Ingest throughput: INGESTED synthetic articles ingested raw, after one untimed ingest. */
function measureIngest(baseDir: string, dir: string) {
  try {
    const articles = join(dir, 'articles');
    const made = writeSyntheticStories(baseDir, articles, INGESTED + 1, 23);
    const file = (s: SyntheticStory) => join(articles, s.slug, 'article.txt');
    const ingest = (s: SyntheticStory) => ingestStory({ storiesDir: join(dir, 'stories'), slug: `raw-${s.slug}`, articleFile: file(s) });
    ingest(made[0]!); // warm-up
    const timedOnes = made.slice(1);
    const bytes = timedOnes.reduce((sum, s) => sum + statSync(file(s)).size, 0);
    const each = timedOnes.map((s) => timed(() => ingest(s))[1]);
    const totalMs = each.reduce((sum, t) => sum + t, 0);
    return { stories: timedOnes.length, kb: bytes / 1024, totalMs, p50: pct(each.sort(byValue), 50) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Ingest = ReturnType<typeof measureIngest>;

function printSummary(rows: CountRow[], ingest: Ingest): void {
  const s = ingest.totalMs / 1000;
  console.log(`\ningest (ingestStory, raw: facts drafted, files written, loaded back; not dependent on the count): ${ingest.stories} synthetic articles, ${ingest.kb.toFixed(1)} KB, after one untimed ingest: ${(ingest.stories / s).toFixed(1)} stories/s, ${(ingest.kb / s).toFixed(1)} KB/s (p50 ${ms(ingest.p50)} a story)`);
  console.log(`\nsummary (node ${process.version}). ready: every story loaded and the first routed answer out, ms after the imports, in a fresh process, cold (nothing stored) and warm; RSS then (warm).`);
  console.log('story: and routed (indexes in memory): engine p50 / p99, and engine/baseline at p50 / p99 (baselines: plain MiniSearch over the named story\'s paragraphs; over every story\'s paragraphs).');
  console.log(`routed, LRU ${DEFAULT_INDEX_CACHE_SIZE}: routing p99 with the default LRU, indexes loaded from DATA_DIR (* none had to be: the LRU held every story asked about).`);
  console.log('stories  ready cold  ready warm  RSS warm   story: p50 / p99     × baseline     routed p50 / p99     × baseline     routed, LRU p99');
  for (const r of rows) {
    const pair = (p: Paired<unknown>) => `${`${pct(p.engine, 50).toFixed(2)} / ${pct(p.engine, 99).toFixed(2)} ms`.padStart(18)}   ${`${times(ratio(p, 50))} / ${times(ratio(p, 99))}`.padStart(12)}`;
    const lru = `${ms(pct(r.cycled.timing.engine, 99))}${r.cycled.loaded ? '' : ' *'}`;
    console.log(`${String(r.count).padEnd(7)} ${ms(readyOf(r.cold)).padStart(11)} ${ms(readyOf(r.warm)).padStart(11)} ${`${r.warm.rssMB.toFixed(0)} MB`.padStart(9)}   ${pair(r.direct)}   ${pair(r.held.timing)}   ${lru.padStart(15)}`);
  }
}

/** Runs the many-stories bench for every count up to `max` and prints its figures. */
export function benchStories(max: number, baseDir: string): void {
  const tmp = mkdtempSync(join(tmpdir(), 'story-bot-bench-'));
  try {
    const counts = storyCounts(max);
    console.log(`many-stories bench: ${counts.join(', ')} stories made from ${baseDir}; node ${process.version}`);
    const rows = counts.map((count) => benchCount(count, baseDir, join(tmp, String(count))));
    printSummary(rows, measureIngest(baseDir, join(tmp, 'ingest')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
