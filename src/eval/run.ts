import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineOptions } from '../answer/options.ts';
import type { Answer } from '../answer/types.ts';
import { ask, openLibrary, type Library } from '../library.ts';
import { ingestStory, type IngestRequest } from '../story/ingest.ts';
import { scoreArticles, scoreQuestions, type ArticleQuestion, type EvalQuestion, type Tally } from './metrics.ts';

/**
 * Runs every dev set of `../shared/eval/` in-process (the same sets and metrics as `report.mjs`): the
 * stories are ingested once into temporary folders, then each run opens them with the given engine
 * options and asks every question. Only for development and tuning; nothing here is needed to run the bot.
 */

/** A set's result: question sets report per-tier percentages, article sets the SQuAD-style metrics. */
export interface SetResult {
  core?: Record<string, number>;
  hard?: Record<string, number>;
  metrics?: Record<string, number>;
  /** Every miss, for `--misses`. */
  misses: { id: string; query: string; command: string; want: string; got: string }[];
}

/** The dev sets, ingested and ready to be asked. */
export interface Workspace {
  dir: string;
  questionSets: { name: string; storiesDir: string; questions: EvalQuestion[] }[];
  articleSets: { name: string; storiesDir: string; questions: ArticleQuestion[] }[];
  /** Removes the temporary folders. */
  close(): void;
}

const readJsonl = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalQuestion);

function ingest(storiesDir: string, slug: string, text: string, meta: { title?: string; date?: string; outlet?: string }, work: string): void {
  const file = join(work, `${slug}.txt`);
  writeFileSync(file, text);
  const request: IngestRequest = { storiesDir, slug, title: meta.title, articleFile: file, date: meta.date, outlet: meta.outlet };
  ingestStory(request);
}

interface SquadFile { data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[]; is_impossible?: boolean }[] }[] }[] }

function articleSet(file: string, root: string, work: string): { storiesDir: string; questions: ArticleQuestion[] } {
  const storiesDir = mkdtempSync(join(root, 'articles-'));
  const questions: ArticleQuestion[] = [];
  (JSON.parse(readFileSync(file, 'utf8')) as SquadFile).data.forEach((article, i) => {
    const slug = `article-${i + 1}`;
    const title = article.title.replace(/_/g, ' ');
    const paragraphs = article.paragraphs.map((p) => p.context.replace(/\s*\n\s*/g, ' ').trim());
    ingest(storiesDir, slug, [title, ...paragraphs].join('\n') + '\n', { title }, work);
    article.paragraphs.forEach((p, pi) => {
      for (const qa of p.qas) questions.push({ story: slug, query: qa.question, paragraph: pi + 1, answers: qa.answers.map((a) => a.text), impossible: qa.is_impossible === true });
    });
  });
  return { storiesDir, questions };
}

/** Ingests every dev set under `evalDir` into temporary folders. `quick` leaves XQuAD out. */
export function prepare(evalDir: string, ownStories: string, quick = false): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'story-bot-eval-'));
  cpSync(ownStories, join(dir, 'own'), { recursive: true });
  const rawDir = join(dir, 'raw');
  cpSync(ownStories, rawDir, { recursive: true });
  const storyRoot = join(evalDir, 'stories');
  const rawQuestions: EvalQuestion[] = [];
  const workDir = mkdtempSync(join(dir, 'txt-'));
  for (const name of existsSync(storyRoot) ? readdirSync(storyRoot).sort() : []) {
    const folder = join(storyRoot, name);
    if (!existsSync(join(folder, 'article.txt'))) continue;
    const meta = existsSync(join(folder, 'meta.json')) ? JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as { slug?: string; title?: string; date?: string; outlet?: string } : {};
    ingest(rawDir, meta.slug ?? name, readFileSync(join(folder, 'article.txt'), 'utf8'), meta, workDir);
    rawQuestions.push(...readJsonl(join(folder, 'questions.jsonl')));
  }
  const articleSets = [{ name: 'squad2', ...articleSet(join(evalDir, 'squad2-dev-complexity.json'), dir, workDir) }];
  if (!quick) articleSets.push({ name: 'xquad', ...articleSet(join(evalDir, 'xquad-en-dev.json'), dir, workDir) });
  return {
    dir,
    questionSets: [
      { name: 'story-basic', storiesDir: join(dir, 'own'), questions: readJsonl(join(evalDir, 'dev-questions.jsonl')) },
      { name: 'story-casual', storiesDir: join(dir, 'own'), questions: readJsonl(join(evalDir, 'story-dev.jsonl')) },
      { name: 'raw-stories', storiesDir: rawDir, questions: rawQuestions },
    ],
    articleSets,
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const pct = (t: Tally) => Number(((100 * t.ok) / Math.max(t.n, 1)).toFixed(1));

function describe(q: EvalQuestion, r: Answer): { want: string; got: string } {
  const want = q.found === false ? 'found:false' : [q.answer && `answer~${JSON.stringify(q.answer)}`, q.para && `¶${q.para.join('/')}`, q.verdict && `verdict ${q.verdict.join('/')}`, q.source && `source~${JSON.stringify(q.source)}`].filter(Boolean).join(' ');
  const got = r.found === false ? `found:false${r.verdict ? ` verdict ${r.verdict}` : ''}` : `${JSON.stringify(r.answer ?? null)} ¶${r.paragraph}${r.verdict ? ` verdict ${r.verdict}` : ''} source ${JSON.stringify(r.source ?? null)}`;
  return { want, got };
}

/** Asks every question of every set with the given options and scores the answers. */
export function runSets(ws: Workspace, options: Partial<EngineOptions> = {}): Record<string, SetResult> {
  const out: Record<string, SetResult> = {};
  const libraries = new Map<string, Library>();
  const library = (dir: string) => {
    let l = libraries.get(dir);
    // Every index kept: the sets ask about their stories in any order.
    if (!l) { l = openLibrary(dir, undefined, options, { size: Number.POSITIVE_INFINITY }); libraries.set(dir, l); }
    return l;
  };
  for (const set of ws.questionSets) {
    const lib = library(set.storiesDir);
    const answers = set.questions.map((q) => ask(lib, q.story ? { command: q.command, query: q.query, story: q.story } : { command: q.command, query: q.query }));
    const tally = scoreQuestions(set.questions, answers);
    const tier = (name: string) => Object.fromEntries(Object.entries(tally[name] ?? {}).map(([k, t]) => [k, pct(t)]));
    const missed = new Set(Object.values(tally).flatMap((t) => t.right?.misses ?? []));
    const misses = set.questions.map((q, i) => ({ q, r: answers[i]! })).filter(({ q }) => missed.has(q.id)).map(({ q, r }) => ({ id: q.id, query: q.query, command: q.command, ...describe(q, r) }));
    out[set.name] = { core: tier('core'), hard: tier('hard'), misses };
  }
  for (const set of ws.articleSets) {
    const lib = library(set.storiesDir);
    const answers = set.questions.map((q) => ask(lib, { command: 'ask', query: q.query, story: q.story }));
    const misses = set.questions.map((q, i) => ({ q, r: answers[i]! }))
      .filter(({ q, r }) => (q.impossible ? r.found : !r.found || !q.answers.some((a) => String(r.answer ?? '').toLowerCase().includes(a.toLowerCase()))))
      .map(({ q, r }) => ({ id: `${q.story}`, query: q.query, command: 'ask', want: q.impossible ? 'found:false' : `answer~${JSON.stringify(q.answers.slice(0, 2))} ¶${q.paragraph}`, got: r.found ? `${JSON.stringify(r.answer)} ¶${r.paragraph}` : 'found:false' }));
    out[set.name] = { metrics: scoreArticles(set.questions, answers), misses };
  }
  return out;
}

/** One line a set, in report.mjs's shape. */
export function formatResults(results: Record<string, SetResult>): string[] {
  return Object.entries(results).map(([name, r]) => {
    if (r.core) {
      const keys = ['passage', 'answer', 'source', 'verdict', 'abstains', 'no_false_support'];
      return `${name.padEnd(13)} right ${r.core.right}% (hard ${r.hard?.right ?? '-'}%) · ${keys.filter((k) => r.core![k] !== undefined).map((k) => `${k} ${r.core![k]}`).join(' · ')}`;
    }
    return `${name.padEnd(13)} ${Object.entries(r.metrics ?? {}).map(([k, v]) => `${k} ${v}`).join(' · ')}`;
  });
}
