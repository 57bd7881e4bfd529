import type { Certainty } from '../story/schema.ts';

/** The commands the answer engine understands. */
export const COMMANDS = ['who', 'when', 'where', 'what', 'why', 'ask', 'sources', 'factcheck'] as const;
export type Command = (typeof COMMANDS)[number];

/** The question kinds `ask` detects by itself. */
export type QuestionKind = 'who' | 'when' | 'where' | 'what' | 'why';

/** A factcheck verdict. */
export type Verdict = 'supported' | 'disputed' | 'contradicted' | 'not_in_story';

/** One source the story cites, for `sources`. */
export interface SourceSummary {
  name: string;
  /** What the source is ("state-run news agency (North Korea)"). */
  kind: string;
  description: string;
  /** Paragraphs that rely on it. */
  paragraphs: number[];
  /** What the story says it said or reported, verbatim. */
  says: string[];
}

/** Which element of a claim the story gives differently, and what each says: data for the renderers. */
export interface VerdictReason {
  /** What differs: another person, place, source, time, number or description; a negation; swapped roles; an overreach. */
  element: 'person' | 'place' | 'source' | 'time' | 'number' | 'description' | 'negation' | 'roles' | 'overreach' | 'unsupported';
  /** What the claim says, as typed. */
  claim?: string;
  /** What the story gives instead. */
  story?: string;
}

/** A resolved time for a `when` answer. */
export interface TimeValue {
  /** As printed in the article. */
  text: string;
  /** Normalised ISO value, when derivable. */
  value?: string;
  precision?: string;
  /** Where the value comes from: the text, or the annotator (with the basis). */
  basis?: string;
  annotator?: boolean;
}

/** Why the engine answered as it did; for people debugging and for renderers that want to say more. */
export interface AnswerTrace {
  /** The question kind used (for `ask`, the detected one). */
  kind?: QuestionKind;
  /** The annotated fact the answer rests on, if any. */
  factId?: string;
  /** Share of the question's content words (weighted by rarity) found in the passage, 0..1. */
  coverage?: number;
  /** Question words the story never uses. */
  unknownTerms?: string[];
}

/**
 * What the engine returns for every command: plain JSON, the contract of `ask --json`/`--jsonl` and the
 * input of both renderers (terminal and Discord).
 */
export interface Answer {
  command: Command;
  /** The question as cleaned for answering. */
  query: string;
  story: string;
  found: boolean;
  /** The short answer, or null when only a passage fits. */
  answer: string | null;
  /** The passage, verbatim from the article. */
  passage: string | null;
  /** 1-based paragraph, 0 = headline, null when not found. */
  paragraph: number | null;
  /** Who the story says reported it, or "the article's own reporting". */
  source: string | null;
  certainty: Certainty | null;
  /** factcheck only. */
  verdict?: Verdict;
  /** factcheck (and yes/no questions): which element the story gives differently, when there is more to say. */
  reason?: VerdictReason;
  /** A yes/no question's answer, as data. */
  yesNo?: 'yes' | 'no' | 'not_established';
  /** sources only. */
  sources?: SourceSummary[];
  /** For `when`: the time as printed and any normalised value. */
  time?: TimeValue;
  /** Not found: names, places or figures in the question that the story never mentions. */
  unknownNames?: string[];
  /** Not found: the kind of answer the question wants that the closest passage does not give. */
  missing?: 'person' | 'time' | 'place' | 'number' | 'reason' | 'thing';
  /** Not found: the passage that comes closest, marked as such by the renderers. */
  closest?: { passage: string; paragraph: number };
  /** A two-part question: the answer to each part. */
  parts?: Answer[];
  /** The question was longer than the engine reads and was cut. */
  truncated?: boolean;
  /** What a person reads, written from the fields above by the message catalogue (src/render/messages.ts). */
  message: string;
  /** Set when the input itself was unusable (empty, only symbols): the reply should say how to ask. */
  usage?: boolean;
  trace?: AnswerTrace;
}

/** The attribution label for the article's own reporting. */
export const OWN_REPORTING = "the article's own reporting";
