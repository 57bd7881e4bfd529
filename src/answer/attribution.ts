import type { StoryIndex } from '../search/index.ts';
import type { Certainty } from '../story/schema.ts';
import type { AnchoredFact, Sentence } from '../story/types.ts';
import { OWN_REPORTING } from './types.ts';

/** Who a passage rests on and how firm it is. */
export interface Attribution {
  /** Display name(s) of the source, or OWN_REPORTING. */
  source: string;
  /** Source ids from the story data, when the source is a declared one. */
  sourceIds: string[];
  certainty: Certainty;
}

const ALLEGED = /\b(it is (?:widely )?(?:believed|thought|suspected|alleged|claimed|rumou?red)|(?:is|are|was|were) (?:believed|thought|suspected|alleged|said|rumou?red) to|allegedly|purportedly|reportedly|unconfirmed|suspected of)\b/i;
const DENIED = /\b(den(?:y|ied|ies|ying)|rejected (?:the |any )?(?:claims?|allegations?|reports?)|dismissed (?:the )?(?:claims?|allegations?|reports?))\b/i;
const QUOTE = /["“][^"”]{3,}["”]/;
const ACCORDING = /\baccording to (?:a |an |the )?(?:reports? (?:by|from) |statement (?:by|from) )?((?:[\p{Lu}][\p{L}’'.-]*\s?)(?:[\p{L}’'.-]+\s?){0,6})/u;
const SAID = /^((?:The |A )?(?:[\p{Lu}][\p{L}’'.-]*\s){1,6}?)(?:has |have |had )?(?:said|says|reported|told|announced|stated|claimed|wrote|described|confirmed)\b/u;

/** Joins source names for display: "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function fromFact(index: StoryIndex, fact: AnchoredFact): Attribution {
  const ids = fact.attribution.filter((id) => id !== 'article');
  const names = ids.map((id) => index.story.sources.find((s) => s.id === id)?.name ?? id);
  return { source: names.length ? joinNames(names) : OWN_REPORTING, sourceIds: ids, certainty: fact.certainty };
}

/** Reads attribution and certainty from the wording of a sentence, for stories without annotated facts. */
export function readAttribution(index: StoryIndex, sentence: Sentence): Attribution {
  const text = sentence.text;
  const declared = index.story.sources.filter((s) => index.aliases.find(text).includes(s.id));
  let source: string | null = declared.length ? joinNames(declared.map((s) => s.name)) : null;
  if (!source) {
    const m = ACCORDING.exec(text) ?? SAID.exec(text);
    if (m?.[1]) source = m[1].trim().replace(/[,.;:]$/, '');
  }
  const certainty: Certainty = DENIED.test(text) ? 'denied' : ALLEGED.test(text) ? 'alleged' : source && QUOTE.test(text) ? 'quoted' : 'reported';
  return { source: source ?? OWN_REPORTING, sourceIds: declared.map((s) => s.id), certainty };
}

/**
 * The attribution of a passage: from the fact the answer rests on when there is one, else from the
 * sentence's annotated facts (a named source wins over the article's own voice), else from its wording.
 */
export function attributionOf(index: StoryIndex, sentence: Sentence, fact?: AnchoredFact): Attribution {
  if (fact) return fromFact(index, fact);
  const facts = index.factsBySentence.get(sentence.index) ?? [];
  if (facts.length) {
    const attributed = facts.find((f) => !f.attribution.includes('article'));
    const base = fromFact(index, attributed ?? facts[0]!);
    const weakest = facts.find((f) => f.certainty === 'denied') ?? facts.find((f) => f.certainty === 'alleged');
    return weakest ? { ...base, certainty: weakest.certainty } : base;
  }
  return readAttribution(index, sentence);
}
