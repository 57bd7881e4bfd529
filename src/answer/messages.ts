import type { StoryIndex } from '../search/index.ts';
import type { Answer, Command } from './types.ts';

/** Longest excerpt of the question repeated back in a message. */
const ECHO_CHARS = 150;

/** The question, shortened for repeating back. */
export function echo(query: string): string {
  return query.length > ECHO_CHARS ? `${query.slice(0, query.lastIndexOf(' ', ECHO_CHARS) > 50 ? query.lastIndexOf(' ', ECHO_CHARS) : ECHO_CHARS)}…` : query;
}

/** A few questions the story can answer, from the annotated facts (or its headline when it has none). */
export function suggestions(index: StoryIndex, count = 3): string[] {
  const out: string[] = [];
  const kinds = new Set<string>();
  for (const f of index.story.facts) {
    const s = f.suggest?.[0];
    if (s && !kinds.has(f.kind)) { out.push(s); kinds.add(f.kind); }
    if (out.length >= count) break;
  }
  return out;
}

/** What the story covers, in one line. */
export function coverageLine(index: StoryIndex): string {
  const { meta, paragraphs } = index.story;
  return meta.summary ?? `“${paragraphs[0]}”`;
}

/** The plain "the story doesn't say" message, with what the story does cover. */
export function notFoundMessage(index: StoryIndex, command: Command, query: string, unknownNames: string[]): string {
  const q = echo(query);
  const what = command === 'ask' || command === 'factcheck' || command === 'sources'
    ? `“${q}”`
    : new RegExp(`^${command}\\b`, 'i').test(q) ? q : `${command} ${q}`;
  const lead = command === 'factcheck'
    ? `Not in the story: it doesn't say ${what}.`
    : command === 'sources' ? `The story has nothing on ${what}, so there is no source to name.` : `The story doesn't say ${what}.`;
  const names = unknownNames.length ? ` It never mentions ${unknownNames.slice(0, 3).map((n) => `“${n}”`).join(', ')}.` : '';
  const tries = suggestions(index);
  return `${lead}${names} It covers: ${coverageLine(index)}${tries.length ? ` Try: ${tries.map((t) => `“${t}”`).join(' · ')}` : ''}`;
}

/** The citation line shared by every found answer: paragraph, attribution, certainty. */
export function citation(answer: Pick<Answer, 'paragraph' | 'source' | 'certainty'>): string {
  return `${paragraphLabel(answer.paragraph)} · ${answer.source} · ${answer.certainty}`;
}

/** Where a passage sits: "headline" or "¶2". */
export function paragraphLabel(paragraph: number | null): string {
  return paragraph === 0 ? 'headline' : `¶${paragraph}`;
}
