import type { StoryIndex } from '../search/index.ts';
import { EntityTypeSchema } from '../story/schema.ts';
import type { Sentence } from '../story/types.ts';
import { normalizeText } from '../text/terms.ts';

/** What a "who is X" / "what is X" question is about, when X is exactly a name the story data declares. */
export interface Definition {
  id: string;
  /** The answer to give: the entity's name when asked by another name, or what a source is; null when only the passage fits. */
  answer: string | null;
  /** The sentence that best introduces it. */
  sentence: Sentence;
}

const DEFINE = /^(?:(?:who|what)\s+)?(?:is|was|are|were)\s+(.+?)[\s?.!]*$/i;

/**
 * Reads "who is the North Korean leader" / "what is KCNA": when the rest of the question is one alias of
 * one declared entity or source, answers with who or what it is and the sentence that introduces it.
 */
export function definition(index: StoryIndex, question: string, entityOfWords?: (phrase: string) => string | null): Definition | null {
  const m = DEFINE.exec(normalizeText(question).trim());
  if (!m?.[1]) return null;
  // "the Russian leader" may be an alias with its article or without.
  const whole = (p: string) => {
    const spans = index.aliases.spans(p);
    return spans.length === 1 && spans[0]!.start === 0 && spans[0]!.end === p.length && spans[0]!.ids.length === 1 ? spans[0]!.ids[0]! : null;
  };
  const bare = m[1].replace(/^(?:the|a|an)\s+/i, '');
  const id = whole(m[1]) ?? whole(bare) ?? (entityOfWords ? entityOfWords(bare) : null);
  if (!id) return null;
  const phrase = bare;
  // The sentence that introduces it best: the most mentions of it (a title and a name, "North Korean
  // leader Kim Jong Un"), the article body before the headline, then the earliest.
  const mentionsOf = (s: Sentence) => index.aliases.spans(s.text).filter((m) => m.ids.includes(id));
  const sentence = index.story.sentences
    .map((s) => ({ s, n: mentionsOf(s).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || Number(a.s.paragraph === 0) - Number(b.s.paragraph === 0) || a.s.index - b.s.index)[0]?.s;
  if (!sentence) return null;
  const source = index.story.sources.find((s) => s.id === id);
  // A source's kind says what it is, unless it is only the bare type a machine draft gives ("person").
  if (source && !(ENTITY_TYPES as readonly string[]).includes(source.kind)) return { id, answer: `${source.name}: ${source.kind}`, sentence };
  const entity = index.story.entities.find((e) => e.id === id) ?? (source && { name: source.name });
  if (!entity) return null;
  if (!entity.name.toLowerCase().includes(phrase.toLowerCase())) return { id, answer: entity.name, sentence };
  // Asked by name: answer with how the passage describes them, if it does ("North Korean leader"): an
  // alias that is a description, or the title standing right before the name ("Chief Financial Officer Colette Kress").
  const text = normalizeText(sentence.text);
  const mentions = mentionsOf(sentence);
  const described = mentions.map((m) => text.slice(m.start, m.end)).find((t) => !entity.name.toLowerCase().includes(t.toLowerCase()));
  if (described) return { id, answer: `${described} ${entity.name}`, sentence };
  const title = mentions.map((m) => titleBefore(index, sentence, m.start)).find((t) => t !== null);
  // A thing is often named before the noun that says what it is ("the H100 processors", "the Obelisco monument").
  const thing = index.story.entities.find((e) => e.id === id && e.type !== 'person');
  const kind = title || !thing ? null : mentions.map((m) => nounAfter(index, sentence, m.end)).find((t) => t !== null);
  return { id, answer: title ?? kind ?? null, sentence };
}

/** The common noun right after a mention in its sentence (up to two words, nothing but spaces between), or null. */
function nounAfter(index: StoryIndex, sentence: Sentence, end: number): string | null {
  const words = index.analyses[sentence.index]!.words;
  let i = words.findIndex((w) => w.start >= end);
  if (i < 0) return null;
  let last = end;
  const taken: string[] = [];
  while (i < words.length && taken.length < 2) {
    const w = words[i]!;
    if (!/^\s+$/.test(sentence.text.slice(last, w.start)) || !w.tags.includes('Noun') || w.tags.some((t) => /^(?:ProperNoun|Pronoun|Value|Date|Possessive)$/.test(t))) break;
    taken.push(w.text);
    last = w.end;
    i++;
  }
  return taken.length ? taken.join(' ') : null;
}

const ENTITY_TYPES = EntityTypeSchema.options;

/** Tags of a word that can be part of a title before a name ("Chief Financial Officer", "Argentina goalkeeper"). */
const TITLE_WORD = (tags: readonly string[]) => (tags.includes('Noun') || tags.includes('Adjective')) && !tags.some((t) => /^(?:Pronoun|Determiner|Verb|Preposition|Conjunction|Possessive|Value|Date|Person)$/.test(t));

/** The title right before a mention in its sentence (up to five words, nothing but spaces between), or null. */
function titleBefore(index: StoryIndex, sentence: Sentence, start: number): string | null {
  const words = index.analyses[sentence.index]!.words;
  const at = words.findIndex((w) => w.start >= start);
  let i = (at < 0 ? words.length : at) - 1;
  let end = start;
  let first = -1;
  while (i >= 0) {
    const w = words[i]!;
    if (!/^\s+$/.test(sentence.text.slice(w.end, end)) || !TITLE_WORD(w.tags)) break;
    first = i;
    end = w.start;
    i--;
  }
  if (first < 0) return null;
  const title = sentence.text.slice(words[first]!.start, start).trim();
  return title && title.split(/\s+/).length <= 5 ? title : null;
}
