/**
 * Every tunable of the answer engine, in one place, with why it has its value. Values are chosen by
 * `npm run tune -- <option> <values…>`, which prints every dev-set metric for each value; change a
 * default only with such a sweep behind it.
 */
export interface EngineOptions {
  /** Below this answerability (share of the question's weight the best passage covers), the story does not answer. */
  minCoverage: number;
  /** Above this share of the question's weight in words the story never uses, the question is about something else. */
  maxUnknownShare: number;
  /** Coverage above which an unknown name in a question is not enough to abstain (a name the story spells differently). */
  nameOverrideCoverage: number;
  /** Credit of a question word found only elsewhere in the sentence's paragraph. */
  paragraphCredit: number;
  /** Weight of MiniSearch relevance in the ranking score (coverage weighs 1). */
  relevanceWeight: number;
  /** Weight of MiniSearch relevance for the headline (short, so BM25 rates it high on any shared word). */
  headlineRelevance: number;
  /** How many edits away a story word may be for an English word the story does not use to be read as its misspelling (words that are not English get the full allowance by length). */
  englishTypos: number;
  /** Whether MiniSearch's own typo tolerance (fuzzy matching) is used for relevance; the question's typos are corrected before it. */
  searchTypos: boolean;
  /** Share of a fact's MiniSearch score that goes to its sentence. */
  factRelevance: number;
  /** Share of a paragraph's MiniSearch score that goes to each of its sentences. */
  paragraphRelevance: number;
  /** Candidates scoring within this of the best may supply the fact or the short answer. */
  factWindow: number;
  /** A claim must have this share of its weight in one passage for the story to be said to state it. */
  supportCoverage: number;
  /** A claim pins down one event when this many of its words match the passage (so another value there conflicts). */
  eventWords: number;
  /** Below this share of the weight of what a question asks about its names (its predicate) in the best passage, the story does not answer. */
  minPredicateCoverage: number;
  /**
   * A question whose predicate ("sing" in "what did Lady Gaga sing") the story has only loosely ("performed") is
   * still answered when its other words, those its best passage firmly has, stand together in at most this many
   * of the story's sentences: they pin the passage down. A story's main people stand together in many ("how long
   * is putin staying in nk"), and naming them is not enough. 0: never (any loose predicate abstains). The sweep:
   * 1, 2 and 3 lift xquad passage 89.4 → 90.3, 90.7 and 91.2 and raw-stories right 75.4 → 76.3; 4 and more cost
   * story-casual's abstentions (95.3 → 93, below its floor).
   */
  pinnedSentences: number;
  /**
   * A claim pins down the passage's event when this share of its predicate's weight is there; only then can another
   * value conflict. Swept at stop 24 (`npm run tune -- eventCoverage 0.3 0.4 0.45 0.5 0.6`): 0.3 to 0.5 give the
   * same figures, story-casual right 87.7 → 88.3, passage 92.4 → 93.3, source 95.2 → 97.6, verdict 92.5 → 94.3
   * against 0.6 (no other set moves); 0.5 is the least change that has the gain.
   */
  eventCoverage: number;
  /** How a candidate answer's distance from the question's words is measured: from the nearest matched word, or from every matched word, weighted. */
  proximity: 'nearest' | 'every';
  /** Weight factor of the nouns of a question's frame ("what day of the week", "which city"). */
  frameWeight: number;
  /**
   * A name the story never uses, or another of its own names, contradicts a passage only when this share of the
   * claim's predicate is there. Swept at stop 24 (`npm run tune -- namePinCoverage 0.5 0.55 0.6 0.65 0.7 0.8 0.9`):
   * 0.5 to 0.6 give story-casual hard 58.6 → 60.3 against 0.8 ("kim flew to moscow … putin met him at the airport":
   * Russia where the story has Pyongyang), 0.65 to 0.8 none, 0.9 costs raw-stories verdict; 0.6 is the least change.
   */
  namePinCoverage: number;
  /** Credit of a match through WordNet, by relation (0 turns a relation off). */
  meaningCredits: { synonym: number; derivation: number; pertainym: number; similar: number; hypernym: number; hyponym: number; ancestor: number; paraphrase: number };
  /** In a factcheck, a claim word matched with less credit than this (a loose WordNet relation) is not an element the story states. */
  firmCredit: number;
  /**
   * In a factcheck, whether a claim word the passage has only a kind of (WordNet hyponym: "paper" where it says
   * "newspaper") is stated by it: saying something of a newspaper says it of a paper. The other way round ("missiles"
   * for "weapons") claims more than the passage and stays loose.
   */
  claimGeneralizes: boolean;
  /**
   * In a factcheck, how strongly (AFINN valence, 1-5) a claim word the passage lacks and the passage's nearest
   * rated word must judge, in opposite directions, for the claim to be contradicted ("welcomed" where the visit
   * "raised concerns", "condemned" for "commended"); 0 turns the check off.
   */
  opposedValence: number;
  /** How many senses of a word (most frequent first) WordNet relations are followed through. */
  meaningSenses: number;
  /** The sentence frequency a verb, adjective or adverb the story does not firmly have is weighted as (a paraphrase is likely). */
  paraphraseDf: number;
  /** The antonym check (contradictionChecks) applies only when the rest of the question covers this share of the passage's match. */
  turnedCoverage: number;
  /** A question whose asked-about words all stand inside a list of at least this many items in its passage asks about an item the list only names ("what documents did they sign" against "…, document signings, and a media statement"), and is not answered from it (src/answer/list-item.ts); a "how many" question with no figure in its passage, whose words stand outside the passage's one such list, is answered by counting its items. 0 turns both off. The sweep gave 3, 4 and 5 the same gain (story-casual abstains 88.4 → 93) and no loss; 2 also reads "X and Y" as a list and loses an xquad question. */
  listItems: number;
  /** Score taken from a candidate answer that is a source its sentence credits, for a "who" question not about who said it (the source may be who acted too: "…," Messi told reporters after collecting the Golden Ball; never one only cited, "according to …"); other questions never take a source. */
  sourceAnswerPenalty: number;
  /** Which ways a question can say something else than its best passage make the engine abstain: a negation the passage lacks (`negation`), a word whose antonym it uses (`antonym`), an adjective or figure standing where the passage has another between the same words (`substitution`, src/answer/substitution.ts). */
  contradictionChecks: string[];
  /** The kinds of machine-drafted fact whose short answer is used as it is (for the others, the answer is extracted from the passage). */
  draftedFactKinds: string[];
  /** How many senses of a story word (most frequent first) a reader's word counts as its synonym in: the story's word picks the sense ("paper" for its "newspaper"). */
  storySenses: number;
  /** A machine-drafted who- or when-fact's answer (its clause's subject or time): as it is (`fact`), or read against the question's own words first (`verb`): a who-fact where its sentence has the question's own verb ("who tripped X" in "A scored after B tripped X"), a when-fact where it has not ("when is the holiday" in "the government announced on Monday that Tuesday would be a holiday"). */
  draftedAnswers: 'fact' | 'verb';
  /** Score added to a candidate answer that stands right at the question's gap in the passage: just after the words before it ("associated with ___"), or just before the words after it ("___ causes X"); src/answer/gap.ts. 0 turns it off. */
  gapCredit: number;
  /** How many words may stand between the gap's words and a candidate still said to stand at the gap ("associated with the ___"). */
  gapReach: number;
  /** How many words a clause mark (a comma, semicolon, colon, dash or bracket) between a candidate answer and a question word counts for in their distance, so the answer comes from the clause that holds the question's words ("Kawann Short led the team in sacks with 11, while … Thomas Davis …"). 0: words only. */
  clauseWords: number;
  /** Weight factor of a question word with at least lightSenses WordNet senses. */
  lightWeight: number;
  /** A claim word with at least this many WordNet senses says too little on its own to be an element the story must state ("time", "get"). */
  lightSenses: number;
  /**
   * Routing across stories (src/story/route.ts): how many stories, shortlisted by the rare terms they share
   * with the question, the engine answers on. Each costs one answer (about 1 ms) plus, for a story whose
   * index is not in memory, a load from DATA_DIR (a few ms); the right story is almost always in the top 3.
   */
  routeShortlist: number;
  /**
   * Routing: a story is shortlisted only when its rare-term score is at least this share of the best
   * story's. A story lacking the question's rarest words (a name only the best one has) cannot answer it
   * better, and the engine spends several ms on each story that has to say it never mentions a name.
   */
  routeShortlistShare: number;
  /**
   * Routing: when the runner-up answers too and its answerability (1 when found, plus the coverage traced)
   * is within this of the best, the two are a tie and the user picks. 0.1 is a tenth of the question's
   * weight: less than one content word of a typical question.
   */
  routeTieMargin: number;
}

/** The defaults, each chosen by a sweep over all dev sets (see README, "Tuning"). */
export const DEFAULT_OPTIONS: Readonly<EngineOptions> = {
  minCoverage: 0.5,
  maxUnknownShare: 0.6,
  nameOverrideCoverage: 0.7,
  paragraphCredit: 0.35,
  relevanceWeight: 0.25,
  headlineRelevance: 0,
  englishTypos: 2,
  searchTypos: false,
  factRelevance: 0.5,
  paragraphRelevance: 0.2,
  factWindow: 0.15,
  supportCoverage: 0.65,
  eventWords: 3,
  minPredicateCoverage: 0,
  pinnedSentences: 3,
  eventCoverage: 0.5,
  proximity: 'every',
  frameWeight: 0.25,
  namePinCoverage: 0.6,
  meaningCredits: { synonym: 0.85, derivation: 0.85, pertainym: 0.9, similar: 0.7, hypernym: 0.6, hyponym: 0.6, ancestor: 0.5, paraphrase: 0.8 },
  firmCredit: 0.75,
  claimGeneralizes: true,
  opposedValence: 2,
  meaningSenses: 2,
  lightSenses: 15,
  storySenses: 0,
  lightWeight: 1,
  gapCredit: 1,
  gapReach: 2,
  clauseWords: 2,
  paraphraseDf: 1,
  contradictionChecks: ['negation', 'antonym', 'substitution'],
  turnedCoverage: 0.9,
  listItems: 4,
  sourceAnswerPenalty: 0.5,
  draftedAnswers: 'verb',
  draftedFactKinds: ['who', 'when', 'where', 'what', 'why', 'source'],
  routeShortlist: 3,
  routeShortlistShare: 0.5,
  routeTieMargin: 0.1,
};

/** Options with overrides applied. */
export function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return { ...DEFAULT_OPTIONS, ...overrides };
}
