import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answer } from '../answer/answer.ts';
import { COMMANDS, type Command } from '../answer/types.ts';
import { openLibrary } from '../library.ts';
import { buildIndex } from '../search/index.ts';
import { createBaselineIndex } from '../search/options.ts';
import { LOAD_LIMITS } from '../story/load.ts';
import { benchStories } from './bench-stories.ts';

/**
 * `npm run bench`: times the engine against a plain MiniSearch over the same story's paragraphs, in the
 * same run, and prints ratios (engine time / baseline time), so numbers compare across machines.
 * Queries: every annotated fact's suggested questions, with typos and off-topic questions mixed in.
 * `--stories N`: start-up, routing and index loading over N synthetic stories instead (src/cli/bench-stories.ts).
 */
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
const library = openLibrary(storiesDir, process.env.DEFAULT_STORY || undefined);
const index = library.stories.get(library.defaultSlug)!;
const { story } = index;

const typo = (q: string) => q.replace(/([a-z]{5,})/i, (w) => w.slice(0, 2) + w[3] + w[2] + w.slice(4));
const base = story.facts.flatMap((f) => f.suggest ?? []);
const offTopic = ['who won the world cup', 'how tall is the tallest mountain', 'what is the capital of a country far away'];
const queries: { command: Command; query: string }[] = [
  ...base.map((query) => ({ command: 'ask' as const, query })),
  ...base.map((query) => ({ command: 'ask' as const, query: typo(query) })),
  ...offTopic.map((query) => ({ command: 'ask' as const, query })),
  ...story.facts.map((f) => ({ command: 'factcheck' as const, query: f.quote.exact })),
  ...COMMANDS.filter((c) => c !== 'factcheck').map((command) => ({ command, query: base[0] ?? 'who' })),
];

function time(label: string, rounds: number, fn: () => void): { label: string; perOpUs: number; samples: number[] } {
  for (let i = 0; i < Math.min(rounds, 50); i++) fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    fn();
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  return { label, perOpUs: samples.reduce((s, x) => s + x, 0) / rounds, samples };
}
const pct = (samples: number[], p: number) => samples[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;

const baseline = createBaselineIndex();
baseline.addAll(story.paragraphs.map((text, id) => ({ id, text })));
let qi = 0;
const next = () => queries[qi++ % queries.length]!;

const results = [
  { name: 'build index (story)', engine: time('engine', 200, () => buildIndex(story)), baseline: time('baseline', 200, () => createBaselineIndex().addAll(story.paragraphs.map((text, id) => ({ id, text })))) },
  { name: 'answer one query', engine: time('engine', queries.length * 20, () => { const q = next(); answer(index, q.command, q.query); }), baseline: time('baseline', queries.length * 20, () => { baseline.search(next().query, { fuzzy: 0.2 }); }) },
];

console.log(`story: ${story.slug} · ${story.paragraphs.length} paragraphs, ${story.sentences.length} sentences, ${story.facts.length} facts · ${queries.length} distinct queries · node ${process.version}`);
console.log('task                   engine µs/op   p50     p99   baseline µs/op   ratio (engine/baseline)');
for (const r of results) {
  console.log(`${r.name.padEnd(22)} ${r.engine.perOpUs.toFixed(1).padStart(12)} ${pct(r.engine.samples, 50).toFixed(0).padStart(6)} ${pct(r.engine.samples, 99).toFixed(0).padStart(7)} ${r.baseline.perOpUs.toFixed(1).padStart(16)}   ${(r.engine.perOpUs / r.baseline.perOpUs).toFixed(1)}×`);
}
const worstMs = Math.max(...results[1]!.engine.samples) / 1000;
console.log(`slowest single answer: ${worstMs.toFixed(2)} ms (Discord allows 3000 ms before an interaction must be deferred)`);
