import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
}

/**
 * Adds a raw story: copies the article verbatim and writes metadata marked as not annotated, with no
 * facts. The engine answers it from its sentences alone. The folder is loaded back to prove it valid.
 */
export function ingestStory(req: IngestRequest): Story {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(req.slug)) throw new Error(`slug "${req.slug}" must be lower-case letters, digits and dashes`);
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
    published: null,
    outlet: null,
    annotated: false,
    sources: [],
    entities: [],
  };
  writeFileSync(join(dir, 'article.txt'), text);
  writeFileSync(join(dir, 'story.json'), `${JSON.stringify(meta, null, 2)}\n`);
  writeFileSync(join(dir, 'facts.json'), `${JSON.stringify({ facts: [] }, null, 2)}\n`);
  return loadStory(dir);
}
