import { tokenize } from '../text/terms.ts';

/**
 * Where a question's missing piece would stand if the question were said as a statement: the question's
 * words just before that gap and just after it. "What are longer growth spells associated with?" says
 * "longer growth spells are associated with ___": the answer follows "associated with" in the passage.
 * "What causes X?" says "___ causes X": the answer stands just before "causes". "… the production of what?"
 * keeps its gap where the question word is. Read from the question's words alone (English word order), so
 * it costs nothing per story.
 */
export interface Gap {
  /** Lower-case question words just before the gap, in order (empty when the gap opens the statement). */
  before: string[];
  /** Lower-case question words just after the gap, in order (empty when the gap ends the statement). */
  after: string[];
}

const WH = new Set(['what', 'which', 'who', 'whom', 'whose']);
const AUX = new Set(['did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must']);
const COPULA = new Set(['is', 'was', 'are', 'were']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'by', 'for', 'from', 'to', 'of', 'with', 'during', 'into', 'under', 'after', 'before', 'since', 'through', 'about', 'against', 'between', 'among', 'as']);
const SUBORDINATE = new Set(['that', 'which', 'who', 'whom', 'whose', 'if', 'when', 'where', 'because', 'while', 'although', 'unless', 'whether']);
/** How many words a side of the gap holds: two, so that a preposition comes with the word it belongs to ("associated with"). */
const SIDE = 2;

/**
 * The gap of a wh-question, or undefined when its statement order is not clear from the words alone
 * ("what is X": X may stand on either side of the copula).
 * `isVerb` tells whether a word is likeliest read as a verb (WordNet's first sense).
 */
export function gapOf(question: string, isVerb: (word: string) => boolean): Gap | undefined {
  // A clause before a comma ("In addition to X, what is …") is not part of the question's statement.
  const words = tokenize(question.slice(question.lastIndexOf(',', Math.max(0, question.search(/\b(?:what|which|who|whom|whose)\b/i))) + 1)).map((w) => w.toLowerCase());
  const at = words.findIndex((w) => WH.has(w));
  if (at < 0) return undefined;
  const leading = words.slice(0, at);
  if (leading.length && !(leading.length === 1 && PREPOSITIONS.has(leading[0]!))) {
    // A question word after the question's own words ("… the production of what?", "Clergy serve as what?"):
    // the gap is where it stands. Only "what": a "which" or "who" there is likelier a relative pronoun.
    const what = words.indexOf('what', at);
    if (what < 0) return undefined;
    // "requires what type of time": the words after belong to the question word's own phrase.
    const next = words[what + 1];
    const after = next && PREPOSITIONS.has(next) ? words.slice(what + 1, what + 1 + SIDE) : [];
    return { before: words.slice(Math.max(0, what - SIDE), what), after };
  }
  // The question word's phrase: "what", or "what gauge of rail lines" up to its auxiliary, when one follows within a few words.
  const aux = words.findIndex((w, i) => i > at && i <= at + 5 && (AUX.has(w) || COPULA.has(w)));
  if (aux < 0) {
    // "What causes X": the gap is the subject, before the question's verb (a verb right after the
    // question word; "what acquired condition results in" is not read).
    const next = words[at + 1];
    return next && isVerb(next) ? { before: [], after: words.slice(at + 1, at + 1 + SIDE) } : undefined;
  }
  const rest = words.slice(aux + 1);
  // A clause inside the rest ("an instance that X fails to answer", "… if the bounds were relaxed"): its
  // last words are that clause's, not the statement's.
  if (!rest.length || rest.some((w) => SUBORDINATE.has(w))) return undefined;
  if (COPULA.has(words[aux]!)) {
    // "What is set up to scrutinize …": a passive whose subject is asked, before the copula's participle.
    if (isVerb(rest[0]!)) return { before: [], after: rest.slice(0, SIDE) };
    // "What is X associated with?", "what was X known as": the gap ends the statement, after its last words.
    const end = rest.at(-1)!;
    if (PREPOSITIONS.has(end) || isVerb(end)) return { before: rest.slice(-SIDE), after: [] };
    return undefined;
  }
  // "What did Lady Gaga sing?", "what do unequal societies tend to be?": the object, after the last words,
  // when they leave it stranded (a verb or a preposition last); "what did X present in 2009" does not say where.
  const last = rest.at(-1)!;
  return PREPOSITIONS.has(last) || isVerb(last) ? { before: rest.slice(-SIDE), after: [] } : undefined;
}
