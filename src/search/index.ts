import type MiniSearch from 'minisearch';
import { DEFAULT_OPTIONS, type EngineOptions } from '../answer/options.ts';
import type { AnchoredFact, Story } from '../story/types.ts';
import { aliasMatcher, type AliasMatcher } from '../text/aliases.ts';
import { analyzeParagraph, type SentenceAnalysis } from '../text/analyze.ts';
import { lexicon } from '../lexicon/index.ts';
import { meaningFrom, meaningTables, type Meaning, type MeaningTables } from '../text/meaning.ts';
import { ENTITY_PREFIX, STOPWORDS, normalizeText, termsOf, tokenize } from '../text/terms.ts';
import { createIndex, type SearchDoc } from './options.ts';

/** A story with everything built once at load: the MiniSearch index and what answering needs per sentence. */
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
  /** For each term, the sentences holding it (ascending). */
  postings: Map<string, number[]>;
  /** Each lower-case word the story uses, with its terms: what a misspelt question word is compared with. */
  surface: Map<string, readonly string[]>;
  /** Lower-case words that are (parts of) names in the story: "putin", "korea", "kcna". */
  nameWords: Set<string>;
  /** The entity and source tokens each word of a declared name stands for, by the word's term ("sinmun" → entity:rodong-sinmun). */
  nameParts: Map<string, string[]>;
  /** Initialisms of the story's multi-word names, lower case ("nk" → "North Korea"). */
  initialisms: Map<string, string>;
  /** Word meaning against this story's vocabulary. */
  meaning: Meaning;
  /** The tables `meaning` looks words up in (kept so the index can be stored: src/search/persist.ts). */
  meaningTables: MeaningTables;
  /** Per sentence: words with tags and typed candidate spans. */
  analyses: SentenceAnalysis[];
  /** Per sentence, per word of its analysis: the terms that word is indexed under (entity tokens included). */
  wordTerms: string[][][];
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

/** Initials of a multi-word name: "North Korea" → "nk", "National Security Council" → "nsc". */
function initialsOf(name: string): string | null {
  const words = name.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w) && !STOPWORDS.has(w.toLowerCase()));
  if (words.length < 2 || words.length > 5 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  return words.map((w) => w[0]!.toLowerCase()).join('');
}

/** The publication date of a story, when it has one, as a reference for relative dates. */
function referenceDate(story: Story): Date | undefined {
  const v = story.meta.published?.value;
  const d = v && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(`${v.slice(0, 10)}T12:00:00Z`) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** The costly parts of an index, when they were stored (src/search/persist.ts): not computed again. */
export interface PrebuiltParts {
  mini: MiniSearch<SearchDoc>;
  analyses: SentenceAnalysis[];
  meaningTables: MeaningTables;
  terms: StoryTerms;
}

/** What an index derives from the story's text and analyses: term sets, surface words, names. */
export type StoryTerms = Pick<StoryIndex, 'sentenceTerms' | 'paragraphTerms' | 'factTerms' | 'surface' | 'nameWords' | 'nameParts' | 'initialisms' | 'wordTerms'> & {
  /** The parts of speech each story word is used in (compromise's tags, as WordNet's n/v/a/r). */
  partsOfSpeech: Map<string, Set<string>>;
}

/** The MiniSearch documents of a story: paragraphs, sentences and facts. */
function searchDocs(story: Story, aliases: AliasMatcher): SearchDoc[] {
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
    const entities = [...new Set([...f.entities, ...aliases.find(f.quote.exact)])].map((id) => `${ENTITY_PREFIX}${id}`).join(' ');
    docs.push({ id: `f:${f.id}`, type: 'fact', ref: f.id, text: f.quote.exact, answer: [f.answer?.text ?? '', yearOf(f) ?? ''].join(' ').trim(), entities, context: '' });
  }
  return docs;
}

/** Sentence analyses: one compromise parse per paragraph (the costliest step of building an index). */
function analyzeStory(story: Story): SentenceAnalysis[] {
  const reference = referenceDate(story);
  const analyses: SentenceAnalysis[] = new Array(story.sentences.length);
  story.paragraphs.forEach((paragraph, p) => {
    const sentences = story.sentences.filter((s) => s.paragraph === p);
    const results = analyzeParagraph(paragraph, sentences, reference);
    sentences.forEach((s, i) => { analyses[s.index] = results[i]!; });
  });
  return analyses;
}

/** The word a reader names a story's headline by. */
const HEADLINE = 'headline';

/** Derives an index's term sets, surface words and names from the story and its sentence analyses. */
function storyTerms(story: Story, aliases: AliasMatcher, analyses: SentenceAnalysis[]): StoryTerms {
  const sentenceTerms = story.sentences.map((s) => termSet(s.text, aliases.tokens(s.text)));
  const paragraphTerms = story.paragraphs.map((p) => termSet(p, aliases.tokens(p)));
  // A fact's resolved year ("last year" → 2023) is searchable in its sentence, so "in 2023" matches it.
  for (const f of story.facts) {
    const year = yearOf(f);
    if (year) { sentenceTerms[f.sentence]!.add(year); paragraphTerms[f.paragraph]!.add(year); }
  }
  // The headline is the story's headline: "the headline calls it historic" is about paragraph 0.
  for (const s of story.sentences) if (s.paragraph === 0) for (const t of termsOf(HEADLINE)) { sentenceTerms[s.index]!.add(t); paragraphTerms[0]!.add(t); }
  const factTerms = new Map(story.facts.map((f) => [f.id, termSet(`${f.quote.exact} ${f.answer?.text ?? ''}`, f.entities.map((id) => ENTITY_PREFIX + id).join(' '))]));

  const surface = new Map<string, readonly string[]>();
  const partsOfSpeech = new Map<string, Set<string>>();
  const nameWords = new Set<string>();
  const initialisms = new Map<string, string>();
  const wordTerms = story.sentences.map((s, i) => {
    const mentions = aliases.spans(s.text);
    return analyses[i]!.words.map((w) => {
      const lower = w.text.toLowerCase();
      const terms = termsOf(w.text);
      if (terms.length && !surface.has(lower)) surface.set(lower, terms);
      const pos = w.tags.includes('Verb') ? 'v' : w.tags.includes('Adjective') ? 'a' : w.tags.includes('Adverb') ? 'r' : w.tags.includes('Noun') ? 'n' : '';
      if (pos) {
        let set = partsOfSpeech.get(lower);
        if (!set) partsOfSpeech.set(lower, (set = new Set()));
        set.add(pos);
      }
      if (w.tags.includes('ProperNoun') && !STOPWORDS.has(lower)) nameWords.add(lower.replace(/['’]s$/, ''));
      const ids = mentions.filter((m) => m.start < w.end && w.start < m.end).flatMap((m) => m.ids.map((id) => ENTITY_PREFIX + id));
      return [...terms, ...ids];
    });
  });
  // Names: declared entities and sources (with every alias), and runs of capitalised words in the text.
  const names = [...story.entities, ...story.sources].flatMap((e) => [e.name, ...e.aliases]);
  const nameParts = new Map<string, string[]>();
  for (const e of [...story.entities, ...story.sources]) {
    for (const name of [e.name, ...e.aliases]) {
      for (const w of normalizeText(name).split(/[^\p{L}\p{N}]+/u)) {
        // Only the name's own words ("Sinmun"), not English words inside it ("Leader", "Party").
        if (!/^\p{Lu}/u.test(w) || STOPWORDS.has(w.toLowerCase()) || lexicon.isWord(w.toLowerCase())) continue;
        for (const t of termsOf(w)) {
          const list = nameParts.get(t) ?? [];
          if (!list.includes(ENTITY_PREFIX + e.id)) list.push(ENTITY_PREFIX + e.id);
          nameParts.set(t, list);
        }
      }
    }
  }
  // Words of declared names, as capitalised there ("Kim Jong Un", not the "two" of "the two nations").
  for (const name of names) for (const w of normalizeText(name).split(/[^\p{L}\p{N}]+/u)) if (/^\p{Lu}/u.test(w) && !STOPWORDS.has(w.toLowerCase())) nameWords.add(w.toLowerCase());
  for (const a of analyses) for (const span of a.spans) if (span.kind === 'person' || span.kind === 'place' || span.kind === 'organisation' || span.kind === 'name') names.push(span.text);
  for (const name of names) {
    const initials = initialsOf(normalizeText(name));
    if (initials && !initialisms.has(initials)) initialisms.set(initials, name.replace(/['’]s$/, ''));
  }
  // Initialisms of two-word nouns, for questions that abbreviate them: compound nouns the story repeats ("data
  // center" → dc), and the two-word nouns WordNet has, once is enough, titles included ("Attorney General" → ag,
  // "net income" → ni): readers abbreviate the terms English abbreviates. One pass over the word pairs.
  const bigrams = new Map<string, number>();
  const lexical: string[] = [];
  for (const a of analyses) {
    for (let i = 0; i + 1 < a.words.length; i++) {
      const x = a.words[i]!;
      const y = a.words[i + 1]!;
      if (y.start - x.end !== 1 || !/^\p{L}+$/u.test(x.text) || !/^\p{L}+$/u.test(y.text) || STOPWORDS.has(x.text.toLowerCase()) || STOPWORDS.has(y.text.toLowerCase())) continue;
      const phrase = `${x.text} ${y.text}`;
      if (lexicon.lemmas(phrase.toLowerCase()).some((l) => l.pos === 'n')) lexical.push(phrase);
      if (!/^\p{Ll}+$/u.test(x.text) || !/^\p{Ll}+$/u.test(y.text)) continue;
      if ((x.tags.includes('Noun') || x.tags.includes('Adjective')) && y.tags.includes('Noun')) bigrams.set(phrase, (bigrams.get(phrase) ?? 0) + 1);
    }
  }
  const initialsOfPair = (phrase: string) => phrase.split(' ').map((w) => w[0]).join('').toLowerCase();
  for (const [phrase, n] of bigrams) if (n >= 2 && !initialisms.has(initialsOfPair(phrase))) initialisms.set(initialsOfPair(phrase), phrase);
  for (const phrase of lexical) if (!initialisms.has(initialsOfPair(phrase))) initialisms.set(initialsOfPair(phrase), phrase);
  return { sentenceTerms, paragraphTerms, factTerms, surface, partsOfSpeech, nameWords, nameParts, initialisms, wordTerms };
}

/**
 * Builds the index of one story: paragraphs, sentences and facts as MiniSearch documents, and per-sentence
 * analyses. `prebuilt` parts (from a stored index) are used as they are instead of being computed again.
 */
export function buildIndex(story: Story, options: EngineOptions = DEFAULT_OPTIONS, prebuilt?: PrebuiltParts): StoryIndex {
  const aliases = aliasMatcher([...story.entities, ...story.sources]);
  let mini = prebuilt?.mini;
  if (!mini) {
    mini = createIndex();
    mini.addAll(searchDocs(story, aliases));
  }

  const analyses = prebuilt?.analyses ?? analyzeStory(story);
  const terms = prebuilt?.terms ?? storyTerms(story, aliases, analyses);
  const { sentenceTerms, paragraphTerms, factTerms, surface, nameWords, nameParts, initialisms, wordTerms } = terms;
  const vocabulary = new Map<string, number>();
  const postings = new Map<string, number[]>();
  sentenceTerms.forEach((set, i) => {
    for (const t of set) {
      vocabulary.set(t, (vocabulary.get(t) ?? 0) + 1);
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  const factsBySentence = new Map<number, AnchoredFact[]>();
  for (const f of story.facts) factsBySentence.set(f.sentence, [...(factsBySentence.get(f.sentence) ?? []), f]);
  const meaningOptions = { credits: options.meaningCredits, maxSenses: options.meaningSenses, lightSenses: options.lightSenses, storySenses: options.storySenses };
  const tables = prebuilt?.meaningTables ?? meaningTables(surface, meaningOptions, terms.partsOfSpeech);
  const meaning = meaningFrom(tables, meaningOptions);
  return {
    story, options, mini, aliases, sentenceTerms, paragraphTerms, vocabulary, postings, surface, nameWords, nameParts, initialisms, meaning, meaningTables: tables, analyses, wordTerms,
    factsBySentence, factsById: new Map(story.facts.map((f) => [f.id, f])), factTerms,
  };
}
