import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { splitSentences } from '../text/sentences.ts';
import { FactsFileSchema, StoryMetaSchema, type Fact, type Quote } from './schema.ts';
import type { AnchoredFact, Sentence, Story } from './types.ts';

/** A story folder that cannot be loaded; the message names the file, the fact id and the field. */
export class StoryDataError extends Error {
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `\n  - ${problems.join('\n  - ')}`}`);
    this.name = 'StoryDataError';
  }
}

const show = (file: string) => relative(process.cwd(), file) || file;

function readJson(file: string): unknown {
  if (!existsSync(file)) throw new StoryDataError(show(file), ['file is missing']);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new StoryDataError(show(file), [`not valid JSON (${(err as Error).message})`]);
  }
}

/** Describes zod issues with the fact id (not just its index) where the path goes through `facts[i]`. */
function describeIssues(error: z.ZodError, raw: unknown): string[] {
  return error.issues.map((issue) => {
    const path = [...issue.path];
    let where = '';
    if (path[0] === 'facts' && typeof path[1] === 'number') {
      const rawFact = (raw as { facts?: unknown[] })?.facts?.[path[1]] as { id?: unknown } | undefined;
      where = typeof rawFact?.id === 'string' ? `fact "${rawFact.id}"` : `facts[${path[1]}] (no id)`;
      path.splice(0, 2);
    }
    const field = path.length ? `field "${path.join('.')}"` : '';
    return [where, field].filter(Boolean).join(', ') + (where || field ? ': ' : '') + issue.message;
  });
}

/** Splits an article file into paragraphs: the headline on the first line, then one paragraph a line. */
export function parseArticle(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
}

/**
 * Finds a quote in a paragraph, TextQuoteSelector style: the exact text, narrowed by prefix/suffix when given.
 * Returns the start offsets of every match.
 */
export function findQuote(paragraph: string, quote: Quote): number[] {
  const hits: number[] = [];
  for (let at = paragraph.indexOf(quote.exact); at !== -1; at = paragraph.indexOf(quote.exact, at + 1)) {
    if (quote.prefix && !paragraph.slice(0, at).endsWith(quote.prefix)) continue;
    if (quote.suffix && !paragraph.slice(at + quote.exact.length).startsWith(quote.suffix)) continue;
    hits.push(at);
  }
  return hits;
}

function anchorFacts(file: string, facts: Fact[], paragraphs: string[], sentences: Sentence[], ids: Set<string>, sourceIds: Set<string>): AnchoredFact[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const anchored: AnchoredFact[] = [];
  for (const fact of facts) {
    const at = `fact "${fact.id}"`;
    if (seen.has(fact.id)) problems.push(`${at}, field "id": duplicate id`);
    seen.add(fact.id);
    for (const ref of [...fact.entities, ...(fact.answer?.ref ? [fact.answer.ref] : [])]) {
      if (!ids.has(ref)) problems.push(`${at}, field "entities": unknown entity or source id "${ref}" (declare it in story.json)`);
    }
    for (const source of fact.attribution) {
      if (source === 'article' ? fact.attribution.length > 1 : !sourceIds.has(source)) {
        problems.push(`${at}, field "attribution": ${source === 'article' ? '"article" stands alone' : `unknown source id "${source}"`}`);
      }
    }
    const paragraph = paragraphs[fact.paragraph];
    if (paragraph === undefined) {
      problems.push(`${at}, field "paragraph": ${fact.paragraph} is past the last paragraph (${paragraphs.length - 1})`);
      continue;
    }
    const hits = findQuote(paragraph, fact.quote);
    if (hits.length !== 1) {
      problems.push(hits.length === 0
        ? `${at}, field "quote.exact": not found in paragraph ${fact.paragraph}`
        : `${at}, field "quote": matches ${hits.length} times in paragraph ${fact.paragraph}; add a prefix or suffix`);
      continue;
    }
    const start = hits[0]!;
    const sentence = sentences.find((s) => s.paragraph === fact.paragraph && s.start <= start && start < s.end);
    anchored.push({ ...fact, start, end: start + fact.quote.exact.length, sentence: sentence?.index ?? 0 });
  }
  if (problems.length) throw new StoryDataError(show(file), problems);
  return anchored;
}

/** Loads and validates one story folder (`article.txt`, `story.json`, `facts.json`). */
export function loadStory(dir: string): Story {
  const articleFile = join(dir, 'article.txt');
  if (!existsSync(articleFile)) throw new StoryDataError(show(articleFile), ['file is missing']);
  const paragraphs = parseArticle(readFileSync(articleFile, 'utf8'));
  if (paragraphs.length < 2) throw new StoryDataError(show(articleFile), ['needs a headline line and at least one paragraph']);

  const metaFile = join(dir, 'story.json');
  const rawMeta = readJson(metaFile);
  const meta = StoryMetaSchema.safeParse(rawMeta);
  if (!meta.success) throw new StoryDataError(show(metaFile), describeIssues(meta.error, rawMeta));
  const ids = new Set<string>();
  const dupes: string[] = [];
  for (const { id } of [...meta.data.sources, ...meta.data.entities]) {
    if (ids.has(id)) dupes.push(`field "sources/entities": duplicate id "${id}"`);
    ids.add(id);
  }
  if (dupes.length) throw new StoryDataError(show(metaFile), dupes);

  const sentences: Sentence[] = [];
  paragraphs.forEach((text, paragraph) => {
    for (const span of splitSentences(text)) sentences.push({ index: sentences.length, paragraph, ...span });
  });

  const factsFile = join(dir, 'facts.json');
  const rawFacts = readJson(factsFile);
  const facts = FactsFileSchema.safeParse(rawFacts);
  if (!facts.success) throw new StoryDataError(show(factsFile), describeIssues(facts.error, rawFacts));
  const sourceIds = new Set(meta.data.sources.map((s) => s.id));
  const anchored = anchorFacts(factsFile, facts.data.facts, paragraphs, sentences, ids, sourceIds);
  if (meta.data.annotated) {
    const uncovered = paragraphs.map((_, i) => i).filter((i) => i > 0 && !anchored.some((f) => f.paragraph === i));
    if (uncovered.length) throw new StoryDataError(show(factsFile), [`annotated story has no fact for paragraph(s) ${uncovered.join(', ')}`]);
  }

  return { slug: meta.data.slug, dir, meta: meta.data, paragraphs, sentences, facts: anchored, sources: meta.data.sources, entities: meta.data.entities };
}

/** Loads every story folder under `storiesDir` (each a directory holding `story.json`). */
export function loadStories(storiesDir: string): Story[] {
  if (!existsSync(storiesDir) || !statSync(storiesDir).isDirectory()) {
    throw new StoryDataError(show(storiesDir), ['stories directory does not exist (set STORIES_DIR)']);
  }
  const stories = readdirSync(storiesDir)
    .filter((name) => statSync(join(storiesDir, name)).isDirectory())
    .sort()
    .map((name) => {
      const story = loadStory(join(storiesDir, name));
      if (story.slug !== name) throw new StoryDataError(show(join(storiesDir, name, 'story.json')), [`field "slug": "${story.slug}" does not match its folder name "${name}"`]);
      return story;
    });
  if (!stories.length) throw new StoryDataError(show(storiesDir), ['no story folders found']);
  return stories;
}
