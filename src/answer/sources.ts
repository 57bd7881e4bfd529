import type { StoryIndex } from '../search/index.ts';
import { readAttribution } from './attribution.ts';
import { OWN_REPORTING, type Answer, type SourceSummary } from './types.ts';

/** Longest quote kept for each thing a source says. */
const SAYS_CHARS = 300;

/**
 * Every source the story cites: what it is, which paragraphs rely on it and what it says. From the story
 * data where declared; for a story without annotation, from the wording of its sentences.
 */
export function sourceSummaries(index: StoryIndex): SourceSummary[] {
  const { story } = index;
  if (story.sources.length) {
    return story.sources.map((s) => {
      const facts = story.facts.filter((f) => f.attribution.includes(s.id));
      const sentences = [...new Set(facts.map((f) => f.sentence))].sort((a, b) => a - b);
      return {
        name: s.name,
        kind: s.kind,
        description: s.description,
        paragraphs: [...new Set(facts.map((f) => f.paragraph))].sort((a, b) => a - b),
        says: sentences.map((i) => story.sentences[i]!.text.slice(0, SAYS_CHARS)),
      };
    });
  }
  const bySource = new Map<string, SourceSummary>();
  for (const sentence of story.sentences) {
    const { source } = readAttribution(index, sentence);
    if (source === OWN_REPORTING) continue;
    const entry = bySource.get(source) ?? { name: source, kind: 'cited source', description: 'Named in the story as a source.', paragraphs: [], says: [] };
    if (!entry.paragraphs.includes(sentence.paragraph)) entry.paragraphs.push(sentence.paragraph);
    entry.says.push(sentence.text.slice(0, SAYS_CHARS));
    bySource.set(source, entry);
  }
  return [...bySource.values()];
}

/** `sources` with no query: the list (the catalogue writes the words). */
export function listSources(index: StoryIndex, base: Answer): Answer {
  const sources = sourceSummaries(index);
  if (!sources.length) return { ...base, found: false, sources };
  // The passage shown with the list: where the story first cites a source.
  const first = sources.map((s) => ({ paragraph: s.paragraphs[0], says: s.says[0] })).filter((x) => x.paragraph !== undefined && x.says).sort((a, b) => a.paragraph! - b.paragraph!)[0];
  return { ...base, found: true, sources, source: sources.map((s) => s.name).join('; '), passage: first?.says ?? null, paragraph: first?.paragraph ?? null };
}
