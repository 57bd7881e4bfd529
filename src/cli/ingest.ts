import 'dotenv/config';
import { parseConfig } from '../config.ts';
import { INGEST_USAGE, ingestStory, parseIngestArgs } from '../story/ingest.ts';

/**
 * `npm run ingest -- --slug <slug> [--title <title>] [--date YYYY-MM-DD] [--outlet <outlet>] [--force] <article.txt>`:
 * adds a raw story to STORIES_DIR, with machine-drafted sources, entities and facts.
 */
const parsed = parseIngestArgs(process.argv.slice(2));
if ('error' in parsed) {
  process.stderr.write(`${parsed.error}\n${INGEST_USAGE}\n`);
  process.exit(2);
}
try {
  const { STORIES_DIR } = parseConfig();
  const story = ingestStory({ storiesDir: STORIES_DIR, ...parsed });
  const drafted = story.facts.length;
  process.stderr.write(`ingested "${story.slug}": ${story.paragraphs.length - 1} paragraphs, ${story.sentences.length} sentences, ${story.sources.length} sources, ${story.entities.length} entities, ${drafted} drafted facts, into ${STORIES_DIR}\n`);
} catch (err) {
  process.stderr.write(`ingest failed: ${(err as Error).message}\n`);
  process.exit(1);
}
