import type MiniSearch from 'minisearch';
import type { AnchoredFact, Story } from '../story/types.ts';
import { aliasMatcher, type AliasMatcher } from '../text/aliases.ts';
import { ENTITY_PREFIX, SYNONYM_PREFIX, termsOf, tokenize } from '../text/terms.ts';
import { createIndex, type SearchDoc } from './options.ts';
import { DEFAULT_OPTIONS, type EngineOptions } from '../answer/options.ts';

/** A story with everything built once at load: the MiniSearch index and the term sets answering needs. */
export interface StoryIndex {
  story: Story;
  /** The engine options this index answers with. */
  options: EngineOptions;
  mini: MiniSearch<SearchDoc>;
  aliases: AliasMatcher;
  /** Processed terms of each sentence (by sentence index), entity tokens included. */
  sentenceTerms: Set<string>[];
  /** Processed terms of each paragraph (by paragraph number). */
  paragraphTerms: Set<string>[];
  /** Every processed term of the story, with the number of sentences holding it. */
  vocabulary: Map<string, number>;
  /** The plain word stems of the vocabulary (no entity or synonym tokens), for typo matching. */
  stems: string[];
  /** Annotated facts by the sentence they sit in. */
  factsBySentence: Map<number, AnchoredFact[]>;
  /** Annotated facts by id. */
  factsById: Map<string, AnchoredFact>;
  /** Processed terms of each fact (quote, short answer, annotated entities), by fact id. */
  factTerms: Map<string, Set<string>>;
}

function termSet(text: string, entityTokens: string): Set<string> {
  const set = new Set<string>();
  for (const token of tokenize(`${text} ${entityTokens}`)) for (const term of termsOf(token)) set.add(term);
  return set;
}

/** The calendar year of a fact's normalised time, if it has one (not for durations). */
export function yearOf(fact: AnchoredFact): string | undefined {
  return fact.time?.value && /^\d{4}/.test(fact.time.value) ? fact.time.value.slice(0, 4) : undefined;
}

/** Builds the index of one story: paragraphs, sentences and facts as MiniSearch documents. */
export function buildIndex(story: Story, options: EngineOptions = DEFAULT_OPTIONS): StoryIndex {
  const aliases = aliasMatcher([...story.entities, ...story.sources]);
  const mini = createIndex();
  const docs: SearchDoc[] = [];
  story.paragraphs.forEach((text, p) => {
    docs.push({ id: `p${p}`, type: 'paragraph', ref: p, text, answer: '', entities: aliases.tokens(text), context: '' });
  });
  for (const s of story.sentences) {
    const paragraph = story.paragraphs[s.paragraph]!;
    const context = paragraph.slice(0, s.start) + ' ' + paragraph.slice(s.end);
    docs.push({ id: `s${s.index}`, type: 'sentence', ref: s.index, text: s.text, answer: '', entities: aliases.tokens(s.text), context });
  }
  for (const f of story.facts) {
    const entities = [...new Set([...f.entities, ...aliases.find(f.quote.exact)])].map((id) => `entity:${id}`).join(' ');
    docs.push({ id: `f:${f.id}`, type: 'fact', ref: f.id, text: f.quote.exact, answer: [f.answer?.text ?? '', yearOf(f) ?? ''].join(' ').trim(), entities, context: '' });
  }
  mini.addAll(docs);

  const sentenceTerms = story.sentences.map((s) => termSet(s.text, aliases.tokens(s.text)));
  const paragraphTerms = story.paragraphs.map((p) => termSet(p, aliases.tokens(p)));
  // A fact's resolved year ("last year" → 2023) is searchable in its sentence, so "in 2023" matches it.
  for (const f of story.facts) {
    const year = yearOf(f);
    if (year) { sentenceTerms[f.sentence]!.add(year); paragraphTerms[f.paragraph]!.add(year); }
  }
  const vocabulary = new Map<string, number>();
  for (const set of sentenceTerms) for (const t of set) vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
  const factsBySentence = new Map<number, AnchoredFact[]>();
  for (const f of story.facts) factsBySentence.set(f.sentence, [...(factsBySentence.get(f.sentence) ?? []), f]);
  const stems = [...vocabulary.keys()].filter((v) => !v.startsWith(ENTITY_PREFIX) && !v.startsWith(SYNONYM_PREFIX) && v.length >= 4);
  const factTerms = new Map(story.facts.map((f) => [f.id, termSet(`${f.quote.exact} ${f.answer?.text ?? ''}`, f.entities.map((id) => ENTITY_PREFIX + id).join(' '))]));
  return { story, options, mini, aliases, sentenceTerms, paragraphTerms, vocabulary, stems, factsBySentence, factsById: new Map(story.facts.map((f) => [f.id, f])), factTerms };
}
