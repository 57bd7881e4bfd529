import { type LexiconData, SATELLITE } from './format.ts';
import { Memo } from '../memo.ts';
import { FUNCTION_WORDS } from './function-words.ts';
import { normalizeWord, ruleBases } from './morphy.ts';
import {
  type Antonym, type AntonymVia, LEX_FILES, type Lemma, type LexFile, POINTER_ID, POS_LIST, type Pos, type Related,
  type Relation, RELATIONS, type Sense,
} from './types.ts';

/** Options of `related`. */
export interface RelatedOptions {
  /** How many of the lemma's senses (per part of speech, most frequent first) to follow; default 3. */
  readonly maxSenses?: number;
  /** Which relations to report; default all. */
  readonly relations?: readonly Relation[];
}

const RELATION_OF_POINTER: ReadonlyMap<number, Relation> = new Map([
  [POINTER_ID.derivation, 'derivation'],
  [POINTER_ID.pertainym, 'pertainym'],
  [POINTER_ID.similar, 'similar'],
  [POINTER_ID.hypernym, 'hypernym'],
  [POINTER_ID.hyponym, 'hyponym'],
  [POINTER_ID.instanceHypernym, 'instance'],
]);

const VIA_ORDER: readonly AntonymVia[] = ['direct', 'similar', 'derivation'];

/** A word of a synset, as found by following pointers. */
interface WordRef {
  readonly word: number;
  readonly pos: number;
  readonly synset: number;
}

/**
 * WordNet 3.1 lookups over compiled lexicon data. Every method is pure over the data, case-insensitive, and takes
 * multi-word lemmas with spaces (underscores are accepted too). The data is read on the first call only.
 */
export class Lexicon {
  #data: LexiconData | undefined;
  readonly #load: () => LexiconData;
  /** Memoised `lemmas`, `antonyms` and `isWord` (the data never changes). */
  readonly #lemmaMemo = new Memo<readonly Lemma[]>(MEMO_LIMIT);
  readonly #antonymMemo = new Memo<readonly Antonym[]>(MEMO_LIMIT);
  readonly #wordMemo = new Memo<boolean>(MEMO_LIMIT);

  /** `load` is called once, on the first lookup. */
  constructor(load: () => LexiconData) {
    this.#load = load;
  }

  get #d(): LexiconData {
    this.#data ??= this.#load();
    return this.#data;
  }

  /** Whether the data has been loaded. */
  get loaded(): boolean {
    return this.#data !== undefined;
  }

  /**
   * The WordNet base forms of a word form with their part of speech, morphy style: the form itself when it is
   * a lemma, its irregular base forms (went → go, children → child, better → good), else the detachment rules
   * (publishers → publisher, greeted → greet, strongest → strong, stopped → stop). In a multi-word form the
   * first or last word is lemmatised (picked up → pick up, prime ministers → prime minister). Only lemmas
   * WordNet has; most common first (SemCor counts), the form itself before derived forms on a tie.
   */
  lemmas(word: string): readonly Lemma[] {
    return this.#lemmaMemo.get(word, () => this.#lemmas(word));
  }

  #lemmas(word: string): readonly Lemma[] {
    const w = normalizeWord(word);
    if (!w) return [];
    const found = this.#candidates(w);
    if (w.includes(' ')) {
      const tokens = w.split(' ');
      const first = tokens[0]!;
      const last = tokens[tokens.length - 1]!;
      const rest = tokens.slice(1).join(' ');
      const head = tokens.slice(0, -1).join(' ');
      for (const c of this.#candidates(first).values()) if (c.source > 0) this.#addIfLemma(found, `${this.#d.words.at(c.word)} ${rest}`, c.pos, 2);
      for (const c of this.#candidates(last).values()) if (c.source > 0) this.#addIfLemma(found, `${head} ${this.#d.words.at(c.word)}`, c.pos, 2);
    }
    const count = (c: Candidate) => this.#d.wordPosCount[c.word * 4 + c.pos]!;
    return [...found.values()]
      .sort((a, b) => count(b) - count(a) || a.source - b.source || a.pos - b.pos)
      .map((c) => ({ lemma: this.#d.words.at(c.word), pos: POS_LIST[c.pos]! }));
  }

  /**
   * Whether a word is English: an inflection of a WordNet lemma, or a function word (pronoun, determiner,
   * preposition, conjunction, auxiliary). A possessive 's is ignored; a hyphenated compound WordNet lacks is a
   * word when each part is (arms-for-food). Tells typos and unknown names
   * ("pyongayng", "blinken") from real words; names WordNet knows (Japan, Pyongyang) count as words.
   */
  isWord(word: string): boolean {
    return this.#wordMemo.get(word, () => this.#isWord(word));
  }

  #isWord(word: string): boolean {
    const w = normalizeWord(word);
    if (!w) return false;
    if (FUNCTION_WORDS.has(w)) return true;
    const bare = w.replace(/'s?$/, '');
    if (bare === '') return false;
    if (FUNCTION_WORDS.has(bare) || this.lemmas(bare).length > 0) return true;
    const parts = bare.split('-');
    return parts.length > 1 && parts.every((p) => p !== '' && (FUNCTION_WORDS.has(p) || this.lemmas(p).length > 0));
  }

  /**
   * A lemma's senses (synsets), each with its lexicographer file and whether it is an instance (a particular
   * place, person, organisation: Japan, Kremlin). Within a part of speech in WordNet's frequency order; parts of
   * speech most common first (SemCor counts; n, v, a, r on a tie). Empty for a word that is not a lemma: pass
   * a base form (see `lemmas`).
   */
  senses(lemma: string, pos?: Pos): Sense[] {
    const w = this.#wordId(normalizeWord(lemma));
    if (w < 0) return [];
    return this.#posOrder(w, pos).flatMap((p) => this.#senseIds(w, p).map((s, i) => this.#sense(s, i + 1)));
  }

  /**
   * Lemmas related to a lemma through its first `maxSenses` senses (default 3) of each part of speech (or of
   * `pos`): `synonym` (same synset), `derivation` (derivationally related forms: publish → publisher,
   * publication), `pertainym` (russian → russia; adverbs: quickly → quick), `similar` (adjective clusters),
   * `hypernym` and `hyponym` (one level; instances are not listed as hyponyms), `instance` (what an instance
   * is an instance of: japan → asian country). Each lemma is reported once per relation and part of speech,
   * from the best-ranked sense; ordered by part of speech, sense rank, then relation.
   */
  related(lemma: string, pos?: Pos, options: RelatedOptions = {}): Related[] {
    const name = normalizeWord(lemma);
    const w = this.#wordId(name);
    if (w < 0) return [];
    const maxSenses = options.maxSenses ?? 3;
    const wanted = new Set(options.relations ?? RELATIONS);
    const seen = new Set<string>();
    const out: Related[] = [];
    for (const p of this.#posOrder(w, pos)) {
      this.#senseIds(w, p).slice(0, maxSenses).forEach((s, i) => {
        const found: { ref: WordRef; relation: Relation }[] = [];
        if (wanted.has('synonym')) {
          for (const m of this.#members(s)) found.push({ ref: { word: m, pos: p, synset: s }, relation: 'synonym' });
        }
        for (const { kind, ref } of this.#pointers(s, w)) {
          const relation = RELATION_OF_POINTER.get(kind);
          if (relation && wanted.has(relation)) found.push({ ref, relation });
        }
        found.sort((a, b) => RELATIONS.indexOf(a.relation) - RELATIONS.indexOf(b.relation));
        for (const { ref, relation } of found) {
          if (ref.word === w && ref.pos === p) continue;
          const key = `${ref.word}:${ref.pos}:${relation}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ lemma: this.#d.words.at(ref.word), pos: POS_LIST[ref.pos]!, relation, sense: i + 1 });
        }
      });
    }
    return out;
  }

  /**
   * A lemma's antonyms over all its senses: `direct` (WordNet's antonym pointers: rise ↔ fall); for adjectives
   * `similar`, through the cluster head (a satellite such as fragile is similar to weak, whose antonym is
   * strong; and strong's antonym weak has satellites such as fragile); `derivation`, antonyms of derivationally
   * related forms (a verb whose noun has an antonym), with that antonym's own forms in the queried part of
   * speech; for an adverb without antonyms of its own, those of the adjective it pertains to (warmly → warm).
   * Each lemma once, direct first, then by sense rank.
   */
  antonyms(lemma: string, pos?: Pos): readonly Antonym[] {
    return this.#antonymMemo.get(`${lemma}|${pos ?? ''}`, () => this.#antonyms(lemma, pos));
  }

  #antonyms(lemma: string, pos?: Pos): readonly Antonym[] {
    const name = normalizeWord(lemma);
    const w = this.#wordId(name);
    if (w < 0) return [];
    const found: { ref: WordRef; via: AntonymVia; sense: number }[] = [];
    const antonymsOf = (word: number, synset: number) =>
      this.#pointers(synset, word).filter((x) => x.kind === POINTER_ID.antonym).map((x) => x.ref);
    // An adjective sense's antonyms: its own, and through its cluster.
    const adjective = (word: number, s: number, sense: number) => {
      const direct = antonymsOf(word, s);
      for (const ref of direct) found.push({ ref, via: 'direct', sense });
      if (this.#d.synPos[s]! & SATELLITE) {
        for (const head of this.#pointers(s, -1).filter((x) => x.kind === POINTER_ID.similar)) {
          for (const m of this.#members(head.ref.synset)) {
            for (const ref of antonymsOf(m, head.ref.synset)) found.push({ ref, via: 'similar', sense });
          }
        }
      } else {
        for (const opposite of direct) {
          for (const sat of this.#pointers(opposite.synset, -1).filter((x) => x.kind === POINTER_ID.similar)) {
            for (const m of this.#members(sat.ref.synset)) found.push({ ref: { ...sat.ref, word: m }, via: 'similar', sense });
          }
        }
      }
    };
    for (const p of this.#posOrder(w, pos)) {
      this.#senseIds(w, p).forEach((s, i) => {
        const sense = i + 1;
        const own = p === POS_LIST.indexOf('a') ? [] : antonymsOf(w, s);
        if (p === POS_LIST.indexOf('a')) adjective(w, s, sense);
        else for (const ref of own) found.push({ ref, via: 'direct', sense });
        // An adverb with no antonym of its own opposes what its adjective opposes ("warmly": warm ↔ cold).
        if (p === POS_LIST.indexOf('r') && !own.length) {
          for (const adj of this.#pointers(s, w).filter((x) => x.kind === POINTER_ID.pertainym && x.ref.pos === POS_LIST.indexOf('a'))) {
            adjective(adj.ref.word, adj.ref.synset, sense);
          }
        }
        for (const d of this.#pointers(s, w).filter((x) => x.kind === POINTER_ID.derivation)) {
          for (const opposite of antonymsOf(d.ref.word, d.ref.synset)) {
            found.push({ ref: opposite, via: 'derivation', sense });
            for (const back of this.#pointers(opposite.synset, opposite.word)) {
              if (back.kind === POINTER_ID.derivation && back.ref.pos === p) found.push({ ref: back.ref, via: 'derivation', sense });
            }
          }
        }
      });
    }
    found.sort((a, b) => VIA_ORDER.indexOf(a.via) - VIA_ORDER.indexOf(b.via) || a.sense - b.sense);
    const seen = new Set<string>();
    const out: Antonym[] = [];
    for (const { ref, via, sense } of found) {
      const key = `${ref.word}:${ref.pos}`;
      if (ref.word === w || seen.has(key)) continue;
      seen.add(key);
      out.push({ lemma: this.#d.words.at(ref.word), pos: POS_LIST[ref.pos]!, via, sense });
    }
    return out;
  }

  /**
   * The multi-word lemmas that start with a word ("put" → put out, put up…; "prime" → prime minister…), as
   * word arrays, in alphabetical order. The word is taken as given: pass a base form.
   */
  collocations(first: string): string[][] {
    const prefix = `${normalizeWord(first)} `;
    if (prefix === ' ') return [];
    const words = this.#d.words;
    const out: string[][] = [];
    for (let i = words.lowerBound(prefix); i < words.length; i++) {
      const word = words.at(i);
      if (!word.startsWith(prefix)) break;
      out.push(word.split(' '));
    }
    return out;
  }

  /**
   * Whether some sense of a lemma (of `pos`, default noun) is a kind or an instance of the given category,
   * following hypernym and instance-hypernym pointers all the way up (japan → country, paris → city,
   * newspaper → press). Only the first `maxSenses` senses (default 3) are tried.
   */
  isA(lemma: string, category: string, pos: Pos = 'n', maxSenses = 3): boolean {
    const w = this.#wordId(normalizeWord(lemma));
    const c = this.#wordId(normalizeWord(category));
    if (w < 0 || c < 0) return false;
    const p = POS_LIST.indexOf(pos);
    const targets = new Set(this.#senseIds(c, p));
    const seen = new Set<number>();
    const queue = this.#senseIds(w, p).slice(0, maxSenses);
    while (queue.length > 0) {
      const s = queue.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      if (targets.has(s)) return true;
      for (const x of this.#pointers(s, -1)) {
        if (x.kind === POINTER_ID.hypernym || x.kind === POINTER_ID.instanceHypernym) queue.push(x.ref.synset);
      }
    }
    return false;
  }

  // ── internals ──────────────────────────────────────────────────────────────

  /** Word number of a normalised word, or -1. */
  #wordId(w: string): number {
    return this.#d.words.indexOf(w);
  }

  #senseIds(w: number, p: number): number[] {
    const d = this.#d;
    return Array.from(d.senseList.subarray(d.wordPosStart[w * 4 + p]!, d.wordPosStart[w * 4 + p + 1]!));
  }

  /** The parts of speech (numbers) in which w is a lemma, most common first, or just `pos`. */
  #posOrder(w: number, pos?: Pos): number[] {
    const d = this.#d;
    const all = pos ? [POS_LIST.indexOf(pos)] : [0, 1, 2, 3];
    return all
      .filter((p) => d.wordPosStart[w * 4 + p + 1]! > d.wordPosStart[w * 4 + p]!)
      .sort((a, b) => d.wordPosCount[w * 4 + b]! - d.wordPosCount[w * 4 + a]! || a - b);
  }

  #members(s: number): number[] {
    const d = this.#d;
    return Array.from(d.synWords.subarray(d.synWordStart[s]!, d.synWordStart[s + 1]!));
  }

  /**
   * A synset's pointers that apply to word `w` (semantic ones, and lexical ones whose source is w; all of them
   * when w is -1), each to every word it reaches.
   */
  #pointers(s: number, w: number): { kind: number; ref: WordRef }[] {
    const d = this.#d;
    const out: { kind: number; ref: WordRef }[] = [];
    const members = this.#members(s);
    for (let i = d.synPtrStart[s]!; i < d.synPtrStart[s + 1]!; i++) {
      const source = d.ptrSource[i]!;
      if (source > 0 && w >= 0 && members[source - 1] !== w) continue;
      const target = d.ptrTarget[i]!;
      const pos = d.synPos[target]! & 3;
      const targetWord = d.ptrTargetWord[i]!;
      const words = targetWord > 0 ? [this.#members(target)[targetWord - 1]!] : this.#members(target);
      for (const word of words) out.push({ kind: d.ptrKind[i]!, ref: { word, pos, synset: target } });
    }
    return out;
  }

  #sense(s: number, rank: number): Sense {
    const d = this.#d;
    const pos = POS_LIST[d.synPos[s]! & 3]!;
    let instance = false;
    for (let i = d.synPtrStart[s]!; i < d.synPtrStart[s + 1]!; i++) if (d.ptrKind[i] === POINTER_ID.instanceHypernym) instance = true;
    return {
      id: `${pos}${String(d.synOffset[s]).padStart(8, '0')}`,
      pos,
      rank,
      lexFile: (LEX_FILES[d.synLex[s]!] ?? 'adj.all') as LexFile,
      instance,
      lemmas: this.#members(s).map((m) => d.words.at(m)),
    };
  }

  #candidates(w: string): Map<string, Candidate> {
    const found = new Map<string, Candidate>();
    const d = this.#d;
    const id = this.#wordId(w);
    for (const [p, pos] of POS_LIST.entries()) {
      if (id >= 0 && this.#isLemma(id, p)) add(found, { word: id, pos: p, source: 0 });
      const irregular = (d.irregulars[w] ?? []).filter(([, ip]) => ip === p);
      if (irregular.length > 0) {
        for (const [word] of irregular) add(found, { word, pos: p, source: 1 });
      } else if (!w.includes(' ')) {
        for (const base of ruleBases(w, pos)) this.#addIfLemma(found, base, p, 2);
      }
    }
    return found;
  }

  #addIfLemma(found: Map<string, Candidate>, lemma: string, p: number, source: number): void {
    const id = this.#wordId(lemma);
    if (id >= 0 && this.#isLemma(id, p)) add(found, { word: id, pos: p, source });
  }

  #isLemma(w: number, p: number): boolean {
    return this.#d.wordPosStart[w * 4 + p + 1]! > this.#d.wordPosStart[w * 4 + p]!;
  }
}

/** A base-form candidate: word number, part of speech number, and how it was found (0 as is, 1 irregular, 2 rules). */
interface Candidate {
  readonly word: number;
  readonly pos: number;
  readonly source: number;
}

/** Most memoised look-ups a Lexicon keeps per method before starting over. */
const MEMO_LIMIT = 20_000;

function add(found: Map<string, Candidate>, c: Candidate): void {
  const key = `${c.word}:${c.pos}`;
  const old = found.get(key);
  if (!old || c.source < old.source) found.set(key, c);
}
