import { lexicon as sharedLexicon, type Antonym, type Lexicon, type Pos, type Relation } from '../lexicon/index.ts';
import { Memo } from '../memo.ts';
import { PARAPHRASE_GROUPS } from './paraphrase.ts';
import { STOPWORDS, termsOf } from './terms.ts';

/**
 * Word meaning as one story needs it, from WordNet (src/lexicon): which of the story's own terms a
 * reader's word may stand for (a synonym, a derivation, an adjective for its noun), which story word
 * means its opposite, and whether a word is English at all. The story's words are indexed by lemma once;
 * a question word then costs a few look-ups.
 */
export interface Meaning {
  /** Whether the word is an English word (so an unknown one is a name or a typo). */
  isWord(word: string): boolean;
  /** The story terms related to a word, each with the credit a match through it earns (below 1). */
  storyTermsFor(word: string): ReadonlyMap<string, number>;
  /**
   * A word of the given term set that means the opposite of `word` ("praised" for "criticized"), or null.
   * `strict`: only WordNet's own antonyms and adjective clusters, through the first `maxSenses` senses, of
   * the word itself (no antonyms of derived forms or of its synonyms, no rare senses).
   */
  antonymsIn(word: string, terms: ReadonlySet<string>, strict?: boolean): string | null;
  /**
   * The story terms that name a kind of what the word names (WordNet hyponyms, one level, through the word's
   * first senses): what the story says of a "newspaper" it says of a "paper", so a claim with the more
   * general word states no more than the story does.
   */
  narrowerTerms(word: string): ReadonlySet<string>;
  /** Whether the word is only ever an adverb ("personally", "really"): not an element a claim must match. */
  isAdverbOnly(word: string): boolean;
  /** How many senses WordNet gives the word (all parts of speech): a very polysemous word says little on its own. */
  senseCount(word: string): number;
  /** Whether the word's likeliest reading is a noun (or it is not in WordNet at all). */
  isNounFirst(word: string): boolean;
  /** Whether the word's likeliest reading is a verb ("ran", "runs"). */
  isVerbFirst(word: string): boolean;
  /** Whether the word's likeliest reading is a particular place, person or organisation (a WordNet instance: "texas", "moscow"), a name even typed in lower case. */
  isNameFirst(word: string): boolean;
  /** Whether two words, as typed, are a multi-word verb WordNet knows ("puts out", "picked up"). */
  isVerbPhrase(phrase: string): boolean;
  /** The parts of speech in which words, as typed, are one multi-word lemma WordNet knows ("last name": n, "in question": a); empty when they are none. */
  expressionPos(phrase: string): Pos[];
}

/** Credits for matches through a relation, by how close the meaning stays. */
export type MeaningCredits = Readonly<Record<Exclude<Relation, 'instance'> | 'ancestor' | 'paraphrase', number>>;

/** What `storyMeaning` needs from the engine options. */
export interface MeaningOptions {
  /** Credit per relation (0 turns a relation off). */
  credits: MeaningCredits;
  /** How many senses of a word (most frequent first) to follow. */
  maxSenses: number;
  /** A story word with this many senses or more ("make", "take") is never reached as a synonym, similar word or hypernym of another. */
  lightSenses: number;
  /** How many senses of a story word (most frequent first) a reader's word may be a synonym in (0: none beyond `maxSenses` of the reader's word). */
  storySenses: number;
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/**
 * The story-side tables word meaning looks question words up in, as plain data (lemma → story terms):
 * the costly part of `storyMeaning` (every story word's WordNet lemmas, derivations and ancestors), so an
 * index can be stored with them and loaded without asking WordNet again.
 */
export interface MeaningTables {
  /** lemma|pos → the story terms used in that part of speech. */
  byLemmaPos: Map<string, Set<string>>;
  /** lemma → the story terms of the words with that lemma (and the word itself, for names WordNet lacks). */
  byLemma: Map<string, Set<string>>;
  /** story term → the lemmas it stands for. */
  lemmasByTerm: Map<string, Set<string>>;
  /** lemma → the story terms of words derived from it ("arrive" → arrival). */
  byDerived: Map<string, Set<string>>;
  /** noun lemma → the story terms of adjectives that pertain to it ("argentina" → Argentine). */
  byPertained: Map<string, Set<string>>;
  /** lemma → the story terms of nouns it is a near ancestor of. */
  byAncestor: Map<string, Set<string>>;
  /** lemma|pos → the story terms whose likeliest senses (storySenses) have it as a synonym. */
  bySynonym: Map<string, Set<string>>;
}

/** Builds the meaning tables of one story from its lower-case words (each with its index terms). */
export function meaningTables(storyWords: ReadonlyMap<string, readonly string[]>, options: MeaningOptions, partsOfSpeech: ReadonlyMap<string, ReadonlySet<string>> = new Map(), lex: Lexicon = sharedLexicon): MeaningTables {
  // lemma|pos → the story terms used in that part of speech: a synonym must be one in the same part of
  // speech ("marry" is "tie" as a verb, not the "ties" between countries).
  const byLemmaPos = new Map<string, Set<string>>();
  // lemma → the story terms of the words with that lemma (and the word itself, for names WordNet lacks).
  const byLemma = new Map<string, Set<string>>();
  const lemmasByTerm = new Map<string, Set<string>>();
  const add = (key: string, terms: readonly string[]) => {
    let set = byLemma.get(key);
    if (!set) byLemma.set(key, (set = new Set()));
    for (const t of terms) {
      set.add(t);
      let back = lemmasByTerm.get(t);
      if (!back) lemmasByTerm.set(t, (back = new Set()));
      back.add(key);
    }
  };
  // Derivations of the story's words ("arrival" → arrive), so a question's verb finds the story's noun.
  const byDerived = new Map<string, Set<string>>();
  // The nouns the story's adjectives pertain to ("Argentine" → argentina), so a question's noun finds the story's adjective.
  const byPertained = new Map<string, Set<string>>();
  // Near ancestors of the story's nouns ("article" → nonfiction → writing), so a question's verb whose
  // derivation is that ancestor ("wrote" → writing) finds them, with the lowest credit.
  const byAncestor = new Map<string, Set<string>>();
  // Synonyms in the story word's own likeliest senses, by lemma|pos: the story disambiguates, so a reader's
  // word that is a rarer sense of itself ("paper" for a newspaper) still finds it.
  const bySynonym = new Map<string, Set<string>>();
  for (const [word, terms] of storyWords) {
    if (STOPWORDS.has(word)) continue;
    add(word, terms);
    const lemmaList = lex.lemmas(word);
    const used = partsOfSpeech.get(word);
    for (const l of lemmaList) {
      if ((!used || used.has(l.pos)) && lex.senses(l.lemma, l.pos).length < options.lightSenses) {
        const key = `${l.lemma}|${l.pos}`;
        let set = byLemmaPos.get(key);
        if (!set) byLemmaPos.set(key, (set = new Set()));
        for (const t of terms) set.add(t);
      }
      if (l.pos === 'n' && options.credits.ancestor > 0) {
        let level = [l.lemma];
        for (let depth = 0; depth < 2; depth++) {
          const next = level.flatMap((x) => lex.related(x, 'n', { maxSenses: 1, relations: ['hypernym'] }).map((r) => r.lemma));
          for (const a of next) {
            let set = byAncestor.get(a);
            if (!set) byAncestor.set(a, (set = new Set()));
            for (const t of terms) set.add(t);
          }
          level = next;
        }
      }
      add(l.lemma, terms);
      if ((!used || used.has(l.pos)) && options.storySenses > 0 && options.credits.synonym > 0) {
        for (const r of lex.related(l.lemma, l.pos, { maxSenses: options.storySenses, relations: ['synonym'] })) {
          const key = `${r.lemma}|${r.pos}`;
          let set = bySynonym.get(key);
          if (!set) bySynonym.set(key, (set = new Set()));
          for (const t of terms) set.add(t);
        }
      }
      for (const r of lex.related(l.lemma, l.pos, { maxSenses: options.maxSenses, relations: ['derivation'] })) {
        let set = byDerived.get(r.lemma);
        if (!set) byDerived.set(r.lemma, (set = new Set()));
        for (const t of terms) set.add(t);
      }
      if (l.pos === 'a' && options.credits.pertainym > 0) {
        for (const r of lex.related(l.lemma, l.pos, { maxSenses: options.maxSenses, relations: ['pertainym'] })) {
          let set = byPertained.get(r.lemma);
          if (!set) byPertained.set(r.lemma, (set = new Set()));
          for (const t of terms) set.add(t);
        }
      }
    }
  }
  return { byLemmaPos, byLemma, lemmasByTerm, byDerived, byPertained, byAncestor, bySynonym };
}

/**
 * Builds the meaning map of one story from its lower-case words (each with its index terms). Results for
 * question words are cached per story, so a repeated word costs one map look-up.
 */
export function storyMeaning(storyWords: ReadonlyMap<string, readonly string[]>, options: MeaningOptions, partsOfSpeech: ReadonlyMap<string, ReadonlySet<string>> = new Map(), lex: Lexicon = sharedLexicon): Meaning {
  return meaningFrom(meaningTables(storyWords, options, partsOfSpeech, lex), options, lex);
}

/**
 * Negative prefixes of English: `un` and `non` make an opposite of any word ("unknown", "nonbinary"); `in`,
 * `im`, `il`, `ir` and `dis` only of an adjective or adverb ("indefinite", "irrelevant", "dishonest"), since as
 * parts of nouns and verbs they mostly are not negations ("income", "dispatch").
 */
const NEGATIVE_PREFIXES: readonly { prefix: string; describing: boolean }[] = [
  { prefix: 'non-', describing: false }, { prefix: 'non', describing: false }, { prefix: 'un', describing: false },
  { prefix: 'in', describing: true }, { prefix: 'im', describing: true }, { prefix: 'il', describing: true }, { prefix: 'ir', describing: true }, { prefix: 'dis', describing: true },
];

/**
 * Prefixes that set words against each other on the same base: one pole or many ("unipolar" / "multipolar"),
 * before or after ("prewar" / "postwar"), within or between ("intrastate" / "interstate"), too much or too little.
 */
const CONTRASTING_PREFIXES: readonly (readonly [readonly string[], readonly string[]])[] = [
  [['uni', 'mono'], ['multi', 'poly', 'bi']], [['pre'], ['post']], [['intra'], ['inter']], [['over'], ['under']], [['micro'], ['macro']], [['hyper'], ['hypo']],
];
/** Each contrasting prefix with the prefixes set against it. */
const CONTRASTS: ReadonlyMap<string, readonly string[]> = new Map(
  CONTRASTING_PREFIXES.flatMap(([a, b]) => [...a.map((p) => [p, b] as const), ...b.map((p) => [p, a] as const)]),
);

/**
 * An adjective WordNet has with a contrasting prefix swapped for the other ("unipolar" → multipolar, multi-polar;
 * the base a WordNet lemma of four letters or more). The swapped word need not be WordNet's: it is only ever
 * looked for among the story's words.
 */
export function contrastingForms(lex: Lexicon, lemma: string): string[] {
  if (lex.lemmas(lemma)[0]?.pos !== 'a' || !lex.lemmas(lemma).some((l) => l.lemma === lemma)) return [];
  const out: string[] = [];
  for (const [prefix, others] of CONTRASTS) {
    if (!lemma.startsWith(prefix)) continue;
    const base = lemma.slice(prefix.length);
    if (base.length < 4 || !lex.lemmas(base).some((l) => l.lemma === base)) continue;
    for (const o of others) out.push(o + base, `${o}-${base}`);
  }
  return out;
}

/** WordNet lemmas that are the lemma with a negative prefix added or taken off (both real words, the base at least four letters). */
export function negativePairs(lex: Lexicon, lemma: string): string[] {
  const describing = (w: string) => { const pos = lex.lemmas(w)[0]?.pos; return pos === 'a' || pos === 'r'; };
  const isLemma = (w: string) => lex.lemmas(w).some((l) => l.lemma === w);
  const out: string[] = [];
  for (const { prefix, describing: only } of NEGATIVE_PREFIXES) {
    // "non-" with its hyphen goes on any word, so it is only ever taken off (the story's word has it or the reader's does).
    const pairs: [string, string][] = prefix === 'non-' ? [] : [[lemma, prefix + lemma]];
    if (lemma.startsWith(prefix)) pairs.push([lemma.slice(prefix.length), lemma]);
    for (const [base, negated] of pairs) {
      // Written solid, the negated word must be one WordNet has.
      if (base.length < 4 || !isLemma(base) || (prefix !== 'non-' && !isLemma(negated))) continue;
      if (only && !(describing(base) && describing(negated))) continue;
      out.push(base === lemma ? negated : base);
    }
  }
  return out;
}

/** Word meaning from a story's tables (built by `meaningTables`, or loaded with a stored index). */
export function meaningFrom(tables: MeaningTables, options: MeaningOptions, lex: Lexicon = sharedLexicon): Meaning {
  const { byLemmaPos, byLemma, lemmasByTerm, byDerived, byPertained, byAncestor, bySynonym } = tables;
  const relations = (Object.entries(options.credits) as [Relation | 'ancestor' | 'paraphrase', number][]).filter(([r, c]) => c > 0 && r !== 'ancestor' && r !== 'paraphrase').map(([r]) => r as Relation);
  const lemmasOf = (word: string) => {
    const ls = lex.lemmas(word).map((l) => l.lemma);
    return ls.length ? [...new Set(ls)] : [word];
  };
  // The general paraphrase groups, by member lemma.
  const groupsOf = new Map<string, string[]>();
  if (options.credits.paraphrase > 0) {
    for (const group of PARAPHRASE_GROUPS) for (const w of group) groupsOf.set(w, [...(groupsOf.get(w) ?? []), ...group]);
  }
  const cache = new Memo<ReadonlyMap<string, number>>(5_000);
  const storyTermsFor = (word: string): ReadonlyMap<string, number> => {
    const w = word.toLowerCase();
    return cache.get(w, () => relatedStoryTerms(w));
  };
  const relatedStoryTerms = (w: string): ReadonlyMap<string, number> => {
    const out = new Map<string, number>();
    const own = new Set(termsOf(w));
    for (const l of lex.lemmas(w)) {
      for (const t of bySynonym.get(`${l.lemma}|${l.pos}`) ?? []) if (!own.has(t) && (out.get(t) ?? 0) < options.credits.synonym) out.set(t, options.credits.synonym);
    }
    for (const lemma of lemmasOf(w)) {
      // The word's own lemma may be a story word under another form ("went" → go).
      for (const t of byLemma.get(lemma) ?? []) if (!own.has(t)) out.set(t, Math.max(out.get(t) ?? 0, 0.95));
      for (const t of byDerived.get(lemma) ?? []) if (!own.has(t) && (out.get(t) ?? 0) < options.credits.derivation) out.set(t, options.credits.derivation);
      for (const t of byPertained.get(lemma) ?? []) if (!own.has(t) && (out.get(t) ?? 0) < options.credits.pertainym) out.set(t, options.credits.pertainym);
      for (const member of groupsOf.get(lemma) ?? []) {
        for (const t of [...(byLemma.get(member) ?? []), ...(byDerived.get(member) ?? [])]) if (!own.has(t) && (out.get(t) ?? 0) < options.credits.paraphrase) out.set(t, options.credits.paraphrase);
      }
      if (options.credits.ancestor > 0) {
        for (const d of lex.related(lemma, undefined, { maxSenses: 1, relations: ['derivation'] }).map((r) => r.lemma)) {
          for (const t of byAncestor.get(d) ?? []) if (!own.has(t) && (out.get(t) ?? 0) < options.credits.ancestor) out.set(t, options.credits.ancestor);
        }
      }
      for (const r of lex.related(lemma, undefined, { maxSenses: options.maxSenses, relations })) {
        const credit = options.credits[r.relation as keyof MeaningCredits] ?? 0;
        // Derivations and pertainyms cross parts of speech by nature; the other relations stay within one.
        const targets = r.relation === 'derivation' || r.relation === 'pertainym' ? byLemma.get(r.lemma) : byLemmaPos.get(`${r.lemma}|${r.pos}`);
        for (const t of targets ?? []) if (!own.has(t) && (out.get(t) ?? 0) < credit) out.set(t, credit);
        // A synonym's derivation ("land" → arrive → "arrival") counts a little less; longer chains are noise.
        if (r.relation !== 'synonym' && r.relation !== 'hypernym') continue;
        const derived = credit * options.credits.derivation;
        for (const t of byDerived.get(r.lemma) ?? []) if (!own.has(t) && (out.get(t) ?? 0) < derived) out.set(t, derived);
      }
    }
    return out.size ? out : EMPTY;
  };
  // Each story term's lemmas with their antonyms, worked out once per story.
  const strictly = (a: Antonym) => a.via !== 'derivation' && a.sense <= options.maxSenses;
  const termAntonyms = [new Map<string, [string, string[]][]>(), new Map<string, [string, string[]][]>()];
  const antonymsOfTerm = (t: string, strict: boolean) => {
    const cache = termAntonyms[strict ? 1 : 0]!;
    let list = cache.get(t);
    if (!list) cache.set(t, (list = [...lemmasByTerm.get(t) ?? []].map((l) => [l, lex.antonyms(l).filter((a) => !strict || strictly(a)).map((a) => a.lemma)] as [string, string[]]).filter(([, a]) => a.length > 0)));
    return list;
  };
  // Per reader's word, worked out once: its lemmas with their synonyms, and the story terms its forms with a
  // negative prefix added or taken off would have ("uncomplicated" / "complicated"), each with that form.
  const nearCache = new Memo<{ lemmas: string[]; near: Set<string>; negatives: [string, string[]][] }>(5_000);
  const nearOf = (word: string) => nearCache.get(word, () => {
    const lemmas = lemmasOf(word);
    const near = new Set(lemmas.flatMap((l) => [l, ...lex.related(l, undefined, { maxSenses: options.maxSenses, relations: ['synonym', 'similar'] }).map((r) => r.lemma)]));
    const negatives = [word, ...lemmas.filter((l) => l !== word)]
      .flatMap((lemma) => [...negativePairs(lex, lemma), `non-${lemma}`, ...contrastingForms(lex, lemma)])
      .map((other): [string, string[]] => [other, [...byLemma.get(other) ?? [], ...termsOf(other)]]);
    return { lemmas, near, negatives };
  });
  const narrowCache = new Memo<ReadonlySet<string>>(5_000);
  const narrowerTerms = (word: string): ReadonlySet<string> => narrowCache.get(word.toLowerCase(), () => {
    const w = word.toLowerCase();
    const own = new Set(termsOf(w));
    const out = new Set<string>();
    for (const lemma of lemmasOf(w)) {
      for (const r of lex.related(lemma, undefined, { maxSenses: options.maxSenses, relations: ['hyponym'] })) {
        for (const t of byLemmaPos.get(`${r.lemma}|${r.pos}`) ?? []) if (!own.has(t)) out.add(t);
      }
    }
    return out;
  });
  const senseCache = new Memo<number>(5_000);
  const expressionPos = (phrase: string): Pos[] => lex.lemmas(phrase.toLowerCase()).filter((l) => l.lemma.includes(' ')).map((l) => l.pos);
  return {
    isWord: (word) => lex.isWord(word),
    storyTermsFor,
    narrowerTerms,
    antonymsIn: (word, terms, strict = false) => {
      const { lemmas, near, negatives } = nearOf(word.toLowerCase());
      for (const lemma of lemmas) {
        for (const a of lex.antonyms(lemma)) {
          if (strict && !strictly(a)) continue;
          for (const t of byLemma.get(a.lemma) ?? []) if (terms.has(t)) return a.lemma;
        }
      }
      // The other way round: a story word whose antonyms include the word or a synonym of it.
      for (const t of terms) {
        for (const [lemma, opposites] of antonymsOfTerm(t, strict)) for (const a of opposites) if (strict ? lemmas.includes(a) : near.has(a)) return lemma;
      }
      // The word with a negative prefix, or without it ("uncomplicated" / "complicated").
      for (const [other, forms] of negatives) if (forms.some((t) => terms.has(t))) return other;
      return null;
    },
    isAdverbOnly: (word) => {
      const ls = lex.lemmas(word.toLowerCase());
      return ls.length > 0 && ls.every((l) => l.pos === 'r');
    },
    expressionPos,
    isVerbPhrase: (phrase) => expressionPos(phrase).includes('v'),
    isVerbFirst: (word) => lex.lemmas(word.toLowerCase())[0]?.pos === 'v',
    isNameFirst: (word) => {
      const first = lex.lemmas(word.toLowerCase())[0];
      return !!first && lex.senses(first.lemma, first.pos)[0]?.instance === true;
    },
    isNounFirst: (word) => {
      const first = lex.lemmas(word.toLowerCase())[0];
      return !first || first.pos === 'n';
    },
    senseCount: (word) => {
      const w = word.toLowerCase();
      return senseCache.get(w, () => lemmasOf(w).reduce((sum, l) => sum + lex.senses(l).length, 0));
    },
  };
}
