/** WordNet's four parts of speech: noun, verb, adjective (heads and satellites), adverb. */
export type Pos = 'n' | 'v' | 'a' | 'r';

/** The parts of speech in WordNet's own order; a part of speech's index here is its number in the compiled file. */
export const POS_LIST = ['n', 'v', 'a', 'r'] as const satisfies readonly Pos[];

/**
 * WordNet's lexicographer files, by number (WordNet's `lexnames`): the coarse semantic class of a synset
 * (`noun.person`, `noun.location`, `noun.time`, `verb.motion`, …).
 */
export const LEX_FILES = [
  'adj.all', 'adj.pert', 'adv.all', 'noun.Tops', 'noun.act', 'noun.animal', 'noun.artifact', 'noun.attribute',
  'noun.body', 'noun.cognition', 'noun.communication', 'noun.event', 'noun.feeling', 'noun.food', 'noun.group',
  'noun.location', 'noun.motive', 'noun.object', 'noun.person', 'noun.phenomenon', 'noun.plant', 'noun.possession',
  'noun.process', 'noun.quantity', 'noun.relation', 'noun.shape', 'noun.state', 'noun.substance', 'noun.time',
  'verb.body', 'verb.change', 'verb.cognition', 'verb.communication', 'verb.competition', 'verb.consumption',
  'verb.contact', 'verb.creation', 'verb.emotion', 'verb.motion', 'verb.perception', 'verb.possession', 'verb.social',
  'verb.stative', 'verb.weather', 'adj.ppl',
] as const satisfies readonly string[];

/** A lexicographer file name, e.g. `noun.location`. */
export type LexFile = (typeof LEX_FILES)[number];

/**
 * The WordNet pointers the compiled file keeps, by number. `lexical` pointers link two particular words
 * (derivation, pertainym, antonym); the others link whole synsets.
 */
export const POINTERS = [
  { symbol: '!', name: 'antonym' },
  { symbol: '@', name: 'hypernym' },
  { symbol: '@i', name: 'instanceHypernym' },
  { symbol: '~', name: 'hyponym' },
  { symbol: '~i', name: 'instanceHyponym' },
  { symbol: '+', name: 'derivation' },
  { symbol: '\\', name: 'pertainym' },
  { symbol: '&', name: 'similar' },
] as const satisfies readonly { symbol: string; name: string }[];

/** A kept pointer's name. */
export type PointerName = (typeof POINTERS)[number]['name'];

/** A pointer's number in the compiled file. */
export const POINTER_ID: Readonly<Record<PointerName, number>> = Object.fromEntries(
  POINTERS.map((p, i) => [p.name, i]),
) as Record<PointerName, number>;

/** A base form of a word form, as `lemmas` returns it. */
export interface Lemma {
  /** The WordNet lemma, lower case, words separated by single spaces ("go", "prime minister"). */
  readonly lemma: string;
  readonly pos: Pos;
}

/** One WordNet sense (synset) of a lemma. */
export interface Sense {
  /** WordNet's synset id: the part of speech and the 8-digit offset in WordNet 3.1 (`n08940154`). */
  readonly id: string;
  readonly pos: Pos;
  /** 1-based rank of this sense among the lemma's senses of this part of speech (WordNet's frequency order). */
  readonly rank: number;
  /** The lexicographer file: the synset's coarse semantic class (`noun.location`). */
  readonly lexFile: LexFile;
  /** Whether the synset is an instance (a particular: Japan, the Kremlin), i.e. it has instance-hypernym pointers. */
  readonly instance: boolean;
  /** Every lemma in the synset, in WordNet's order, the queried one included. */
  readonly lemmas: readonly string[];
}

/** The relations `related` follows. */
export type Relation = 'synonym' | 'derivation' | 'pertainym' | 'similar' | 'hypernym' | 'hyponym' | 'instance';

/** Every relation, in the order `related` reports them. */
export const RELATIONS = [
  'synonym', 'derivation', 'pertainym', 'similar', 'hypernym', 'hyponym', 'instance',
] as const satisfies readonly Relation[];

/** A lemma related to the queried one. */
export interface Related {
  readonly lemma: string;
  readonly pos: Pos;
  readonly relation: Relation;
  /** 1-based rank of the queried lemma's sense the relation came from (the best, when several do). */
  readonly sense: number;
}

/** How an antonym was reached. */
export type AntonymVia =
  /** WordNet's antonym pointer between the two words. */
  | 'direct'
  /**
   * Through an adjective cluster: a satellite (fragile) is similar to a head (weak) whose antonym is the other
   * word (strong), or the other way round; satellites of two opposed heads are not paired.
   */
  | 'similar'
  /** Through derivation: a derivationally related form of the word (praise n) has the antonym, or a form of it. */
  | 'derivation';

/** An antonym of the queried lemma. */
export interface Antonym {
  readonly lemma: string;
  readonly pos: Pos;
  readonly via: AntonymVia;
  /** 1-based rank of the queried lemma's sense it came from (the best, when several do). */
  readonly sense: number;
}
