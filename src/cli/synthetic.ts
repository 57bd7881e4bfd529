import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../story/load.ts';
import type { Fact, StoryMeta } from '../story/schema.ts';

/**
 * Synthetic stories for `npm run bench -- --stories N`: the bundled story's paragraphs recombined (a
 * subset, shuffled) with its people and cities renamed to made-up names unique to each story, so every
 * story has words of its own to be routed by and shares the rest with all the others. Its annotated facts
 * follow their paragraphs, so each story is a valid annotated story. Deterministic for a seed.
 */

/** Names replaced in the base story's three files (whole words), by role. */
const RENAMED = ['Vladimir', 'Putin', 'Kim', 'Pyongyang', 'Moscow'] as const;
const SYLLABLES = ['ka', 'ro', 'vel', 'mir', 'tas', 'dun', 'lio', 'bre', 'zan', 'qui', 'sor', 'fen', 'gal', 'hup', 'ny', 'ost'];

/** A made-up name from a number below 2^20, unique to it: its scrambled base-16 digits as syllables ("Velmirkaro"). */
function madeUpName(n: number): string {
  let s = '';
  let x = Math.imul(n, 0x9e3b) & 0xfffff; // an odd multiplier: a bijection on 20 bits
  for (let i = 0; i < 5; i++) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  }
  return s[0]!.toUpperCase() + s.slice(1);
}

/** A small seeded PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One generated story: its slug, and questions that name it (for routing checks). */
export interface SyntheticStory {
  slug: string;
  questions: string[];
}

/**
 * Writes `count` stories into `outDir` (a stories folder), made from the story folder `baseDir`.
 * Returns each story's slug and the suggested questions of its facts that name one of its own made-up names.
 */
export function writeSyntheticStories(baseDir: string, outDir: string, count: number, seed = 7): SyntheticStory[] {
  const article = readFileSync(join(baseDir, 'article.txt'), 'utf8');
  const metaText = readFileSync(join(baseDir, 'story.json'), 'utf8');
  const factsText = readFileSync(join(baseDir, 'facts.json'), 'utf8');
  const random = prng(seed);
  const out: SyntheticStory[] = [];
  for (let i = 0; i < count; i++) {
    const names = RENAMED.map((_, k) => madeUpName(i * RENAMED.length + k + 1));
    const rename = (text: string) => RENAMED.reduce((t, from, k) => t.replace(new RegExp(`\\b${from}\\b`, 'g'), names[k]!), text);
    const paragraphs = parseArticle(rename(article));
    // Keep the headline and a shuffled subset of at least four paragraphs.
    const body = paragraphs.slice(1).map((_, k) => k + 1).sort(() => random() - 0.5);
    const kept = body.slice(0, Math.max(4, Math.floor(random() * body.length) + 1));
    const order = [0, ...kept];
    const newIndex = new Map(order.map((old, k) => [old, k]));
    const slug = `story-${String(i + 1).padStart(5, '0')}`;
    const meta = JSON.parse(rename(metaText)) as StoryMeta;
    meta.slug = slug;
    meta.title = paragraphs[0]!;
    const facts = (JSON.parse(rename(factsText)) as { facts: Fact[] }).facts
      .filter((f) => newIndex.has(f.paragraph))
      .map((f) => ({ ...f, paragraph: newIndex.get(f.paragraph)! }));
    const dir = join(outDir, slug);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'article.txt'), `${order.map((k) => paragraphs[k]).join('\n')}\n`);
    writeFileSync(join(dir, 'story.json'), JSON.stringify(meta));
    writeFileSync(join(dir, 'facts.json'), JSON.stringify({ facts }));
    const own = new RegExp(`\\b(?:${names.join('|')})\\b`);
    out.push({ slug, questions: facts.flatMap((f) => f.suggest ?? []).filter((q) => own.test(q)) });
  }
  return out;
}
