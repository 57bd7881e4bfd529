import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftStory } from './draft.ts';
import { isIsoDate } from './drafting/times.ts';
import { loadStory, parseArticle } from './load.ts';
import type { StoryMeta } from './schema.ts';
import type { Story } from './types.ts';

/** What `ingest` needs: a slug, a title, and the article text (headline line, then a paragraph a line). */
export interface IngestRequest {
  storiesDir: string;
  slug: string;
  title?: string;
  articleFile: string;
  language?: string;
  /** Replace an existing story folder of the same slug. */
  force?: boolean;
  /** Publication date (YYYY-MM-DD), given at ingest; relative times are resolved against it. */
  date?: string;
  /** The outlet that published the story, given at ingest. */
  outlet?: string;
}

/**
 * Adds a raw story: copies the article verbatim and writes metadata marked as not annotated, with sources,
 * entities and facts drafted by machine from the text (`draftStory`, every fact marked `drafted: true`).
 * The folder is loaded back to prove it valid.
 */
export function ingestStory(req: IngestRequest): Story {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(req.slug)) throw new Error(`slug "${req.slug}" must be lower-case letters, digits and dashes`);
  if (req.date !== undefined && !isIsoDate(req.date)) throw new Error(`date "${req.date}" must be a calendar date as YYYY-MM-DD`);
  if (req.outlet !== undefined && !req.outlet.trim()) throw new Error('outlet must not be empty');
  const text = readFileSync(req.articleFile, 'utf8');
  const paragraphs = parseArticle(text);
  if (paragraphs.length < 2) throw new Error(`${req.articleFile}: needs a headline line and at least one paragraph line`);
  const dir = join(req.storiesDir, req.slug);
  if (existsSync(join(dir, 'story.json')) && !req.force) throw new Error(`story "${req.slug}" already exists in ${req.storiesDir} (use --force to replace it)`);
  mkdirSync(dir, { recursive: true });
  const meta: StoryMeta = {
    slug: req.slug,
    title: (req.title ?? paragraphs[0]!).slice(0, 256),
    language: req.language ?? 'en',
    published: req.date ? { value: req.date, annotator: true, basis: 'Given at ingest (--date); not checked against the article.' } : null,
    outlet: req.outlet ? { value: req.outlet.trim(), annotator: true, basis: 'Given at ingest (--outlet); not checked against the article.' } : null,
    annotated: false,
    sources: [],
    entities: [],
  };
  const draft = draftStory(paragraphs, { published: req.date });
  meta.sources = draft.sources;
  meta.entities = draft.entities;
  writeFileSync(join(dir, 'article.txt'), text);
  writeFileSync(join(dir, 'story.json'), `${JSON.stringify(meta, null, 2)}\n`);
  writeFileSync(join(dir, 'facts.json'), `${JSON.stringify({ facts: draft.facts }, null, 2)}\n`);
  return loadStory(dir);
}

/** How to call the ingest command. */
export const INGEST_USAGE = 'usage: npm run ingest -- --slug <slug> [--title <title>] [--date YYYY-MM-DD] [--outlet <outlet>] [--force] <article.txt>';

/** Parses the ingest command's arguments into a request (without `storiesDir`), or names what is wrong. */
export function parseIngestArgs(argv: string[]): Omit<IngestRequest, 'storiesDir'> | { error: string } {
  const opts: { slug?: string; title?: string; date?: string; outlet?: string; force?: boolean; articleFile?: string } = {};
  const valueOf = (flag: string, i: number): string | { error: string } => {
    const v = argv[i + 1];
    return v === undefined || v.startsWith('--') ? { error: `${flag} needs a value` } : v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force') { opts.force = true; continue; }
    if (a === '--slug' || a === '--title' || a === '--date' || a === '--outlet') {
      const v = valueOf(a, i);
      if (typeof v !== 'string') return v;
      opts[a.slice(2) as 'slug' | 'title' | 'date' | 'outlet'] = v;
      i++;
      continue;
    }
    if (a.startsWith('--')) return { error: `unknown option ${a}` };
    if (opts.articleFile) return { error: `one article file only (got "${opts.articleFile}" and "${a}")` };
    opts.articleFile = a;
  }
  if (!opts.slug) return { error: '--slug is required' };
  if (!opts.articleFile) return { error: 'the article file is required' };
  if (opts.date !== undefined && !isIsoDate(opts.date)) return { error: `--date "${opts.date}" must be a calendar date as YYYY-MM-DD` };
  return { slug: opts.slug, title: opts.title, date: opts.date, outlet: opts.outlet, force: opts.force, articleFile: opts.articleFile };
}
