import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answer } from '../answer/answer.ts';
import { COMMANDS, type Command } from '../answer/types.ts';
import { openLibrary } from '../library.ts';
import { buildIndex, type StoryIndex } from '../search/index.ts';
import { createBaselineIndex } from '../search/options.ts';
import { ingestStory } from '../story/ingest.ts';
import { LOAD_LIMITS } from '../story/load.ts';
import { benchStories } from './bench-stories.ts';

/**
 * `npm run bench`: times the engine against a plain MiniSearch over the same story's paragraphs, in the
 * same run, and prints ratios (engine time / baseline time), so numbers compare across machines.
 *
 * Workloads:
 * - the default story (annotated): its facts' suggested questions, the same with a typo, off-topic
 *   questions, every fact's quote as a claim, and, where `../shared/eval/` (or `EVAL_DIR`) exists, the
 *   dev sets' questions about it (`dev-questions.jsonl`, `story-dev.jsonl`);
 * - raw stories (machine-drafted facts): the dev set's raw stories with their questions when the dev sets
 *   exist, else the default story's article ingested raw, asked its facts' suggested questions.
 *
 * `--stories N`: start-up, answering, routing (each against a plain MiniSearch), index loading and ingest over
 * 1, 100, 1,000 and 10,000 synthetic stories up to N (and N), with a summary table (src/cli/bench-stories.ts).
 */
interface Query {
  command: Command;
  query: string;
}
interface Workload {
  name: string;
  index: StoryIndex;
  queries: Query[];
}

const storiesDir = process.env.STORIES_DIR || 'data/stories';
const many = process.argv.indexOf('--stories');
if (many !== -1) {
  const count = Number(process.argv[many + 1]);
  if (!Number.isInteger(count) || count < 1 || count > LOAD_LIMITS.stories) {
    console.error(`usage: npm run bench -- --stories <1..${LOAD_LIMITS.stories}>`);
    process.exit(2);
  }
  benchStories(count, join(storiesDir, process.env.DEFAULT_STORY || 'putin-north-korea-visit'));
  process.exit(0);
}
const evalDir = resolve(process.env.EVAL_DIR ?? '../shared/eval');
const hasEval = existsSync(join(evalDir, 'story-dev.jsonl'));
const library = openLibrary(storiesDir, process.env.DEFAULT_STORY || undefined);
const index = library.stories.get(library.defaultSlug)!;
const { story } = index;

const readQueries = (file: string): Query[] =>
  readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Query & { story?: string })
    .filter((q) => (COMMANDS as readonly string[]).includes(q.command)).map(({ command, query }) => ({ command, query }));

const typo = (q: string) => q.replace(/([a-z]{5,})/i, (w) => w.slice(0, 2) + w[3] + w[2] + w.slice(4));
const suggested = (s: StoryIndex) => s.story.facts.flatMap((f) => f.suggest ?? []);
const offTopic = ['who won the world cup', 'how tall is the tallest mountain', 'what is the capital of a country far away'];
const base = suggested(index);
const defaultQueries: Query[] = [
  ...base.map((query) => ({ command: 'ask' as const, query })),
  ...base.map((query) => ({ command: 'ask' as const, query: typo(query) })),
  ...offTopic.map((query) => ({ command: 'ask' as const, query })),
  ...story.facts.map((f) => ({ command: 'factcheck' as const, query: f.quote.exact })),
  ...COMMANDS.filter((c) => c !== 'factcheck').map((command) => ({ command, query: base[0] ?? 'who' })),
  ...(hasEval ? [...readQueries(join(evalDir, 'dev-questions.jsonl')), ...readQueries(join(evalDir, 'story-dev.jsonl'))] : []),
];

// Raw stories, ingested into a temporary folder (removed at exit).
const work = mkdtempSync(join(tmpdir(), 'story-bot-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const rawWorkloads: Workload[] = [];
const rawRoot = join(evalDir, 'stories');
if (hasEval && existsSync(rawRoot)) {
  for (const name of readdirSync(rawRoot).sort()) {
    const folder = join(rawRoot, name);
    if (!existsSync(join(folder, 'article.txt'))) continue;
    const meta = existsSync(join(folder, 'meta.json')) ? JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as { slug?: string; title?: string; date?: string; outlet?: string } : {};
    const slug = meta.slug ?? name;
    const raw = ingestStory({ storiesDir: work, slug, title: meta.title, date: meta.date, outlet: meta.outlet, articleFile: join(folder, 'article.txt') });
    rawWorkloads.push({ name: `raw: ${slug}`, index: buildIndex(raw), queries: readQueries(join(folder, 'questions.jsonl')) });
  }
} else {
  const raw = ingestStory({ storiesDir: work, slug: `${story.slug}-raw`, title: story.meta.title, articleFile: join(story.dir, 'article.txt') });
  rawWorkloads.push({ name: `raw: ${raw.slug}`, index: buildIndex(raw), queries: base.map((query) => ({ command: 'ask' as const, query })) });
}

interface Timing {
  perOpUs: number;
  samples: number[];
  /** Each query's median time, sorted (answering only). */
  medians?: number[];
}

function time(rounds: number, fn: () => void): Timing {
  for (let i = 0; i < Math.min(rounds, 50); i++) fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { perOpUs: samples.reduce((s, x) => s + x, 0) / rounds, samples };
}
const pct = (samples: number[], p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;

/** Times answering every query of a workload `rounds` times over, against plain MiniSearch over its paragraphs. */
function answering(w: Workload, rounds: number): { engine: Timing; baseline: Timing } {
  const baseline = createBaselineIndex();
  baseline.addAll(w.index.story.paragraphs.map((text, id) => ({ id, text })));
  return {
    engine: perQuery(w.queries, rounds, (q) => answer(w.index, q.command, q.query)),
    baseline: perQuery(w.queries, rounds, (q) => baseline.search(q.query, { fuzzy: 0.2 })),
  };
}

/**
 * Times every query `rounds` times (round after round, so a query's repeats are spread over the run): all
 * samples, and each query's median, which leaves out what the machine did meanwhile (another process, a
 * garbage collection) and keeps what the query itself costs.
 */
function perQuery(queries: Query[], rounds: number, fn: (q: Query) => unknown): Timing {
  for (const q of queries) fn(q); // warm up
  const byQuery: number[][] = queries.map(() => []);
  for (let r = 0; r < rounds; r++) {
    queries.forEach((q, i) => {
      const t = performance.now();
      fn(q);
      byQuery[i]!.push((performance.now() - t) * 1000);
    });
  }
  const samples = byQuery.flat().sort((a, b) => a - b);
  const medians = byQuery.map((s) => s.sort((a, b) => a - b)[s.length >> 1]!).sort((a, b) => a - b);
  return { perOpUs: samples.reduce((sum, x) => sum + x, 0) / samples.length, samples, medians };
}

const defaultWorkload: Workload = { name: `answer: ${story.slug}`, index, queries: defaultQueries };
const paragraphsOf = (s: StoryIndex) => s.story.paragraphs.map((text, id) => ({ id, text }));
const rows: { name: string; engine: Timing; baseline: Timing }[] = [
  { name: 'build index (default story)', engine: time(100, () => buildIndex(story)), baseline: time(100, () => createBaselineIndex().addAll(paragraphsOf(index))) },
  { name: defaultWorkload.name, ...answering(defaultWorkload, 10) },
];
for (const w of rawWorkloads) rows.push({ name: w.name, ...answering(w, 10) });
const allRaw = rows.slice(2);
const pooled = (pick: (r: (typeof rows)[number]) => Timing): Timing => {
  const samples = allRaw.flatMap((r) => pick(r).samples).sort((a, b) => a - b);
  const medians = allRaw.flatMap((r) => pick(r).medians ?? []).sort((a, b) => a - b);
  return { samples, medians, perOpUs: samples.reduce((sum, x) => sum + x, 0) / samples.length };
};

console.log(`default story: ${story.slug} · ${story.paragraphs.length} paragraphs, ${story.sentences.length} sentences, ${story.facts.length} facts · ${defaultQueries.length} queries${hasEval ? ' (dev sets included)' : ''}`);
console.log(`raw stories: ${rawWorkloads.map((w) => `${w.index.story.slug} (${w.queries.length} queries)`).join(', ')} · node ${process.version}`);
console.log('times in µs; p50/p99 over every sample, and (in brackets) over each query\'s median of its repeats');
console.log('task                                      engine µs/op          p50           p99   baseline µs/op   ratio (engine/baseline)');
const both = (t: Timing, p: number) => `${pct(t.samples, p).toFixed(0)}${t.medians ? ` (${pct(t.medians, p).toFixed(0)})` : ''}`;
const line = (name: string, e: Timing, b: Timing) =>
  console.log(`${name.slice(0, 40).padEnd(40)} ${e.perOpUs.toFixed(1).padStart(14)} ${both(e, 50).padStart(12)} ${both(e, 99).padStart(13)} ${b.perOpUs.toFixed(1).padStart(16)}   ${(e.perOpUs / b.perOpUs).toFixed(1)}× (p50 ${(pct(e.samples, 50) / pct(b.samples, 50)).toFixed(1)}×, p99 ${(pct(e.samples, 99) / pct(b.samples, 99)).toFixed(1)}×)`);
for (const r of rows) line(r.name, r.engine, r.baseline);
if (allRaw.length > 1) line('answer: raw stories, pooled', pooled((r) => r.engine), pooled((r) => r.baseline));
let worst = 0;
for (const r of rows.slice(1)) for (const s of r.engine.samples) if (s > worst) worst = s;
console.log(`slowest single answer: ${(worst / 1000).toFixed(2)} ms (Discord allows 3000 ms before an interaction must be deferred)`);
console.log('targets (issue 6): default story p50 ≤ 500 µs, p99 ≤ 3000 µs; raw stories p50 ≤ 1000 µs, p99 ≤ 4000 µs');
