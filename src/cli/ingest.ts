import 'dotenv/config';
import { parseConfig } from '../config.ts';
import { ingestStory } from '../story/ingest.ts';

/** `npm run ingest -- --slug <slug> [--title <title>] [--force] <article.txt>`: adds a raw story to STORIES_DIR. */
const argv = process.argv.slice(2);
const opts: { slug?: string; title?: string; force?: boolean; file?: string } = {};
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--slug') opts.slug = argv[++i];
  else if (a === '--title') opts.title = argv[++i];
  else if (a === '--force') opts.force = true;
  else opts.file = a;
}
if (!opts.slug || !opts.file) {
  process.stderr.write('usage: npm run ingest -- --slug <slug> [--title <title>] [--force] <article.txt>\n');
  process.exit(2);
}
try {
  const { STORIES_DIR } = parseConfig();
  const story = ingestStory({ storiesDir: STORIES_DIR, slug: opts.slug, title: opts.title, articleFile: opts.file, force: opts.force });
  process.stderr.write(`ingested "${story.slug}": ${story.paragraphs.length - 1} paragraphs, ${story.sentences.length} sentences, into ${STORIES_DIR}\n`);
} catch (err) {
  process.stderr.write(`ingest failed: ${(err as Error).message}\n`);
  process.exit(1);
}
